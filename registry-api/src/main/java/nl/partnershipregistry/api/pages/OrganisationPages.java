package nl.partnershipregistry.api.pages;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import nl.partnershipregistry.api.web.TimeParameters;
import nl.partnershipregistry.core.common.InvalidValue;
import nl.partnershipregistry.core.organisation.OrganisationId;
import nl.partnershipregistry.core.organisation.OrganisationType;
import nl.partnershipregistry.projections.query.ledger.FindTrackRecord;
import nl.partnershipregistry.projections.query.ledger.TrackRecord;
import nl.partnershipregistry.projections.query.organisation.FindOrganisation;
import nl.partnershipregistry.projections.query.organisation.FindOrganisations;
import nl.partnershipregistry.projections.query.organisation.OrganisationPage;
import nl.partnershipregistry.projections.query.organisation.OrganisationProfile;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import reactor.core.publisher.Mono;

/**
 * The organisations (searchable by any name they carried, filtered by type and group, page by page)
 * and an organisation's page (its names over time, type, group and merger, the partnerships it took
 * part in, and its track record with its group counted), today as known now or for the day and the
 * state of knowledge a person picks ({@code asOf}, {@code asKnownOn}, read as the JSON API reads
 * them). Each asks the query gateway the JSON API's questions ({@code FindOrganisations}, {@code
 * FindOrganisation}, {@code FindTrackRecord}); as they stand today as known now they take in new
 * facts without a reload ({@link LiveUpdates}).
 */
@Controller
public class OrganisationPages {

  static final int PAGE_SIZE = 50;

  private final PageQueries queries;

  public OrganisationPages(PageQueries queries) {
    this.queries = queries;
  }

  @GetMapping("/organisations")
  Mono<Rendering> organisations(
      @RequestParam(required = false) String text,
      @RequestParam(required = false) String type,
      @RequestParam(required = false) String group,
      @RequestParam(required = false) Integer page,
      @RequestParam(required = false) String asOf,
      @RequestParam(required = false) String asKnownOn) {
    String search = text == null || text.isBlank() ? null : text.strip();
    OrganisationType chosenType = choice(type);
    OrganisationId chosenGroup = identifier(group).orElse(null);
    int chosenPage = page == null || page < 0 ? 0 : page;
    FieldErrors errors = new FieldErrors();
    LocalDate day = PageDates.read(errors, () -> TimeParameters.day("asOf", asOf));
    Instant known = PageDates.read(errors, () -> TimeParameters.instant("asKnownOn", asKnownOn));
    PageMoment moment = new PageMoment(asOf, asKnownOn);
    return queries
        .ask(
            new FindOrganisations(
                search, chosenType, chosenGroup, day, known, chosenPage, PAGE_SIZE),
            OrganisationPage.class)
        .map(
            answer ->
                Rendering.view("organisations")
                    .modelAttribute("page", answer)
                    .modelAttribute("text", search == null ? "" : search)
                    .modelAttribute("type", chosenType)
                    .modelAttribute("group", chosenGroup)
                    .modelAttribute("types", OrganisationType.values())
                    .modelAttribute("pages", (answer.total() + PAGE_SIZE - 1) / PAGE_SIZE)
                    .modelAttribute("moment", moment)
                    .modelAttribute("asOf", moment.asOf())
                    .modelAttribute("asKnownOn", moment.asKnownOn())
                    .modelAttribute("errors", errors)
                    .build());
  }

  @GetMapping("/organisations/{id}")
  Mono<Rendering> organisation(
      @PathVariable String id,
      @RequestParam(required = false) String asOf,
      @RequestParam(required = false) String asKnownOn) {
    Optional<OrganisationId> organisationId = identifier(id);
    if (organisationId.isEmpty()) {
      return Mono.just(notFound(id, null));
    }
    FieldErrors errors = new FieldErrors();
    LocalDate day = PageDates.read(errors, () -> TimeParameters.day("asOf", asOf));
    Instant known = PageDates.read(errors, () -> TimeParameters.instant("asKnownOn", asKnownOn));
    PageMoment moment = new PageMoment(asOf, asKnownOn);
    Mono<Optional<OrganisationProfile>> profile =
        queries.askOptional(
            new FindOrganisation(organisationId.get(), day, known), OrganisationProfile.class);
    Mono<Optional<TrackRecord>> record =
        queries.askOptional(
            new FindTrackRecord(organisationId.get(), day, known), TrackRecord.class);
    return Mono.zip(profile, record)
        .map(
            answers ->
                answers.getT1().isEmpty() || answers.getT2().isEmpty()
                    ? notFound(id, known)
                    : Rendering.view("organisation")
                        .modelAttribute("organisation", answers.getT1().get())
                        .modelAttribute("record", answers.getT2().get())
                        .modelAttribute("moment", moment)
                        .modelAttribute("asOf", moment.asOf())
                        .modelAttribute("asKnownOn", moment.asKnownOn())
                        .modelAttribute("errors", errors)
                        .build());
  }

  /**
   * No such organisation; or, asked as known on an earlier moment, none known then (with a link to
   * the organisation as known now).
   */
  private static Rendering notFound(String id, Instant knownOn) {
    return Rendering.view("organisation-not-found")
        .modelAttribute("id", id)
        .modelAttribute("knownOn", knownOn)
        .status(HttpStatus.NOT_FOUND)
        .build();
  }

  private static Optional<OrganisationId> identifier(String value) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(new OrganisationId(value.strip()));
    } catch (InvalidValue e) {
      return Optional.empty();
    }
  }

  /** A type by name, or null for "all" (also for a value not offered). */
  private static OrganisationType choice(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return OrganisationType.valueOf(value.strip());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
