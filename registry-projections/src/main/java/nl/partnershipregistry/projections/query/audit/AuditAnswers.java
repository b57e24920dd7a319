package nl.partnershipregistry.projections.query.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.partnershipregistry.core.common.FactId;
import nl.partnershipregistry.core.partnership.event.FactAmendment;
import nl.partnershipregistry.core.partnership.event.FactCorrected;
import nl.partnershipregistry.core.partnership.event.FactRetracted;
import nl.partnershipregistry.core.partnership.event.PartnershipEvent;
import nl.partnershipregistry.core.partnership.event.PartnershipFact;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipId;
import nl.partnershipregistry.projections.query.timeline.Timeline;
import nl.partnershipregistry.projections.views.StoredEvent;

/** Builds an {@link AuditTrail}. */
public final class AuditAnswers {

  private AuditAnswers() {}

  /**
   * @param eventsPerCommit the event store's global positions per commit: an event's position is
   *     its commit times this, plus its index in the commit
   */
  public static AuditTrail trail(
      PartnershipId id,
      Instant asKnownOn,
      List<StoredEvent<PartnershipEvent>> stored,
      long eventsPerCommit) {
    List<AuditTrail.Recorded> recordings = new ArrayList<>();
    List<AuditTrail.Amendment> amendments = new ArrayList<>();
    Map<FactId, PartnershipFact> current = new HashMap<>();
    Map<String, int[]> counts = new TreeMap<>();
    Map<String, Instant[]> spans = new HashMap<>();
    for (StoredEvent<PartnershipEvent> s : stored) {
      PartnershipEvent event = s.event();
      if (event.recorded().at().isAfter(asKnownOn)) {
        continue;
      }
      String by = event.recorded().by();
      Instant at = event.recorded().at();
      int[] count = counts.computeIfAbsent(by, b -> new int[3]);
      spans.merge(
          by, new Instant[] {at, at}, (a, b) -> new Instant[] {min(a[0], b[0]), max(a[1], b[1])});
      if (event instanceof PartnershipFact fact) {
        count[0]++;
        current.putIfAbsent(fact.factId(), fact);
        recordings.add(
            new AuditTrail.Recorded(
                s.position() / eventsPerCommit,
                (int) (s.position() % eventsPerCommit),
                fact.factId(),
                fact.getClass().getSimpleName(),
                fact.occurredOn(),
                at,
                by));
      } else if (event instanceof FactAmendment amendment) {
        PartnershipFact before = current.get(amendment.amendedFactId());
        PartnershipFact after = null;
        Timeline.AmendmentKind kind;
        if (amendment instanceof FactCorrected correction) {
          count[1]++;
          kind = Timeline.AmendmentKind.CORRECTION;
          after = correction.replacement();
          current.put(amendment.amendedFactId(), after);
        } else {
          count[2]++;
          kind = Timeline.AmendmentKind.RETRACTION;
          current.remove(((FactRetracted) amendment).retractedFactId());
        }
        recordings.add(
            new AuditTrail.Recorded(
                s.position() / eventsPerCommit,
                (int) (s.position() % eventsPerCommit),
                amendment.factId(),
                amendment.getClass().getSimpleName(),
                null,
                at,
                by));
        amendments.add(
            new AuditTrail.Amendment(
                amendment.factId(),
                kind,
                amendment.amendedFactId(),
                before == null ? null : before.getClass().getSimpleName(),
                amendment.reason(),
                amendment.source(),
                at,
                by,
                before,
                after));
      }
    }
    List<AuditTrail.Recorder> recorders = new ArrayList<>();
    counts.forEach(
        (by, c) ->
            recorders.add(
                new AuditTrail.Recorder(by, c[0], c[1], c[2], spans.get(by)[0], spans.get(by)[1])));
    return new AuditTrail(id, asKnownOn, recordings, amendments, recorders);
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
