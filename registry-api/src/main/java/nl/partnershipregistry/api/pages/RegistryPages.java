package nl.partnershipregistry.api.pages;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import nl.partnershipregistry.api.web.RegistryCsv;
import nl.partnershipregistry.api.web.TimeParameters;
import nl.partnershipregistry.core.common.InvalidValue;
import nl.partnershipregistry.core.partnership.vocabulary.KatapultType;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipId;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipKind;
import nl.partnershipregistry.core.partnership.vocabulary.Phase;
import nl.partnershipregistry.projections.query.cohort.CohortOutcomes;
import nl.partnershipregistry.projections.query.cohort.FindCohortOutcomes;
import nl.partnershipregistry.projections.query.durability.DurabilityIndicators;
import nl.partnershipregistry.projections.query.durability.DurabilityIndicators.Condition;
import nl.partnershipregistry.projections.query.durability.FindDurabilityIndicators;
import nl.partnershipregistry.projections.query.funding.FindFundingMix;
import nl.partnershipregistry.projections.query.funding.FundingMix;
import nl.partnershipregistry.projections.query.ledger.CommitmentLedger;
import nl.partnershipregistry.projections.query.ledger.FindCommitmentLedger;
import nl.partnershipregistry.projections.query.registry.FindPartnerships;
import nl.partnershipregistry.projections.query.registry.PartnershipPage;
import nl.partnershipregistry.projections.query.state.FindPartnershipState;
import nl.partnershipregistry.projections.query.state.PartnershipState;
import nl.partnershipregistry.projections.query.timeline.FindTimeline;
import nl.partnershipregistry.projections.query.timeline.Timeline;
import org.springframework.context.MessageSource;
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
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The registry page (every partnership, searchable, filtered by kind, phase, region and sector,
 * sorted by a column, paged, on a chosen day as known on a chosen day, with counts) and a
 * partnership's page (its state, funding, commitments, cohorts, durability and timeline on a chosen
 * day as known on a chosen day, each section from its own question asked with the same two dates).
 * Each asks the query gateway the JSON API's questions with the JSON API's parameters; a date the
 * page cannot read is named in an error summary and the answer shown is today's as known now.
 */
@Controller
public class RegistryPages {

  /** The most texts a condition's rule has (critical mass: a technohub needs more partners). */
  static final int RULE_VARIANTS = 3;

  private final PageQueries queries;
  private final MessageSource messages;

  public RegistryPages(PageQueries queries, MessageSource messages) {
    this.queries = queries;
    this.messages = messages;
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
    RegistrySelection asked =
        selection(text, kind, phase, region, sector, sort, order, page, size, asOf, asKnownOn);
    FieldErrors errors = new FieldErrors();
    // A text the list cannot search for is marked at its field, and the list shown without it.
    boolean searchable = !FindPartnerships.tooManyWords(asked.text());
    RegistrySelection selection = searchable ? asked : asked.withoutText();
    if (!searchable) {
      errors.add("text");
    }
    LocalDate day = PageDates.read(errors, () -> TimeParameters.day("asOf", asOf));
    Instant known = PageDates.read(errors, () -> TimeParameters.instant("asKnownOn", asKnownOn));
    return queries
        .ask(selection.query(day, known), PartnershipPage.class)
        .map(
            answer ->
                Rendering.view("registry")
                    .modelAttribute("page", answer)
                    .modelAttribute("selection", selection)
                    .modelAttribute("text", asked.text() == null ? "" : asked.text())
                    .modelAttribute("kind", selection.kind())
                    .modelAttribute("phase", selection.phase())
                    .modelAttribute("kinds", PartnershipKind.values())
                    .modelAttribute("phases", Phase.values())
                    .modelAttribute("pages", pageCount(answer))
                    .modelAttribute("errors", errors)
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
    FieldErrors errors = new FieldErrors();
    LocalDate day = PageDates.read(errors, () -> TimeParameters.day("asOf", asOf));
    Instant known = PageDates.read(errors, () -> TimeParameters.instant("asKnownOn", asKnownOn));
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
      @RequestParam(required = false) String asKnownOn,
      Locale locale) {
    PartnershipId partnershipId;
    try {
      partnershipId = new PartnershipId(id);
    } catch (InvalidValue e) {
      return Mono.just(notFound(id));
    }
    FieldErrors errors = new FieldErrors();
    LocalDate day = PageDates.read(errors, () -> TimeParameters.day("asOf", asOf));
    Instant known = PageDates.read(errors, () -> TimeParameters.instant("asKnownOn", asKnownOn));
    Mono<Optional<PartnershipState>> state =
        queries.askOptional(
            new FindPartnershipState(partnershipId, day, known), PartnershipState.class);
    Mono<Optional<FundingMix>> funding =
        queries.askOptional(new FindFundingMix(partnershipId, day, known), FundingMix.class);
    Mono<Optional<CommitmentLedger>> ledger =
        queries.askOptional(
            new FindCommitmentLedger(partnershipId, day, known), CommitmentLedger.class);
    Mono<Optional<CohortOutcomes>> cohorts =
        queries.askOptional(
            new FindCohortOutcomes(partnershipId, day, known), CohortOutcomes.class);
    Mono<Optional<DurabilityIndicators>> durability =
        queries.askOptional(
            new FindDurabilityIndicators(partnershipId, day, known), DurabilityIndicators.class);
    Mono<Optional<Timeline>> timeline =
        queries.askOptional(new FindTimeline(partnershipId, day, known), Timeline.class);
    return Mono.zip(state, funding, ledger, cohorts, durability, timeline)
        .map(
            answers -> {
              if (answers.getT1().isEmpty()
                  || answers.getT2().isEmpty()
                  || answers.getT3().isEmpty()
                  || answers.getT4().isEmpty()
                  || answers.getT5().isEmpty()
                  || answers.getT6().isEmpty()) {
                return known == null ? notFound(id) : notKnownYet(id, known, asOf);
              }
              PartnershipState found = answers.getT1().get();
              FundingMix mix = answers.getT2().get();
              DurabilityIndicators indicators = answers.getT5().get();
              return Rendering.view("partnership")
                  .modelAttribute("state", found)
                  .modelAttribute("katapultPlace", KatapultPlace.of(found.katapult()))
                  .modelAttribute("katapultTypes", KatapultType.values())
                  .modelAttribute("funding", mix)
                  .modelAttribute("fundingChart", FundingChart.of(mix))
                  .modelAttribute("ledger", answers.getT3().get())
                  .modelAttribute("cohorts", answers.getT4().get())
                  .modelAttribute("durability", indicators)
                  .modelAttribute("rules", rules(indicators, locale))
                  .modelAttribute("timeline", answers.getT6().get())
                  .modelAttribute("asOf", asOf == null ? "" : asOf.strip())
                  .modelAttribute("asKnownOn", asKnownOn == null ? "" : asKnownOn.strip())
                  .modelAttribute("errors", errors)
                  .build();
            });
  }

  /**
   * Each condition's rule in the page's language: the text of the key {@code rule.<condition>} (or
   * {@code rule.<condition>.2}, ...) whose English words are the answer's rule, else the answer's
   * own English rule, so a page never shows a rule other than the one the answer applied.
   */
  private Map<Condition, String> rules(DurabilityIndicators indicators, Locale locale) {
    Map<Condition, String> rules = new EnumMap<>(Condition.class);
    for (DurabilityIndicators.Indicator indicator : indicators.indicators()) {
      String rule = indicator.rule();
      for (int variant = 1; variant <= RULE_VARIANTS; variant++) {
        String key = "rule." + indicator.condition() + (variant == 1 ? "" : "." + variant);
        if (rule != null && rule.equals(messages.getMessage(key, null, null, Locale.ENGLISH))) {
          rule = messages.getMessage(key, null, rule, locale);
          break;
        }
      }
      rules.put(indicator.condition(), rule);
    }
    return rules;
  }

  /**
   * A partnership the registry did not know at the instant asked about: said so, with the way to
   * what it knows now, rather than that it holds none.
   */
  private static Rendering notKnownYet(String id, Instant known, String asOf) {
    return Rendering.view("not-found")
        .modelAttribute("id", id)
        .modelAttribute("knownOn", known)
        .modelAttribute(
            "now",
            UriComponentsBuilder.fromPath("/registry/{id}")
                .queryParamIfPresent(
                    "asOf", Optional.ofNullable(asOf).map(String::strip).filter(a -> !a.isEmpty()))
                .buildAndExpand(id)
                .encode()
                .toUriString())
        .status(HttpStatus.NOT_FOUND)
        .build();
  }

  private static Rendering notFound(String id) {
    return Rendering.view("not-found")
        .modelAttribute("id", id)
        .status(HttpStatus.NOT_FOUND)
        .build();
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
