package nl.partnershipregistry.api.web;

import nl.partnershipregistry.api.problems.NotFound;
import nl.partnershipregistry.core.organisation.OrganisationId;
import nl.partnershipregistry.projections.query.organisation.FindOrganisation;
import nl.partnershipregistry.projections.query.organisation.OrganisationPage;
import nl.partnershipregistry.projections.query.organisation.OrganisationProfile;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The organisations: a searchable list and one organisation's profile, asked of the query gateway
 * as {@link QueryController} asks (the same {@code asOf}, {@code asKnownOn} and {@code
 * afterCommit}, the same refusal while the read models are being filled). Its track record stays at
 * {@code /api/organisations/{id}/track-record}.
 */
@RestController
public class OrganisationController {

  private final QueryController questions;

  public OrganisationController(QueryController questions) {
    this.questions = questions;
  }

  @GetMapping(path = "/api/organisations", produces = "application/json")
  public Mono<OrganisationPage> organisations(OrganisationSelection selection, Moment at) {
    return questions.after(
        at, () -> questions.ask(selection.query(at.day(), at.known()), OrganisationPage.class));
  }

  /** The list as CSV: the same selection and page, one row per organisation. */
  @GetMapping(path = "/api/organisations", produces = "text/csv")
  public Mono<String> organisationsCsv(OrganisationSelection selection, Moment at) {
    return organisations(selection, at).map(RegistryCsv::organisations);
  }

  @GetMapping(path = "/api/organisations/{id}", produces = "application/json")
  public Mono<OrganisationProfile> organisation(@PathVariable String id, Moment at) {
    return questions
        .after(
            at,
            () ->
                questions.askOptional(
                    new FindOrganisation(
                        Parameters.identifier("id", id, OrganisationId::new), at.day(), at.known()),
                    OrganisationProfile.class))
        .flatMap(
            found ->
                found
                    .map(Mono::just)
                    .orElseGet(
                        () ->
                            Mono.error(new NotFound("No organisation is registered under " + id))));
  }
}
