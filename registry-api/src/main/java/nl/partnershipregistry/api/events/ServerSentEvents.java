package nl.partnershipregistry.api.events;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Server-sent events as the bytes a stream writes ({@code text/event-stream}), for the JSON API's
 * live stream and the pages' updates alike.
 *
 * <p>An event is encoded once, as a frame ({@link #event}), and the same bytes are written to every
 * stream that sends it: with 1,000 streams open, encoding each event per stream was most of the fan
 * out's work. A stream writes its frames in windows, each as one buffer, flushed once: the live
 * stream's windows are those of the {@link EventTail} (the events of the commits gathered over
 * {@link EventTail#WINDOW}), so a burst of commits reaches a client as one write (one chunk of the
 * response rather than one a frame), and the streams that hand on the same window write the same
 * joined bytes. The first frame ({@code retry}) is written and flushed at once, so that the
 * response's headers leave without waiting for an event.
 */
public final class ServerSentEvents {

  /** A comment line: keeps a connection that carries no events from being closed as idle. */
  public static final byte[] KEEP_ALIVE = ":\n\n".getBytes(StandardCharsets.UTF_8);

  private ServerSentEvents() {}

  /**
   * An event's frame: its id, its name and its data, each line of the data on a {@code data:} line
   * of its own.
   */
  public static byte[] event(String id, String name, String data) {
    StringBuilder frame = new StringBuilder(data.length() + 64);
    frame.append("id:").append(id).append('\n');
    frame.append("event:").append(name).append('\n');
    for (String line : data.split("\r\n|\r|\n", -1)) {
      frame.append("data:").append(line).append('\n');
    }
    return frame.append('\n').toString().getBytes(StandardCharsets.UTF_8);
  }

  /** The frame that tells a client how long to wait before it reconnects. */
  public static byte[] retry(Duration reconnect) {
    return ("retry:" + reconnect.toMillis() + "\n\n").getBytes(StandardCharsets.UTF_8);
  }

  /** Frames of comments sent every {@code every}, for a stream that may carry no event for long. */
  public static Flux<byte[]> keepAlive(Duration every) {
    return Flux.interval(every).map(tick -> KEEP_ALIVE);
  }

  /** Frames as one write: a window's frames, in order, in one buffer. */
  public static byte[] join(List<byte[]> frames) {
    if (frames.size() == 1) {
      return frames.get(0);
    }
    int length = 0;
    for (byte[] frame : frames) {
      length += frame.length;
    }
    byte[] joined = new byte[length];
    int at = 0;
    for (byte[] frame : frames) {
      System.arraycopy(frame, 0, joined, at, frame.length);
      at += frame.length;
    }
    return joined;
  }

  /**
   * Writes {@code opening} at once, then each of {@code writes} as it comes (one frame, or a
   * window's frames {@link #join joined}), each flushed at once, as the response's {@code
   * text/event-stream} body. A stream that cannot be opened (its {@code writes} fail before the
   * first is written, such as a user over the limit of streams) leaves the response uncommitted,
   * for its problem to be answered instead.
   */
  public static Mono<Void> write(
      ServerHttpResponse response, byte[] opening, Supplier<Flux<byte[]>> writes) {
    response.getHeaders().setContentType(MediaType.TEXT_EVENT_STREAM);
    response.getHeaders().setCacheControl("no-cache");
    DataBufferFactory buffers = response.bufferFactory();
    // One body for the stream's life, each write flushed as the server drains it: cheaper per write
    // than a body of bodies (writeAndFlushWith), which subscribes to a new sender for each.
    return response.writeWith(
        Flux.concat(Mono.just(opening), Flux.defer(writes)).map(buffers::wrap));
  }
}
