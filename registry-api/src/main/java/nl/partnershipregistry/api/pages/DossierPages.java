package nl.partnershipregistry.api.pages;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import nl.partnershipregistry.api.web.TimeParameters;
import nl.partnershipregistry.core.common.InvalidValue;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipId;
import nl.partnershipregistry.projections.query.audit.FindKnowledgeChanges;
import nl.partnershipregistry.projections.query.audit.KnowledgeChanges;
import nl.partnershipregistry.projections.query.dossier.FindRenewalDossier;
import nl.partnershipregistry.projections.query.dossier.RenewalDossier;
import nl.partnershipregistry.projections.query.state.FindPartnershipState;
import nl.partnershipregistry.projections.query.state.PartnershipState;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import reactor.core.publisher.Mono;

/**
 * A funder's renewal dossier for one partnership as known at the end of the decision day, laid out
 * for printing, and what changed in what the registry knew about a partnership between two moments.
 * Both ask the JSON API's questions ({@code FindRenewalDossier}, {@code FindKnowledgeChanges}); a
 * value the page cannot read is named in an error summary and the default is answered instead.
 */
@Controller
public class DossierPages {

  private final PageQueries queries;

  public DossierPages(PageQueries queries) {
    this.queries = queries;
  }

  @GetMapping("/registry/{id}/dossier")
  Mono<Rendering> dossier(
      @PathVariable String id, @RequestParam(required = false) String decisionDate) {
    PartnershipId partnershipId = partnership(id);
    if (partnershipId == null) {
      return Mono.just(notFound(id));
    }
    FieldErrors errors = new FieldErrors();
    LocalDate decision =
        PageDates.read(
            errors, "error.decisionDate", () -> TimeParameters.day("decisionDate", decisionDate));
    // As the JSON API reads it: the decision day, known at its end in the Netherlands.
    Instant known =
        decision == null ? null : TimeParameters.instant("decisionDate", decision.toString());
    return queries
        .askOptional(new FindRenewalDossier(partnershipId, decision, known), RenewalDossier.class)
        .flatMap(
            found ->
                found.isPresent()
                    ? Mono.just(
                        dossierPage(
                            found.get().name(),
                            partnershipId,
                            found.get(),
                            decisionDate,
                            decision,
                            errors))
                    : unknownThen(id, partnershipId, decisionDate, decision, errors));
  }

  /** A decision day before the registry knew the partnership: said in words, with its name now. */
  private Mono<Rendering> unknownThen(
      String id,
      PartnershipId partnershipId,
      String typed,
      LocalDate decision,
      FieldErrors errors) {
    return queries
        .askOptional(new FindPartnershipState(partnershipId, null, null), PartnershipState.class)
        .map(
            now ->
                now.map(
                        state ->
                            dossierPage(state.name(), partnershipId, null, typed, decision, errors))
                    .orElseGet(() -> notFound(id)));
  }

  private static Rendering dossierPage(
      String name,
      PartnershipId id,
      RenewalDossier dossier,
      String typed,
      LocalDate decision,
      FieldErrors errors) {
    return Rendering.view("dossier")
        .modelAttribute("name", name)
        .modelAttribute("id", id.value())
        .modelAttribute("dossier", Optional.ofNullable(dossier))
        .modelAttribute("decisionDate", typed == null ? "" : typed.strip())
        .modelAttribute("decision", Optional.ofNullable(decision))
        .modelAttribute("errors", errors)
        .build();
  }

  @GetMapping("/registry/{id}/changes")
  Mono<Rendering> changes(
      @PathVariable String id,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String asOf) {
    PartnershipId partnershipId = partnership(id);
    if (partnershipId == null) {
      return Mono.just(notFound(id));
    }
    FieldErrors errors = new FieldErrors();
    Instant earlier =
        PageDates.read(errors, "error.from", () -> TimeParameters.instant("from", from));
    Instant later = PageDates.read(errors, "error.to", () -> TimeParameters.instant("to", to));
    LocalDate day = PageDates.read(errors, "error.asOf", () -> TimeParameters.day("asOf", asOf));
    if (earlier != null && earlier.isAfter(later == null ? Instant.now() : later)) {
      errors.add("from", "error.fromAfterTo");
      earlier = null;
      later = null;
    }
    return queries
        .askOptional(
            new FindKnowledgeChanges(partnershipId, day, earlier, later), KnowledgeChanges.class)
        .map(
            found ->
                found
                    .map(
                        changes ->
                            Rendering.view("changes")
                                .modelAttribute("changes", changes)
                                .modelAttribute("from", from == null ? "" : from.strip())
                                .modelAttribute("to", to == null ? "" : to.strip())
                                .modelAttribute("asOf", asOf == null ? "" : asOf.strip())
                                .modelAttribute("errors", errors)
                                .build())
                    .orElseGet(() -> notFound(id)));
  }

  private static PartnershipId partnership(String id) {
    try {
      return new PartnershipId(id);
    } catch (InvalidValue e) {
      return null;
    }
  }

  private static Rendering notFound(String id) {
    return Rendering.view("not-found")
        .modelAttribute("id", id)
        .status(HttpStatus.NOT_FOUND)
        .build();
  }
}
