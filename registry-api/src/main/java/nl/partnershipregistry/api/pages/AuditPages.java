package nl.partnershipregistry.api.pages;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import nl.partnershipregistry.api.command.InvalidInput;
import nl.partnershipregistry.api.events.EventArchive;
import nl.partnershipregistry.api.web.EventController;
import nl.partnershipregistry.api.web.Moment;
import nl.partnershipregistry.api.web.OffTheEventLoop;
import nl.partnershipregistry.api.web.QueryController;
import nl.partnershipregistry.api.web.TimeParameters;
import nl.partnershipregistry.core.common.InvalidValue;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipId;
import nl.partnershipregistry.eventstore.HashChainVerifier.Verification;
import nl.partnershipregistry.eventstore.StoredEvent;
import nl.partnershipregistry.projections.query.audit.AuditTrail;
import nl.partnershipregistry.projections.query.audit.FindAuditTrail;
import nl.partnershipregistry.projections.query.registry.FindPartnerships;
import nl.partnershipregistry.projections.query.registry.PartnershipPage;
import nl.partnershipregistry.projections.query.state.FindPartnershipState;
import nl.partnershipregistry.projections.query.state.PartnershipState;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The audit pages: every partnership's hash chain verified, and for one partnership who recorded
 * what and when, its corrections and retractions with their reasons, and its chain's verification.
 * The trail is the JSON API's {@code FindAuditTrail}, the verification the same {@link
 * EventArchive} check as {@code /api/partnerships/{id}/verify} and {@code /api/events/verify}. The
 * exports are downloaded here with the session (the JSON API takes HTTP Basic), by the JSON API's
 * own handlers.
 */
@Controller
public class AuditPages {

  private static final MediaType JSON_LINES = MediaType.parseMediaType("application/x-ndjson");

  private final PageQueries queries;
  private final EventArchive archive;
  private final EventController events;
  private final QueryController questions;

  public AuditPages(
      PageQueries queries,
      EventArchive archive,
      EventController events,
      QueryController questions) {
    this.queries = queries;
    this.archive = archive;
    this.events = events;
    this.questions = questions;
  }

  /**
   * Every partnership, and on request ({@code ?verify=all}) every hash chain verified: verifying
   * reads and hashes every event stored (at 200,000 events about half a minute on two cores), so
   * the page does it when asked, not on every view.
   */
  @GetMapping("/audit")
  Mono<Rendering> audit(@RequestParam(required = false) String verify) {
    boolean verifying = "all".equals(verify);
    Mono<List<Verification>> verifications =
        verifying ? OffTheEventLoop.call(archive::verifyAll) : Mono.just(List.of());
    Mono<PartnershipPage> names =
        queries.ask(
            new FindPartnerships(
                null, null, null, null, null, null, null, null, 0, FindPartnerships.MAX_SIZE),
            PartnershipPage.class);
    return Mono.zip(verifications, names)
        .map(
            answers -> {
              Map<String, String> byId =
                  answers.getT2().items().stream()
                      .collect(
                          Collectors.toMap(
                              listing -> listing.partnershipId().value(),
                              PartnershipPage.Listing::name));
              List<Checked> checked = new ArrayList<>();
              for (Verification verification : answers.getT1()) {
                checked.add(
                    new Checked(
                        verification,
                        byId.getOrDefault(
                            verification.aggregateIdentifier(),
                            verification.aggregateIdentifier())));
              }
              return Rendering.view("audit")
                  .modelAttribute(
                      "all", verifying ? EventController.Verifications.of(answers.getT1()) : null)
                  .modelAttribute("checked", checked)
                  .modelAttribute("partnerships", answers.getT2())
                  .build();
            });
  }

  /** A partnership's verification with its name, as the list of all shows it. */
  public record Checked(Verification verification, String name) {}

  @GetMapping("/audit/{id}")
  Mono<Rendering> partnership(
      @PathVariable String id, @RequestParam(required = false) String asKnownOn) {
    PartnershipId partnershipId;
    try {
      partnershipId = new PartnershipId(id);
    } catch (InvalidValue e) {
      return Mono.just(notFound(id));
    }
    FieldErrors errors = new FieldErrors();
    Instant known;
    try {
      known = TimeParameters.instant("asKnownOn", asKnownOn);
    } catch (InvalidInput e) {
      errors.add(e.field());
      known = null;
    }
    Mono<Optional<AuditTrail>> trail =
        queries.askOptional(new FindAuditTrail(partnershipId, known), AuditTrail.class);
    Mono<Optional<PartnershipState>> state =
        queries.askOptional(
            new FindPartnershipState(partnershipId, null, known), PartnershipState.class);
    Mono<Verification> verification = OffTheEventLoop.call(() -> archive.verify(id));
    return Mono.zip(trail, state, verification)
        .map(
            answers -> {
              if (answers.getT1().isEmpty() || answers.getT2().isEmpty()) {
                return notFound(id);
              }
              AuditTrail found = answers.getT1().get();
              List<AuditTrail.Recorded> recordings = found.recordings();
              return Rendering.view("audit-partnership")
                  .modelAttribute("trail", found)
                  .modelAttribute("state", answers.getT2().get())
                  .modelAttribute("verification", answers.getT3())
                  .modelAttribute(
                      "latest", recordings.isEmpty() ? null : recordings.get(recordings.size() - 1))
                  .modelAttribute("asKnownOn", asKnownOn == null ? "" : asKnownOn.strip())
                  .modelAttribute("errors", errors)
                  .build();
            });
  }

  /** Every event as stored, as {@code GET /api/events} gives it. */
  @GetMapping("/audit/events.ndjson")
  ResponseEntity<Flux<StoredEvent>> allEvents() {
    return download("events.ndjson", JSON_LINES, events.allEvents(0));
  }

  /** One partnership's events as stored, as {@code GET /api/partnerships/{id}/events} gives it. */
  @GetMapping("/audit/{id}/events.ndjson")
  ResponseEntity<Flux<StoredEvent>> partnershipEvents(@PathVariable String id) {
    return download(id + "-events.ndjson", JSON_LINES, events.partnershipEvents(id));
  }

  /** One partnership's timeline as CSV, as {@code GET /api/partnerships/{id}/timeline} gives it. */
  @GetMapping("/audit/{id}/timeline.csv")
  ResponseEntity<Mono<String>> timeline(@PathVariable String id) {
    return download(
        id + "-timeline.csv",
        new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8),
        questions.timelineCsv(id, new Moment(null, null, null)));
  }

  private static <T> ResponseEntity<T> download(String name, MediaType type, T body) {
    return ResponseEntity.ok()
        .contentType(type)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(name).build().toString())
        .body(body);
  }

  private static Rendering notFound(String id) {
    return Rendering.view("not-found")
        .modelAttribute("id", id)
        .status(HttpStatus.NOT_FOUND)
        .build();
  }
}
