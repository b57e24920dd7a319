package nl.partnershipregistry.core.partnership.event;

import nl.partnershipregistry.core.common.FactDate;
import nl.partnershipregistry.core.common.FactId;
import nl.partnershipregistry.core.common.Recording;
import nl.partnershipregistry.core.common.SourceCitation;
import nl.partnershipregistry.core.partnership.vocabulary.KeyPersonId;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipId;

/** Emitted when a key person left the role. */
public record KeyPersonLeft(
    PartnershipId partnershipId,
    FactId factId,
    FactDate occurredOn,
    KeyPersonId keyPersonId,
    String explanation,
    SourceCitation source,
    Recording recorded)
    implements PartnershipFact {}
