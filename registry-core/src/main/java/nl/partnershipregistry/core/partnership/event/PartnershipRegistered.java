package nl.partnershipregistry.core.partnership.event;

import nl.partnershipregistry.core.common.FactDate;
import nl.partnershipregistry.core.common.FactId;
import nl.partnershipregistry.core.common.Recording;
import nl.partnershipregistry.core.common.SourceCitation;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipId;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipKind;
import nl.partnershipregistry.core.partnership.vocabulary.Phase;

/**
 * Emitted when a partnership enters the registry; occurredOn is the date it started. When {@code
 * startKnown} is false, no source dates the start: occurredOn is the date of the earliest source
 * that shows the partnership existing, and it started on or before that date. Absent in stored
 * JSON, {@code startKnown} is true. {@code phase} is the phase the source names for that date
 * (initiated, pilot, structural, suspended or winding down); null, as in registrations stored
 * before it could be named, where the source names none: the phase is then {@code UNKNOWN} until a
 * phase change, discontinuation or revival says otherwise.
 */
public record PartnershipRegistered(
    PartnershipId partnershipId,
    FactId factId,
    FactDate occurredOn,
    Boolean startKnown,
    String name,
    PartnershipKind kind,
    String region,
    String sector,
    String goal,
    PartnershipId predecessor,
    Phase phase,
    SourceCitation source,
    Recording recorded)
    implements PartnershipFact {

  public PartnershipRegistered {
    startKnown = startKnown == null || startKnown;
  }

  /** A registration dated on the day the partnership started. */
  public PartnershipRegistered(
      PartnershipId partnershipId,
      FactId factId,
      FactDate occurredOn,
      String name,
      PartnershipKind kind,
      String region,
      String sector,
      String goal,
      PartnershipId predecessor,
      SourceCitation source,
      Recording recorded) {
    this(
        partnershipId,
        factId,
        occurredOn,
        true,
        name,
        kind,
        region,
        sector,
        goal,
        predecessor,
        null,
        source,
        recorded);
  }
}
