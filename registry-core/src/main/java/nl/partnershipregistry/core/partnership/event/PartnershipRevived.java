package nl.partnershipregistry.core.partnership.event;

import nl.partnershipregistry.core.common.FactDate;
import nl.partnershipregistry.core.common.FactId;
import nl.partnershipregistry.core.common.Recording;
import nl.partnershipregistry.core.common.SourceCitation;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipId;
import nl.partnershipregistry.core.partnership.vocabulary.Phase;

/** Emitted when a discontinued partnership runs again, in the given phase. */
public record PartnershipRevived(
    PartnershipId partnershipId,
    FactId factId,
    FactDate occurredOn,
    Phase phase,
    String explanation,
    SourceCitation source,
    Recording recorded)
    implements PartnershipFact {}
