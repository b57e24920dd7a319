package nl.partnershipregistry.core.partnership.event;

import nl.partnershipregistry.core.common.FactDate;
import nl.partnershipregistry.core.common.FactId;
import nl.partnershipregistry.core.common.Recording;
import nl.partnershipregistry.core.common.SourceCitation;
import nl.partnershipregistry.core.partnership.vocabulary.KeyPersonId;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipId;

/** Emitted when another assigned key person took over from one who left or is leaving. */
public record KeyPersonSucceeded(
    PartnershipId partnershipId,
    FactId factId,
    FactDate occurredOn,
    KeyPersonId keyPersonId,
    KeyPersonId successorId,
    SourceCitation source,
    Recording recorded)
    implements PartnershipFact {}
