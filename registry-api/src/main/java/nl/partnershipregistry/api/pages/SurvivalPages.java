package nl.partnershipregistry.api.pages;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import nl.partnershipregistry.api.web.TimeParameters;
import nl.partnershipregistry.projections.query.survival.FindSurvivalCurves;
import nl.partnershipregistry.projections.query.survival.SurvivalCurves;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import reactor.core.publisher.Mono;

/**
 * How long partnerships last: the Kaplan-Meier curves of {@code FindSurvivalCurves} (the JSON API's
 * {@code /api/analytics/survival}), on a chosen day as known on a chosen day (today as known now
 * unless asked), in all or grouped by kind, by funding profile or by employer concentration; drawn
 * as an inline SVG ({@link SurvivalChart}) with the steps and the medians in tables beneath, and
 * the partnerships left out for an unknown start named.
 */
@Controller
public class SurvivalPages {

  /** The groupings the page offers, each one of the answer's lists of curves. */
  enum Grouping {
    ALL,
    KIND,
    FUNDING,
    EMPLOYERS;

    List<SurvivalCurves.Curve> curves(SurvivalCurves answer) {
      return switch (this) {
        case ALL -> List.of(answer.overall());
        case KIND -> answer.byKind();
        case FUNDING -> answer.byFundingProfile();
        case EMPLOYERS -> answer.byEmployerConcentration();
      };
    }

    /** The message key of a group's name. */
    String labelKey(String group) {
      return this == KIND ? "kind." + group : "survival.group." + group.replace(' ', '-');
    }
  }

  private final PageQueries queries;

  public SurvivalPages(PageQueries queries) {
    this.queries = queries;
  }

  @GetMapping("/survival")
  Mono<Rendering> survival(
      @RequestParam(required = false) String by,
      @RequestParam(required = false) String asOf,
      @RequestParam(required = false) String asKnownOn) {
    Grouping grouping = grouping(by);
    FieldErrors errors = new FieldErrors();
    LocalDate day = PageDates.read(errors, () -> TimeParameters.day("asOf", asOf));
    Instant known = PageDates.read(errors, () -> TimeParameters.instant("asKnownOn", asKnownOn));
    return queries
        .ask(new FindSurvivalCurves(day, known), SurvivalCurves.class)
        .map(
            answer -> {
              List<SurvivalCurves.Curve> curves = grouping.curves(answer);
              List<String> labels = curves.stream().map(c -> grouping.labelKey(c.group())).toList();
              return Rendering.view("survival")
                  .modelAttribute("answer", answer)
                  .modelAttribute("grouping", grouping)
                  .modelAttribute("groupings", Grouping.values())
                  .modelAttribute("curves", curves)
                  .modelAttribute("labels", labels)
                  .modelAttribute("chart", SurvivalChart.of(curves, labels))
                  .modelAttribute("asOf", asOf == null ? "" : asOf.strip())
                  .modelAttribute("asKnownOn", asKnownOn == null ? "" : asKnownOn.strip())
                  .modelAttribute("errors", errors)
                  .build();
            });
  }

  private static Grouping grouping(String by) {
    if (by == null || by.isBlank()) {
      return Grouping.ALL;
    }
    try {
      return Grouping.valueOf(by.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return Grouping.ALL;
    }
  }
}
