package nl.partnershipregistry.api.pages;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The registry page (every partnership, searchable, filtered by kind, phase, region and sector,
 * sorted by a column, paged, on a chosen day as known on a chosen day, with counts) and a
 * partnership's page (its state, durability and timeline on a chosen day as known on a chosen day).
 * Each asks the query gateway the JSON API's questions with the JSON API's parameters; a date the
 * page cannot read is named in an error summary and the answer shown is today's as known now.
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
      @RequestParam(required = false) String phase,
      @RequestParam(required = false) String region,
      @RequestParam(required = false) String sector,
      @RequestParam(required = false) String sort,
      @RequestParam(required = false) String order,
      @RequestParam(required = false) String page,
      @RequestParam(required = false) String size,
      @RequestParam(required = false) String asOf,
      @RequestParam(required = false) String asKnownOn) {
    RegistrySelection selection =
        selection(text, kind, phase, region, sector, sort, order, page, size, asOf, asKnownOn);
    List<InvalidInput> errors = new ArrayList<>();
    LocalDate day = read(errors, () -> TimeParameters.day("asOf", asOf));
    Instant known = read(errors, () -> TimeParameters.instant("asKnownOn", asKnownOn));
    return queries
        .ask(selection.query(day, known), PartnershipPage.class)
        .map(
            answer ->
                Rendering.view("registry")
                    .modelAttribute("page", answer)
                    .modelAttribute("selection", selection)
                    .modelAttribute("text", selection.text() == null ? "" : selection.text())
                    .modelAttribute("kind", selection.kind())
                    .modelAttribute("phase", selection.phase())
                    .modelAttribute("kinds", PartnershipKind.values())
                    .modelAttribute("phases", Phase.values())
                    .modelAttribute("pages", pageCount(answer))
                    .modelAttribute("errors", errors.stream().map(InvalidInput::field).toList())
                    .modelAttribute("csv", selection.csvLink())
                    .build());
  }

  /**
   * The selection on the registry page as CSV, every page of it: the JSON API's table of the same
   * question, asked page by page at the first page's moment.
   */
  @GetMapping(path = "/registry/partnerships.csv")
  Mono<ResponseEntity<String>> registryCsv(
      @RequestParam(required = false) String text,
      @RequestParam(required = false) String kind,
      @RequestParam(required = false) String phase,
      @RequestParam(required = false) String region,
      @RequestParam(required = false) String sector,
      @RequestParam(required = false) String sort,
      @RequestParam(required = false) String order,
      @RequestParam(required = false) String asOf,
      @RequestParam(required = false) String asKnownOn) {
    RegistrySelection selection =
        selection(text, kind, phase, region, sector, sort, order, null, null, asOf, asKnownOn);
    List<InvalidInput> errors = new ArrayList<>();
    LocalDate day = read(errors, () -> TimeParameters.day("asOf", asOf));
    Instant known = read(errors, () -> TimeParameters.instant("asKnownOn", asKnownOn));
    int size = FindPartnerships.MAX_SIZE;
    return queries
        .ask(selection.query(day, known, 0, size), PartnershipPage.class)
        .flatMap(
            first ->
                Flux.range(1, (int) ((first.total() + size - 1) / size) - 1)
                    .concatMap(
                        number ->
                            queries.ask(
                                selection.query(first.asOf(), first.asKnownOn(), number, size),
                                PartnershipPage.class))
                    .startWith(first)
                    .collectList())
        .map(
            pages ->
                ResponseEntity.ok()
                    .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                    .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                            .filename("partnerships.csv")
                            .build()
                            .toString())
                    .body(RegistryCsv.partnerships(pages)));
  }

  /**
   * The page's choices as the JSON API reads them; what the page cannot read (a kind not offered, a
   * page number that is not one) is left at its default rather than refused.
   */
  private static RegistrySelection selection(
      String text,
      String kind,
      String phase,
      String region,
      String sector,
      String sort,
      String order,
      String page,
      String size,
      String asOf,
      String asKnownOn) {
    int pageSize = number(size, RegistrySelection.PAGE_SIZE);
    return new RegistrySelection(
        search(text),
        choice(kind, PartnershipKind.class),
        choice(phase, Phase.class),
        search(region),
        search(sector),
        RegistrySelection.sort(sort),
        "desc".equalsIgnoreCase(order == null ? "" : order.strip()),
        Math.max(0, number(page, 0)),
        pageSize < 1 || pageSize > FindPartnerships.MAX_SIZE
            ? RegistrySelection.PAGE_SIZE
            : pageSize,
        asOf == null ? "" : asOf.strip(),
        asKnownOn == null ? "" : asKnownOn.strip());
  }

  private static int number(String value, int otherwise) {
    if (value == null || value.isBlank()) {
      return otherwise;
    }
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      return otherwise;
    }
  }

  private static int pageCount(PartnershipPage page) {
    return (int) Math.max(1, (page.total() + page.size() - 1) / page.size());
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
      return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
