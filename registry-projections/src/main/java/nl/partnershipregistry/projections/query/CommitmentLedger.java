package nl.partnershipregistry.projections.query;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import nl.partnershipregistry.core.common.DateRange;
import nl.partnershipregistry.core.common.FactDate;
import nl.partnershipregistry.core.common.FactId;
import nl.partnershipregistry.core.common.Quantity;
import nl.partnershipregistry.core.organisation.OrganisationId;
import nl.partnershipregistry.core.partnership.CommitmentId;
import nl.partnershipregistry.core.partnership.CommitmentType;
import nl.partnershipregistry.core.partnership.PartnershipId;

/** Every commitment of a partnership on {@code asOf}, by partner, with what became of it. */
public record CommitmentLedger(
    PartnershipId partnershipId,
    LocalDate asOf,
    Instant asKnownOn,
    List<PartnerLedger> partners,
    Totals totals) {

  /** One partner's commitments; {@code groupId} is the group it counts in. */
  public record PartnerLedger(
      OrganisationId organisationId,
      String name,
      OrganisationId groupId,
      Totals totals,
      List<Line> commitments) {}

  /** One commitment: promised, and (once settled) delivered. */
  public record Line(
      CommitmentId commitmentId,
      OrganisationId organisationId,
      CommitmentType type,
      Quantity promised,
      DateRange period,
      Status status,
      Quantity delivered,
      FactDate settledOn,
      String explanation,
      CommitmentId renewedFrom,
      List<FactId> factIds) {}

  /** What became of a commitment. */
  public enum Status {
    OPEN,
    FULFILLED,
    PARTIALLY_FULFILLED,
    BROKEN,
    WITHDRAWN,
    RENEWED
  }

  /**
   * Counts by status and the fulfilment rate: over the settled commitments other than renewals, a
   * fulfilled one counts 1, a partial one what it delivered over what it promised, a broken or
   * withdrawn one 0; null while none is settled.
   */
  public record Totals(
      int promised,
      int open,
      int fulfilled,
      int partiallyFulfilled,
      int broken,
      int withdrawn,
      int renewed,
      BigDecimal fulfilmentRate) {}
}
