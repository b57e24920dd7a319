package nl.partnershipregistry.api.pages;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import nl.partnershipregistry.api.command.InvalidInput;
import nl.partnershipregistry.api.web.RegistryCsv;
import nl.partnershipregistry.api.web.TimeParameters;
import nl.partnershipregistry.core.common.InvalidValue;
import nl.partnershipregistry.core.partnership.KatapultType;
import nl.partnershipregistry.core.partnership.PartnershipId;
import nl.partnershipregistry.core.partnership.PartnershipKind;
import nl.partnershipregistry.core.partnership.Phase;
import nl.partnershipregistry.projections.query.CohortOutcomes;
import nl.partnershipregistry.projections.query.CommitmentLedger;
import nl.partnershipregistry.projections.query.DurabilityIndicators;
import nl.partnershipregistry.projections.query.DurabilityIndicators.Condition;
import nl.partnershipregistry.projections.query.FindCohortOutcomes;
import nl.partnershipregistry.projections.query.FindCommitmentLedger;
import nl.partnershipregistry.projections.query.FindDurabilityIndicators;
import nl.partnershipregistry.projections.query.FindFundingMix;
import nl.partnershipregistry.projections.query.FindPartnershipState;
import nl.partnershipregistry.projections.query.FindPartnerships;
import nl.partnershipregistry.projections.query.FindTimeline;
import nl.partnershipregistry.projections.query.FundingMix;
import nl.partnershipregistry.projections.query.PartnershipPage;
import nl.partnershipregistry.projections.query.PartnershipState;
import nl.partnershipregistry.projections.query.Timeline;
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
import reactor.core.publisher.Mono;

/**
 * The registry page (every partnership, searchable, filtered by kind and phase, with counts) and a
 * partnership's page (its state, funding, commitments, cohorts, durability and timeline on a chosen
 * day as known on a chosen day, each section from its own question asked with the same two dates).
 * Each asks the query gateway the JSON API's questions; a date the page cannot read is named in an
 * error summary and the answer shown is today's as known now.
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
      @RequestParam(required = false) String asKnownOn,
      Locale locale) {
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
                  .modelAttribute("errors", errors.stream().map(InvalidInput::field).toList())
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
