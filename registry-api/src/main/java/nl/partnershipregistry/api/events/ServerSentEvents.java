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
 * out's work. A stream writes the frames that arrive within {@link #WINDOW} of each other together
 * and flushes once for them, rather than once a frame: a burst of commits reaches a client as one
 * write, and a client waits at most {@link #WINDOW} longer for an event. The first frame ({@code
 * retry}) is written and flushed at once, so that the response's headers leave without waiting for
 * an event.
 */
public final class ServerSentEvents {

  /** How long a stream gathers frames before it writes them. */
  public static final Duration WINDOW = Duration.ofMillis(100);

  /** The most frames written at once. */
  static final int MOST_PER_WRITE = 256;

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

  /**
   * Writes {@code opening} at once, then {@code frames} as they come, gathered over {@link #WINDOW}
   * at most, as the response's {@code text/event-stream} body. A stream that cannot be opened (its
   * {@code frames} fail before the first is written, such as a user over the limit of streams)
   * leaves the response uncommitted, for its problem to be answered instead.
   */
  public static Mono<Void> write(
      ServerHttpResponse response, byte[] opening, Supplier<Flux<byte[]>> frames) {
    response.getHeaders().setContentType(MediaType.TEXT_EVENT_STREAM);
    response.getHeaders().setCacheControl("no-cache");
    DataBufferFactory buffers = response.bufferFactory();
    Flux<List<byte[]>> writes =
        Flux.concat(
            Mono.just(List.of(opening)),
            Flux.defer(frames).bufferTimeout(MOST_PER_WRITE, WINDOW, true));
    return response.writeAndFlushWith(
        writes.map(batch -> Flux.fromIterable(batch).map(buffers::wrap)));
  }
}
