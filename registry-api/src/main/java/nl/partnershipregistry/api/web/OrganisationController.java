package nl.partnershipregistry.api.web;

import nl.partnershipregistry.api.problems.NotFound;
import nl.partnershipregistry.core.organisation.OrganisationId;
import nl.partnershipregistry.core.organisation.OrganisationType;
import nl.partnershipregistry.projections.query.FindOrganisation;
import nl.partnershipregistry.projections.query.FindOrganisations;
import nl.partnershipregistry.projections.query.OrganisationPage;
import nl.partnershipregistry.projections.query.OrganisationProfile;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
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
  public Mono<OrganisationPage> organisations(
      @RequestParam(required = false) String text,
      @RequestParam(required = false) String type,
      @RequestParam(required = false) String group,
      @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size,
      Moment at) {
    return questions.after(
        at,
        () ->
            questions.ask(
                Parameters.query(
                    () ->
                        new FindOrganisations(
                            text,
                            Parameters.enumValue("type", type, OrganisationType.class),
                            group == null || group.isBlank()
                                ? null
                                : Parameters.identifier("group", group, OrganisationId::new),
                            at.day(),
                            at.known(),
                            page,
                            size)),
                OrganisationPage.class));
  }

  /** The list as CSV: the same selection and page, one row per organisation. */
  @GetMapping(path = "/api/organisations", produces = "text/csv")
  public Mono<String> organisationsCsv(
      @RequestParam(required = false) String text,
      @RequestParam(required = false) String type,
      @RequestParam(required = false) String group,
      @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size,
      Moment at) {
    return organisations(text, type, group, page, size, at).map(RegistryCsv::organisations);
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
