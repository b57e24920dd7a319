package nl.partnershipregistry.api.web;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import nl.partnershipregistry.api.command.InvalidInput;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipKind;
import nl.partnershipregistry.core.partnership.vocabulary.Phase;
import nl.partnershipregistry.projections.query.registry.FindPartnerships;
import org.springdoc.core.annotations.ParameterObject;

/**
 * Which partnerships the registry list shows, in which order and which page of them: the query
 * parameters of {@code GET /api/partnerships}, in JSON and in CSV alike. Each is checked when the
 * question is made, with a 400 naming it.
 */
@ParameterObject
public record PartnershipSelection(
    @Parameter(
            in = ParameterIn.QUERY,
            description =
                "Words each found in a name, former name, partner's name, region, sector, goal or"
                    + " id (case and accents ignored).",
            example = "HiTecs")
        String text,
    @Parameter(in = ParameterIn.QUERY, description = "A kind of partnership.")
        @Schema(implementation = PartnershipKind.class)
        String kind,
    @Parameter(in = ParameterIn.QUERY, description = "The phase on asOf.")
        @Schema(implementation = Phase.class)
        String phase,
    @Parameter(in = ParameterIn.QUERY, description = "Words of the region.") String region,
    @Parameter(in = ParameterIn.QUERY, description = "Words of the sector.") String sector,
    @Parameter(
            in = ParameterIn.QUERY,
            description =
                "An organisation that was a partner up to asOf: its id, or part of a name.")
        String partner,
    @Parameter(in = ParameterIn.QUERY, description = "The page, from 0.") Integer page,
    @Parameter(in = ParameterIn.QUERY, description = "Partnerships a page (20; at most 200).")
        Integer size,
    @Parameter(
            in = ParameterIn.QUERY,
            description =
                "What the list is sorted by (relevance by default with a text, else name).")
        @Schema(
            allowableValues = {"relevance", "name", "kind", "phase", "start", "active-partners"})
        String sort,
    @Parameter(in = ParameterIn.QUERY, description = "asc (default) or desc.")
        @Schema(allowableValues = {"asc", "desc"})
        String order) {

  /** The question, for the day and the moment of knowledge asked. */
  FindPartnerships query(LocalDate asOf, Instant asKnownOn) {
    return Parameters.query(
        () ->
            new FindPartnerships(
                text,
                Parameters.enumValue("kind", kind, PartnershipKind.class),
                Parameters.enumValue("phase", phase, Phase.class),
                region,
                sector,
                partner,
                asOf,
                asKnownOn,
                page,
                size,
                Parameters.enumValue("sort", sort, FindPartnerships.Sort.class),
                descending(order)));
  }

  /** {@code order=desc} for descending; {@code asc} or nothing for ascending. */
  static boolean descending(String order) {
    if (order == null || order.isBlank() || order.strip().equalsIgnoreCase("asc")) {
      return false;
    }
    if (order.strip().equalsIgnoreCase("desc")) {
      return true;
    }
    throw new InvalidInput("order", "must be asc or desc");
  }
}
