package nl.partnershipregistry.api.pages;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.partnershipregistry.api.command.InvalidInput;
import nl.partnershipregistry.api.web.RegistryCsv;
import nl.partnershipregistry.api.web.TimeParameters;
import nl.partnershipregistry.core.common.InvalidValue;
import nl.partnershipregistry.core.partnership.PartnershipId;
import nl.partnershipregistry.core.partnership.PartnershipKind;
import nl.partnershipregistry.core.partnership.Phase;
import nl.partnershipregistry.projections.query.DurabilityIndicators;
import nl.partnershipregistry.projections.query.FindDurabilityIndicators;
import nl.partnershipregistry.projections.query.FindPartnershipState;
import nl.partnershipregistry.projections.query.FindPartnerships;
import nl.partnershipregistry.projections.query.FindTimeline;
import nl.partnershipregistry.projections.query.PartnershipPage;
import nl.partnershipregistry.projections.query.PartnershipState;
import nl.partnershipregistry.projections.query.Timeline;
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
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/**
 * The registry page (every partnership, searchable, filtered by kind and phase, with counts) and a
 * partnership's page (its state, durability and timeline on a chosen day as known on a chosen day).
 * Each asks the query gateway the JSON API's questions; a date the page cannot read is named in an
 * error summary and the answer shown is today's as known now.
 */
@Controller
public class RegistryPages {

  private final PageQueries queries;

  public RegistryPages(PageQueries queries) {
    this.queries = queries;
  }

  @GetMapping("/registry")
  Mono<Rendering> registry(
      @RequestParam(required = false) String text,
      @RequestParam(required = false) String kind,
      @RequestParam(required = false) String phase) {
    PartnershipKind chosenKind = choice(kind, PartnershipKind.class);
    Phase chosenPhase = choice(phase, Phase.class);
    String search = search(text);
    FindPartnerships query = selection(search, chosenKind, chosenPhase);
    return queries
        .ask(query, PartnershipPage.class)
        .map(
            page ->
                Rendering.view("registry")
                    .modelAttribute("page", page)
                    .modelAttribute("text", search == null ? "" : search)
                    .modelAttribute("kind", chosenKind)
                    .modelAttribute("phase", chosenPhase)
                    .modelAttribute("kinds", PartnershipKind.values())
                    .modelAttribute("phases", Phase.values())
                    .modelAttribute("csv", csvLink(search, chosenKind, chosenPhase))
                    .build());
  }

  /** The selection on the registry page as CSV, the JSON API's table of the same question. */
  @GetMapping(path = "/registry/partnerships.csv")
  Mono<ResponseEntity<String>> registryCsv(
      @RequestParam(required = false) String text,
      @RequestParam(required = false) String kind,
      @RequestParam(required = false) String phase) {
    FindPartnerships query =
        selection(search(text), choice(kind, PartnershipKind.class), choice(phase, Phase.class));
    return queries
        .ask(query, PartnershipPage.class)
        .map(
            page ->
                ResponseEntity.ok()
                    .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                    .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                            .filename("partnerships.csv")
                            .build()
                            .toString())
                    .body(RegistryCsv.partnerships(page)));
  }

  /** Every partnership matching the page's search and filters, today as known now. */
  private static FindPartnerships selection(String text, PartnershipKind kind, Phase phase) {
    return new FindPartnerships(
        text, kind, phase, null, null, null, null, null, 0, FindPartnerships.MAX_SIZE);
  }

  private static String search(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }

  @GetMapping("/registry/{id}")
  Mono<Rendering> partnership(
      @PathVariable String id,
      @RequestParam(required = false) String asOf,
      @RequestParam(required = false) String asKnownOn) {
    PartnershipId partnershipId;
    try {
      partnershipId = new PartnershipId(id);
    } catch (InvalidValue e) {
      return Mono.just(notFound(id));
    }
    List<InvalidInput> errors = new ArrayList<>();
    LocalDate day = read(errors, () -> TimeParameters.day("asOf", asOf));
    Instant known = read(errors, () -> TimeParameters.instant("asKnownOn", asKnownOn));
    Mono<Optional<PartnershipState>> state =
        queries.askOptional(
            new FindPartnershipState(partnershipId, day, known), PartnershipState.class);
    Mono<Optional<DurabilityIndicators>> durability =
        queries.askOptional(
            new FindDurabilityIndicators(partnershipId, day, known), DurabilityIndicators.class);
    Mono<Optional<Timeline>> timeline =
        queries.askOptional(new FindTimeline(partnershipId, day, known), Timeline.class);
    return Mono.zip(state, durability, timeline)
        .map(
            answers -> {
              if (answers.getT1().isEmpty()
                  || answers.getT2().isEmpty()
                  || answers.getT3().isEmpty()) {
                return notFound(id);
              }
              return Rendering.view("partnership")
                  .modelAttribute("state", answers.getT1().get())
                  .modelAttribute("durability", answers.getT2().get())
                  .modelAttribute("timeline", answers.getT3().get())
                  .modelAttribute("asOf", asOf == null ? "" : asOf.strip())
                  .modelAttribute("asKnownOn", asKnownOn == null ? "" : asKnownOn.strip())
                  .modelAttribute("errors", errors.stream().map(InvalidInput::field).toList())
                  .build();
            });
  }

  private static Rendering notFound(String id) {
    return Rendering.view("not-found")
        .modelAttribute("id", id)
        .status(HttpStatus.NOT_FOUND)
        .build();
  }

  private static <T> T read(List<InvalidInput> errors, java.util.function.Supplier<T> value) {
    try {
      return value.get();
    } catch (InvalidInput e) {
      errors.add(e);
      return null;
    }
  }

  /** One of the enum's values by name, or null for "all" (also for a value not offered). */
  private static <E extends Enum<E>> E choice(String value, Class<E> type) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Enum.valueOf(type, value.strip());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String csvLink(String text, PartnershipKind kind, Phase phase) {
    return UriComponentsBuilder.fromPath("/registry/partnerships.csv")
        .queryParamIfPresent("text", Optional.ofNullable(text))
        .queryParamIfPresent("kind", Optional.ofNullable(kind))
        .queryParamIfPresent("phase", Optional.ofNullable(phase))
        .encode()
        .build()
        .toUriString();
  }
}
