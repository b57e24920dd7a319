package nl.partnershipregistry.api.pages;

import java.security.Principal;
import java.time.Duration;
import nl.partnershipregistry.api.events.EventArchive;
import nl.partnershipregistry.api.events.EventTail;
import nl.partnershipregistry.api.events.ServerSentEvents;
import nl.partnershipregistry.api.events.StreamLimit;
import nl.partnershipregistry.api.web.AppliedCommits;
import nl.partnershipregistry.api.web.TooManyStreams;
import nl.partnershipregistry.core.common.InvalidValue;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipId;
import nl.partnershipregistry.eventstore.StoredEvent;
import nl.partnershipregistry.projections.query.FindProjectionPosition;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseBody;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * What tells an open page that new facts arrived: server-sent events for the pages about every
 * partnership ({@code /registry/updates}: the registry, survival and audit pages), for the pages
 * about one ({@code /registry/{id}/updates}: its page, what changed, its dossier and audit trail)
 * and for the organisation pages ({@code /organisations/updates}: a fact of any partnership or
 * organisation), signed in with the page's session like the pages themselves. Each follows the same
 * {@link EventTail} as the JSON API's stream and counts towards the same {@link StreamLimit} per
 * user; it sends a small {@code changed} event (the partnership and the commit, as its id) once the
 * read models have applied that commit ({@link AppliedCommits}), so that the page asked for again
 * shows the new fact. The page's script ({@code /assets/pages/live.js}) then fetches the page and
 * replaces its main content.
 */
@Controller
public class LiveUpdates {

  private static final Duration KEEP_ALIVE = Duration.ofSeconds(15);
  private static final byte[] OPENED = ServerSentEvents.retry(Duration.ofSeconds(5));

  /**
   * The least time between two {@code changed} events of one stream: each makes the page fetch
   * itself again, so a bulk import of thousands of commits makes an open page reload once a second,
   * not once a commit. The last change is never dropped, only sent after the pause.
   */
  private static final Duration PAUSE = Duration.ofSeconds(1);

  /** Told to a user refused a stream: streams last, so there is no sense in asking again soon. */
  private static final Duration RETRY_AFTER = Duration.ofSeconds(30);

  private final EventArchive archive;
  private final EventTail tail;
  private final StreamLimit limit;
  private final AppliedCommits appliedCommits;

  public LiveUpdates(
      EventArchive archive, EventTail tail, StreamLimit limit, AppliedCommits appliedCommits) {
    this.archive = archive;
    this.tail = tail;
    this.limit = limit;
    this.appliedCommits = appliedCommits;
  }

  /** Any partnership's new facts, for the registry page. */
  @GetMapping(path = "/registry/updates", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  @ResponseBody
  Mono<Void> registry(
      @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
      Principal user,
      ServerHttpResponse response) {
    return changes(Scope.PARTNERSHIPS, null, lastEventId, user, response);
  }

  /**
   * Any fact, of a partnership or of an organisation, for the organisation pages: a track record
   * changes with a partnership's facts, a name or group with the organisation's own.
   */
  @GetMapping(path = "/organisations/updates", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  @ResponseBody
  Mono<Void> organisations(
      @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
      Principal user,
      ServerHttpResponse response) {
    return changes(Scope.EVERYTHING, null, lastEventId, user, response);
  }

  /** One partnership's new facts, for its page as it stands today as known now. */
  @GetMapping(path = "/registry/{id}/updates", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  @ResponseBody
  Mono<Void> partnership(
      @PathVariable String id,
      @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
      Principal user,
      ServerHttpResponse response) {
    PartnershipId partnershipId;
    try {
      partnershipId = new PartnershipId(id);
    } catch (InvalidValue e) {
      return Mono.error(e);
    }
    return changes(Scope.ONE_PARTNERSHIP, partnershipId, lastEventId, user, response);
  }

  /** Which facts a stream follows. */
  private enum Scope {
    /** One partnership's. */
    ONE_PARTNERSHIP,
    /** Every partnership's. */
    PARTNERSHIPS,
    /** Every fact stored, of partnerships and organisations. */
    EVERYTHING;

    boolean follows(StoredEvent event, PartnershipId partnershipId) {
      return switch (this) {
        case EVERYTHING -> true;
        case PARTNERSHIPS -> EventArchive.PARTNERSHIP.equals(event.type());
        case ONE_PARTNERSHIP ->
            EventArchive.PARTNERSHIP.equals(event.type())
                && partnershipId.value().equals(event.aggregateIdentifier());
      };
    }
  }

  private Mono<Void> changes(
      Scope scope,
      PartnershipId partnershipId,
      String lastEventId,
      Principal user,
      ServerHttpResponse response) {
    String name = user == null ? "" : user.getName();
    long resumeAfter = commit(lastEventId);
    // Taken before anything is written, so that a user over the limit is answered 429.
    StreamLimit.Place place =
        limit.take(name).orElseThrow(() -> new TooManyStreams(name, limit.perUser(), RETRY_AFTER));
    return ServerSentEvents.write(
            response,
            OPENED,
            () ->
                // The commit to start after is read before the stream opens: a fact stored once
                // the page's script knows the stream is open is never missed.
                Mono.fromCallable(() -> resumeAfter >= 0 ? resumeAfter : archive.head())
                    .subscribeOn(Schedulers.boundedElastic())
                    .flatMapMany(
                        after ->
                            Flux.merge(
                                changed(after + 1, scope, partnershipId),
                                ServerSentEvents.keepAlive(KEEP_ALIVE))))
        .doFinally(signal -> place.close());
  }

  /**
   * A {@code changed} event for each commit from {@code first} on that the scope follows, once the
   * read models show it. Commits that arrive while one is awaited, or within {@link #PAUSE} after
   * one was sent, are folded into the latest: the page shows all of them after one reload.
   */
  private Flux<byte[]> changed(long first, Scope scope, PartnershipId partnershipId) {
    FindProjectionPosition progress =
        scope != Scope.ONE_PARTNERSHIP
            ? FindProjectionPosition.overall()
            : FindProjectionPosition.of(partnershipId);
    return tail.windows(first, e -> scope.follows(e, partnershipId))
        // A window's last commit stands for it: the page reloads once for all of them.
        .map(window -> window.get(window.size() - 1))
        .distinctUntilChanged(StoredEvent::commit)
        .onBackpressureLatest()
        .concatMap(
            e ->
                appliedCommits
                    .await(e.commit(), progress)
                    .thenReturn(e)
                    // Read models still behind after the wait (a rebuild): the next change tells.
                    .onErrorResume(failure -> Mono.empty())
                    .concatWith(Mono.delay(PAUSE).then(Mono.<StoredEvent>empty())),
            1)
        .map(
            e ->
                ServerSentEvents.event(
                    Long.toString(e.commit()),
                    "changed",
                    "{\"aggregateType\":\""
                        + e.type()
                        + "\",\"aggregateId\":\""
                        + e.aggregateIdentifier()
                        + "\",\"commit\":"
                        + e.commit()
                        + "}"));
  }

  /** The commit a reconnecting browser last received, or -1 (none, or not a commit number). */
  private static long commit(String lastEventId) {
    if (lastEventId == null || lastEventId.isBlank()) {
      return -1;
    }
    try {
      return Math.max(-1, Long.parseLong(lastEventId.strip()));
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
