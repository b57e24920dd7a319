package nl.partnershipregistry.api.web;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP/1.1 connection to the registry on 127.0.0.1, written and read byte by byte, so that a
 * test decides what shares a connection and what is sent only in part.
 */
final class RawHttp implements AutoCloseable {

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;

  RawHttp(int port, Duration readTimeout) throws IOException {
    socket = new Socket("127.0.0.1", port);
    socket.setSoTimeout((int) readTimeout.toMillis());
    in = new BufferedInputStream(socket.getInputStream());
    out = socket.getOutputStream();
  }

  static String basic(String user) {
    return "Basic "
        + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
  }

  /** The request line and headers for a request without a body. */
  static String get(String path, String authorization) {
    return "GET "
        + path
        + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        + (authorization == null ? "" : "Authorization: " + authorization + "\r\n")
        + "\r\n";
  }

  static String post(String path, String authorization, String contentType, String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return "POST "
        + path
        + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        + (authorization == null ? "" : "Authorization: " + authorization + "\r\n")
        + "Content-Type: "
        + contentType
        + "\r\nContent-Length: "
        + bytes.length
        + "\r\n\r\n"
        + body;
  }

  void send(String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  /** Reads one whole answer; a read that waits longer than the timeout fails. */
  Response read() throws IOException {
    String statusLine = line();
    int status = Integer.parseInt(statusLine.split(" ")[1]);
    Map<String, String> headers = new LinkedHashMap<>();
    for (String header = line(); !header.isEmpty(); header = line()) {
      int colon = header.indexOf(':');
      headers.put(
          header.substring(0, colon).trim().toLowerCase(Locale.ROOT),
          header.substring(colon + 1).trim());
    }
    byte[] body;
    if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      var all = new java.io.ByteArrayOutputStream();
      for (int size = Integer.parseInt(line().trim(), 16);
          size > 0;
          size = Integer.parseInt(line().trim(), 16)) {
        all.write(in.readNBytes(size));
        line();
      }
      line();
      body = all.toByteArray();
    } else if (headers.containsKey("content-length")) {
      body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
    } else {
      body = new byte[0];
    }
    return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
  }

  /** Reads whatever arrives until the text read contains {@code marker}; returns all of it. */
  String readUntil(String marker) throws IOException {
    var read = new java.io.ByteArrayOutputStream();
    while (!read.toString(StandardCharsets.UTF_8).contains(marker)) {
      int c = in.read();
      if (c == -1) {
        throw new EOFException("connection closed after: " + read.toString(StandardCharsets.UTF_8));
      }
      read.write(c);
    }
    return read.toString(StandardCharsets.UTF_8);
  }

  /**
   * Reads until the server closes the connection and returns what it sent before; fails with a
   * {@link java.net.SocketTimeoutException} when the connection stays open longer than the read
   * timeout.
   */
  String readUntilClosed() throws IOException {
    var read = new java.io.ByteArrayOutputStream();
    try {
      for (int c = in.read(); c != -1; c = in.read()) {
        read.write(c);
      }
    } catch (java.net.SocketException reset) {
      // closed by the server with a reset
    }
    return read.toString(StandardCharsets.UTF_8);
  }

  private String line() throws IOException {
    StringBuilder line = new StringBuilder();
    for (int c = in.read(); c != '\n'; c = in.read()) {
      if (c == -1) {
        throw new EOFException("connection closed after: " + line);
      }
      if (c != '\r') {
        line.append((char) c);
      }
    }
    return line.toString();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }

  record Response(int status, Map<String, String> headers, String body) {}
}
