package nl.partnershipregistry.projections.query.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import nl.partnershipregistry.core.common.DateRange;
import nl.partnershipregistry.core.common.Exactness;
import nl.partnershipregistry.core.common.FactDate;
import nl.partnershipregistry.core.common.FactId;
import nl.partnershipregistry.core.common.Quantity;
import nl.partnershipregistry.core.common.Unit;
import nl.partnershipregistry.core.organisation.OrganisationId;
import nl.partnershipregistry.core.partnership.vocabulary.CommitmentId;
import nl.partnershipregistry.core.partnership.vocabulary.CommitmentType;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipId;

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

  /**
   * One commitment: promised, and (once settled) delivered: all of it when fulfilled (or what the
   * fulfilment says when more was delivered than promised), what the partial fulfilment says,
   * nothing when broken; null while open, withdrawn or renewed. Both quantities carry their
   * exactness: "about 50", "at least 200".
   */
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
   * withdrawn one 0; null while none is settled. {@code byUnit} adds up what was promised and
   * delivered in each unit, as a funder counting places or hours would.
   */
  public record Totals(
      int commitments,
      int open,
      int fulfilled,
      int partiallyFulfilled,
      int broken,
      int withdrawn,
      int renewed,
      BigDecimal fulfilmentRate,
      List<UnitTotals> byUnit) {}

  /**
   * What was promised and delivered in one unit. {@code promised}: every commitment in the unit but
   * the withdrawn ones and those renewed (their renewal counts instead); {@code due}: what the
   * fulfilled, partly fulfilled and broken ones promised; {@code delivered}: what they delivered (a
   * broken one nothing); {@code deliveryRate}: delivered over due, null while nothing is due (20 of
   * 20 places, 6 of 10 and 0 of 10 is 26 of 40, 0.65; 277 delivered on a promise of 150 is 1.8467).
   * Each sum says how exact it is: exact only when all its parts are, a lower bound when any part
   * is one, approximate otherwise when any part is (about 50 and 20 is about 70; at least 200 and
   * about 50 is at least about 250, said as at least 250); the rate is as exact as its two sums.
   */
  public record UnitTotals(
      Unit unit,
      BigDecimal promised,
      BigDecimal due,
      BigDecimal delivered,
      BigDecimal deliveryRate,
      Exactness promisedExactness,
      Exactness dueExactness,
      Exactness deliveredExactness) {}
}
