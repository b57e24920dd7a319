package nl.partnershipregistry.projections.query.audit;

import java.time.Instant;
import java.util.List;
import nl.partnershipregistry.core.common.FactDate;
import nl.partnershipregistry.core.common.FactId;
import nl.partnershipregistry.core.common.SourceCitation;
import nl.partnershipregistry.core.partnership.event.PartnershipFact;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipId;
import nl.partnershipregistry.projections.query.timeline.Timeline;

/**
 * The recording history of one partnership: every event in the order it was recorded, the
 * corrections and retractions with their reasons and what they changed, and per registrar what they
 * recorded. The hash chain over these events is verified by the event store, not here.
 */
public record AuditTrail(
    PartnershipId partnershipId,
    Instant asKnownOn,
    List<Recorded> recordings,
    List<Amendment> amendments,
    List<Recorder> recorders) {

  /**
   * One event as it entered the registry: {@code commit} is the event store's commit that stored it
   * (the number a write answers with and {@code afterCommit} takes), {@code indexInCommit} its
   * place among that commit's events, from 0; {@code occurredOn} is null for amendments.
   */
  public record Recorded(
      long commit,
      int indexInCommit,
      FactId factId,
      String type,
      FactDate occurredOn,
      Instant recordedAt,
      String recordedBy) {}

  /**
   * A correction or retraction: {@code before} is the fact as the registry held it just before,
   * {@code after} what it held after (null for a retraction).
   */
  public record Amendment(
      FactId amendmentId,
      Timeline.AmendmentKind kind,
      FactId amendedFactId,
      String amendedType,
      String reason,
      SourceCitation source,
      Instant recordedAt,
      String recordedBy,
      PartnershipFact before,
      PartnershipFact after) {}

  /** What one registrar recorded. */
  public record Recorder(
      String recordedBy,
      int facts,
      int corrections,
      int retractions,
      Instant firstRecordedAt,
      Instant lastRecordedAt) {}
}
