package nl.partnershipregistry.projections.query.timeline;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import nl.partnershipregistry.core.common.FactDate;
import nl.partnershipregistry.core.common.FactId;
import nl.partnershipregistry.core.common.SourceCitation;
import nl.partnershipregistry.core.partnership.event.PartnershipFact;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipId;

/**
 * A partnership's facts in valid-time order as known at {@code asKnownOn}. {@code entries} are the
 * facts the registry held then (corrected where corrected); {@code retracted} are those it had
 * withdrawn by then, with the retraction among their amendments.
 */
public record Timeline(
    PartnershipId partnershipId,
    LocalDate asOf,
    Instant asKnownOn,
    List<Entry> entries,
    List<Entry> retracted) {

  /**
   * One fact: {@code fact} as known (the latest correction's replacement), {@code recordedAt} and
   * {@code recordedBy} of its first recording, {@code source} of the version shown.
   */
  public record Entry(
      FactId factId,
      String type,
      FactDate occurredOn,
      SourceCitation source,
      Instant recordedAt,
      String recordedBy,
      PartnershipFact fact,
      List<Amendment> amendments) {}

  /** A correction or retraction, in the order recorded. */
  public record Amendment(
      FactId factId,
      AmendmentKind kind,
      String reason,
      SourceCitation source,
      Instant recordedAt,
      String recordedBy,
      PartnershipFact replacement) {}

  /** What an amendment did. */
  public enum AmendmentKind {
    CORRECTION,
    RETRACTION
  }
}
