package nl.partnershipregistry.core.partnership.command;

import java.util.List;
import nl.partnershipregistry.core.common.FactDate;
import nl.partnershipregistry.core.common.FactId;
import nl.partnershipregistry.core.common.Published;
import nl.partnershipregistry.core.common.Recording;
import nl.partnershipregistry.core.common.Require;
import nl.partnershipregistry.core.common.SourceCitation;
import nl.partnershipregistry.core.partnership.event.EvaluationRecorded;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records a dated assessment of the partnership. */
@Published(collection = "evaluations", summary = "Records an evaluation and its conclusions.")
public record RecordEvaluation(
    @TargetAggregateIdentifier PartnershipId partnershipId,
    FactId factId,
    FactDate occurredOn,
    String evaluator,
    String summary,
    List<String> findings,
    SourceCitation source,
    Recording recorded)
    implements PartnershipCommand {

  public RecordEvaluation {
    Require.present(partnershipId, "partnershipId");
    Require.present(factId, "factId");
    Require.present(occurredOn, "occurredOn");
    evaluator = Require.name(evaluator, "evaluator");
    summary = Require.text(summary, "summary");
    findings = Require.texts(findings, "findings");
    Require.present(source, "source");
    Require.present(recorded, "recorded");
  }

  @Override
  public EvaluationRecorded toFact() {
    return new EvaluationRecorded(
        partnershipId, factId, occurredOn, evaluator, summary, findings, source, recorded);
  }
}
