package nl.partnershipregistry.core.partnership.event;

import nl.partnershipregistry.core.common.FactDate;
import nl.partnershipregistry.core.common.FactId;
import nl.partnershipregistry.core.common.Recording;
import nl.partnershipregistry.core.common.SourceCitation;
import nl.partnershipregistry.core.partnership.vocabulary.GovernanceForm;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipId;

/** Emitted when the partnership got its first formal platform. */
public record GovernanceEstablished(
    PartnershipId partnershipId,
    FactId factId,
    FactDate occurredOn,
    GovernanceForm form,
    String entityName,
    SourceCitation source,
    Recording recorded)
    implements PartnershipFact {}
