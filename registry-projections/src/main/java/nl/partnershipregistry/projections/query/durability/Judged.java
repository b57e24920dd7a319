package nl.partnershipregistry.projections.query.durability;

import java.time.LocalDate;
import nl.partnershipregistry.core.partnership.PartnershipAsOf;
import nl.partnershipregistry.core.partnership.PartnershipHistory;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipId;
import nl.partnershipregistry.projections.analysis.OrganisationDirectory;
import nl.partnershipregistry.projections.time.TimeSlice;

/**
 * A partnership as the durability conditions judge it: its state on the slice's valid date as known
 * at its instant, the history it was read from (for what happened after a date, such as the months
 * after a subsidy ended) and its partners' organisations.
 */
public record Judged(
    PartnershipId id,
    TimeSlice slice,
    PartnershipHistory history,
    PartnershipAsOf partnership,
    OrganisationDirectory organisations) {

  LocalDate asOf() {
    return slice.asOf();
  }
}
