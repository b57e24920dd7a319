package nl.partnershipregistry.api.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.security.Principal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import nl.partnershipregistry.api.events.EventArchive;
import nl.partnershipregistry.api.events.EventTail;
import nl.partnershipregistry.api.events.ServerSentEvents;
import nl.partnershipregistry.api.events.StreamLimit;
import nl.partnershipregistry.api.problems.NotFound;
import nl.partnershipregistry.eventstore.HashChainVerifier.Verification;
import nl.partnershipregistry.eventstore.StoredEvent;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The event store as stored: exports as JSON Lines with each event's hash-chain links (checkable by
 * anyone with {@code docs/hash-chain.md}), the chain's verification, and a live stream of new
 * events as server-sent events.
 */
@RestController
public class EventController {

  static final MediaType JSON_LINES = MediaType.parseMediaType("application/x-ndjson");

  private static final int COMMITS_PER_READ = 500;
  private static final Duration KEEP_ALIVE = Duration.ofSeconds(15);
  private static final long FROM_NEXT_STORED = -1;

  /** How long a client waits before it reconnects, sent first so that the response starts. */
  private static final Duration RECONNECT = Duration.ofSeconds(5);

  private static final byte[] OPENED = ServerSentEvents.retry(RECONNECT);

  /** Events encoded lately; past this many the memo starts again. */
  private static final int ENCODED_KEPT = 4096;

  /** Windows joined lately; past this many the memo starts again. */
  private static final int WINDOWS_KEPT = 256;

  /** Told to a user refused a stream: streams last, so there is no sense in asking again soon. */
  private static final Duration RETRY_AFTER = Duration.ofSeconds(30);

  private final EventArchive archive;
  private final EventTail tail;
  private final StreamLimit limit;
  private final ObjectMapper json;

  /**
   * Each event's frame, encoded once for all the streams that send it rather than once per stream:
   * with 1,000 streams open, parsing and writing every event per stream took most of the CPU.
   */
  private final Map<Long, byte[]> encoded = new ConcurrentHashMap<>();

  /** A window of events: its first and last event, how many, and the partnership it keeps. */
  private record Window(long first, long last, int size, String partnershipId) {}

  /** Windows joined lately, for the streams that hand on the same window. */
  private final Map<Window, byte[]> windows = new ConcurrentHashMap<>();

  public EventController(
      EventArchive archive, EventTail tail, StreamLimit limit, ObjectMapper json) {
    this.archive = archive;
    this.tail = tail;
    this.limit = limit;
    this.json = json;
  }

  /** One partnership's events exactly as stored, in sequence order, one JSON object a line. */
  @GetMapping(
      path = "/api/partnerships/{id}/events",
      produces = {"application/x-ndjson", "application/json"})
  public Flux<StoredEvent> partnershipEvents(@PathVariable String id) {
    return Mono.fromCallable(() -> archive.partnershipEvents(id))
        .subscribeOn(Schedulers.boundedElastic())
        .flatMapMany(
            partnership -> {
              if (partnership.isEmpty()) {
                return Flux.error(new NotFound("No partnership is registered under " + id));
              }
              return Flux.fromIterable(partnership);
            });
  }

  /**
   * Every event from commit {@code fromCommit} on (default: the first), in commit order, exactly as
   * stored.
   */
  @GetMapping(path = "/api/events", produces = "application/x-ndjson")
  public Flux<StoredEvent> allEvents(@RequestParam(defaultValue = "0") long fromCommit) {
    if (fromCommit < 0) {
      return Flux.error(
          new org.springframework.web.server.ServerWebInputException(
              "fromCommit must be 0 or more"));
    }
    AtomicLong next = new AtomicLong(fromCommit);
    return Mono.fromCallable(() -> archive.commits(next.get(), COMMITS_PER_READ))
        .subscribeOn(Schedulers.boundedElastic())
        .repeat()
        .takeUntil(batch -> batch.isEmpty())
        .filter(batch -> !batch.isEmpty())
        .doOnNext(batch -> next.set(batch.get(batch.size() - 1).commit() + 1))
        .concatMapIterable(batch -> batch);
  }

  /** Checks a partnership's hash chain and reports every broken link, if any. */
  @GetMapping("/api/partnerships/{id}/verify")
  public Mono<Verification> verify(@PathVariable String id) {
    return OffTheEventLoop.call(() -> archive.verify(id))
        .flatMap(
            verification ->
                verification.eventsChecked() == 0
                    ? Mono.error(new NotFound("No partnership is registered under " + id))
                    : Mono.just(verification));
  }

  /**
   * Checks every partnership's hash chain: intact when all are, and each partnership's verification
   * (as {@code /api/partnerships/{id}/verify} gives it) in the order they were first stored.
   */
  @GetMapping("/api/events/verify")
  public Mono<Verifications> verifyAll() {
    return OffTheEventLoop.call(() -> Verifications.of(archive.verifyAll()));
  }

  /**
   * The hash chains of every partnership.
   *
   * @param intact whether every partnership's chain is intact
   * @param partnerships how many partnerships were checked
   * @param broken how many of them have a broken link
   * @param verifications each partnership's verification
   */
  public record Verifications(
      boolean intact, int partnerships, int broken, List<Verification> verifications) {

    public static Verifications of(List<Verification> verifications) {
      int broken = (int) verifications.stream().filter(v -> !v.intact()).count();
      return new Verifications(broken == 0, verifications.size(), broken, verifications);
    }
  }

  /**
   * New events as they are stored, as server-sent events whose id is the commit number. A client
   * resumes after the commit in {@code Last-Event-ID} (browsers send it when they reconnect), or
   * from {@code fromCommit}; without either, the stream starts with the next event stored. {@code
   * partnershipId} keeps one partnership's events. The response starts at once, with a {@code
   * retry} field; every stream follows the one {@link EventTail}, and a user holds at most {@link
   * StreamLimit#perUser()} streams open.
   */
  @GetMapping(path = "/api/events/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  @ApiResponse(
      responseCode = "200",
      description =
          "Server-sent events: each an event stored, its id the commit number, its name the"
              + " event's type, its data a StreamedEvent in JSON",
      content =
          @Content(
              mediaType = MediaType.TEXT_EVENT_STREAM_VALUE,
              schema = @Schema(implementation = StreamedEvent.class)))
  public Mono<Void> stream(
      @RequestParam(required = false) String partnershipId,
      @RequestParam(required = false) Long fromCommit,
      @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
      Principal user,
      @Parameter(hidden = true) ServerHttpResponse response) {
    long resumeAfter = resumeAfter(lastEventId);
    long first =
        resumeAfter >= 0
            ? resumeAfter + 1
            : fromCommit != null ? Math.max(0, fromCommit) : FROM_NEXT_STORED;
    String name = user == null ? "" : user.getName();
    // Taken before anything is written, so that a user over the limit is answered 429.
    StreamLimit.Place place =
        limit.take(name).orElseThrow(() -> new TooManyStreams(name, limit.perUser(), RETRY_AFTER));
    return ServerSentEvents.write(
            response,
            OPENED,
            () -> Flux.merge(events(first, partnershipId), ServerSentEvents.keepAlive(KEEP_ALIVE)))
        .doFinally(signal -> place.close());
  }

  private Flux<byte[]> events(long first, String partnershipId) {
    return tail.windows(
            first,
            e ->
                partnershipId == null
                    || (EventArchive.PARTNERSHIP.equals(e.type())
                        && partnershipId.equals(e.aggregateIdentifier())))
        .map(window -> joined(window, partnershipId));
  }

  /**
   * A window's frames as one write, joined once for all the streams that hand on the same window
   * (the same events, for the same partnership or for all).
   */
  private byte[] joined(List<StoredEvent> window, String partnershipId) {
    Window key =
        new Window(
            key(window.get(0)),
            key(window.get(window.size() - 1)),
            window.size(),
            partnershipId == null ? "" : partnershipId);
    byte[] known = windows.get(key);
    if (known != null) {
      return known;
    }
    byte[] bytes = ServerSentEvents.join(window.stream().map(this::frame).toList());
    if (windows.size() >= WINDOWS_KEPT) {
      windows.clear();
    }
    windows.put(key, bytes);
    return bytes;
  }

  private static long key(StoredEvent e) {
    return EventArchive.firstPosition(e.commit()) + e.index();
  }

  /**
   * The event as the stream sends it: a {@link StreamedEvent} in JSON, on one line, named by its
   * type, with its commit as id; encoded once for every stream that sends it.
   */
  private byte[] frame(StoredEvent e) {
    long key = key(e);
    byte[] known = encoded.get(key);
    if (known != null) {
      return known;
    }
    byte[] frame;
    try {
      frame =
          ServerSentEvents.event(
              Long.toString(e.commit()),
              StreamedEvent.eventName(e),
              json.writeValueAsString(StreamedEvent.of(e, json)));
    } catch (JsonProcessingException ex) {
      throw new IllegalStateException("event " + key + " cannot be written as JSON", ex);
    }
    if (encoded.size() >= ENCODED_KEPT) {
      encoded.clear();
    }
    encoded.put(key, frame);
    return frame;
  }

  private static long resumeAfter(String lastEventId) {
    if (lastEventId == null || lastEventId.isBlank()) {
      return -1;
    }
    try {
      long commit = Long.parseLong(lastEventId.trim());
      if (commit < 0) {
        throw new NumberFormatException();
      }
      return commit;
    } catch (NumberFormatException e) {
      throw new org.springframework.web.server.ServerWebInputException(
          "Last-Event-ID must be a commit number, as sent in the stream's ids");
    }
  }

  /**
   * An event in the live stream: where it is stored, what it is about, and the event itself.
   *
   * @param commit the commit number, also the server-sent event's id
   * @param aggregateType {@code Partnership} or {@code Organisation}
   * @param eventType the event's name: {@code CommitmentRecorded}
   * @param event the event's fields, as in the event catalogue
   */
  public record StreamedEvent(
      long commit,
      int index,
      String aggregateType,
      String aggregateIdentifier,
      long sequenceNumber,
      String eventType,
      String timestamp,
      JsonNode event,
      String hash) {

    static StreamedEvent of(StoredEvent e, ObjectMapper json) {
      JsonNode payload;
      try {
        payload = json.readTree(e.payload());
      } catch (JsonProcessingException ex) {
        payload = json.getNodeFactory().textNode(e.payload());
      }
      return new StreamedEvent(
          e.commit(),
          e.index(),
          e.type(),
          e.aggregateIdentifier(),
          e.sequenceNumber(),
          eventName(e),
          e.timestamp(),
          payload,
          e.hash());
    }

    static String eventName(StoredEvent e) {
      String type = e.payloadType();
      return type.substring(type.lastIndexOf('.') + 1);
    }
  }
}
