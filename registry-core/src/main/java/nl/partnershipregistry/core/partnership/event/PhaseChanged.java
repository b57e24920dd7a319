package nl.partnershipregistry.core.partnership.event;

import nl.partnershipregistry.core.common.FactDate;
import nl.partnershipregistry.core.common.FactId;
import nl.partnershipregistry.core.common.Recording;
import nl.partnershipregistry.core.common.SourceCitation;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipId;
import nl.partnershipregistry.core.partnership.vocabulary.Phase;

/**
 * Emitted when the partnership moved to another phase (PILOT, STRUCTURAL, SUSPENDED, WINDING_DOWN).
 */
public record PhaseChanged(
    PartnershipId partnershipId,
    FactId factId,
    FactDate occurredOn,
    Phase phase,
    String explanation,
    SourceCitation source,
    Recording recorded)
    implements PartnershipFact {}
