package nl.partnershipregistry.projections.query.ledger;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import nl.partnershipregistry.core.common.FactDate;
import nl.partnershipregistry.core.organisation.OrganisationId;
import nl.partnershipregistry.core.partnership.vocabulary.PartnerRole;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipId;
import nl.partnershipregistry.core.partnership.vocabulary.Phase;

/**
 * An organisation's record across partnerships, its group included: {@code countedOrganisations}
 * are the organisations whose participations and commitments count.
 */
public record TrackRecord(
    OrganisationId organisationId,
    String name,
    OrganisationId groupId,
    String groupName,
    LocalDate asOf,
    Instant asKnownOn,
    List<OrganisationId> countedOrganisations,
    List<PartnershipRecord> partnerships,
    CommitmentLedger.Totals totals) {

  /** The organisation's part in one partnership. */
  public record PartnershipRecord(
      PartnershipId partnershipId,
      String name,
      Phase phase,
      List<Participation> participations,
      List<CommitmentLedger.Line> commitments,
      CommitmentLedger.Totals totals) {}

  /** A membership of a counted organisation, with its name on {@code asOf}. */
  public record Participation(
      OrganisationId organisationId,
      String organisationName,
      PartnerRole role,
      FactDate joinedOn,
      FactDate leftOn) {}
}
