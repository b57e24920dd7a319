package nl.partnershipregistry.projections.query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.partnershipregistry.core.common.FactDate;
import nl.partnershipregistry.core.organisation.OrganisationId;
import nl.partnershipregistry.core.partnership.PartnershipId;
import nl.partnershipregistry.core.partnership.PartnershipKind;
import nl.partnershipregistry.core.partnership.Phase;

/**
 * One page of the registry list, in the order the question asked (by name unless it said
 * otherwise). {@code total} counts every match; the counts by kind and by phase count the
 * partnerships matching the text, region, sector and partner criteria, whatever their kind and
 * phase, so that a client can show how many each choice would give. The counts by region and by
 * sector do the same for the regions and sectors the partnerships name: each counts the
 * partnerships matching every other criterion, whatever their region (or sector), by the region's
 * (sector's) name ignoring case, in alphabetical order; a partnership that names none is not
 * counted there.
 */
public record PartnershipPage(
    LocalDate asOf,
    Instant asKnownOn,
    List<Listing> items,
    int page,
    int size,
    long total,
    Map<PartnershipKind, Long> countsByKind,
    Map<Phase, Long> countsByPhase,
    Map<String, Long> countsByRegion,
    Map<String, Long> countsBySector) {

  /**
   * A partnership in the list, as it stood on the valid date; {@code startedOn} is null and {@code
   * existingBy} the earliest evidence when no source dates its start.
   */
  public record Listing(
      PartnershipId partnershipId,
      String name,
      PartnershipKind kind,
      String region,
      String sector,
      FactDate startedOn,
      FactDate existingBy,
      Phase phase,
      FactDate phaseSince,
      List<OrganisationId> activePartners) {}
}
