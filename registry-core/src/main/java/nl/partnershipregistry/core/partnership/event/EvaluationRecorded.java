package nl.partnershipregistry.core.partnership.event;

import java.util.List;
import nl.partnershipregistry.core.common.FactDate;
import nl.partnershipregistry.core.common.FactId;
import nl.partnershipregistry.core.common.Recording;
import nl.partnershipregistry.core.common.SourceCitation;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipId;

/**
 * Emitted when an assessment of the partnership was made (an evaluation, a study, a retrospective);
 * it may be dated long after the end.
 */
public record EvaluationRecorded(
    PartnershipId partnershipId,
    FactId factId,
    FactDate occurredOn,
    String evaluator,
    String summary,
    List<String> findings,
    SourceCitation source,
    Recording recorded)
    implements PartnershipFact {}
