package nl.partnershipregistry.api.web;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import nl.partnershipregistry.core.organisation.OrganisationId;
import nl.partnershipregistry.core.organisation.OrganisationType;
import nl.partnershipregistry.projections.query.organisation.FindOrganisations;
import org.springdoc.core.annotations.ParameterObject;

/**
 * Which organisations the list shows and which page of them: the query parameters of {@code GET
 * /api/organisations}, in JSON and in CSV alike. Each is checked when the question is made, with a
 * 400 naming it.
 */
@ParameterObject
public record OrganisationSelection(
    @Parameter(
            in = ParameterIn.QUERY,
            description =
                "Part of a name the organisation carries or carried, or of its id (case and accents"
                    + " ignored).",
            example = "hitec")
        String text,
    @Parameter(in = ParameterIn.QUERY, description = "A type of organisation.")
        @Schema(implementation = OrganisationType.class)
        String type,
    @Parameter(
            in = ParameterIn.QUERY,
            description = "A group's id: the organisations in it on asOf, the group included.")
        String group,
    @Parameter(in = ParameterIn.QUERY, description = "The page, from 0.") Integer page,
    @Parameter(in = ParameterIn.QUERY, description = "Organisations a page (20; at most 200).")
        Integer size) {

  /** The question, for the day and the moment of knowledge asked. */
  FindOrganisations query(LocalDate asOf, Instant asKnownOn) {
    return Parameters.query(
        () ->
            new FindOrganisations(
                text,
                Parameters.enumValue("type", type, OrganisationType.class),
                group == null || group.isBlank()
                    ? null
                    : Parameters.identifier("group", group, OrganisationId::new),
                asOf,
                asKnownOn,
                page,
                size));
  }
}
