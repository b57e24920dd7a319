package nl.partnershipregistry.projections.query.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.partnershipregistry.core.common.FactId;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipId;
import nl.partnershipregistry.projections.query.durability.DurabilityIndicators;
import nl.partnershipregistry.projections.query.timeline.Timeline;

/**
 * Builds {@link KnowledgeChanges} by comparing two answers the registry already gives: the timeline
 * and the durability indicators as known at each of the two moments. Nothing is judged again here.
 */
public final class ChangeAnswers {

  private ChangeAnswers() {}

  public static KnowledgeChanges changes(
      PartnershipId id,
      String name,
      LocalDate asOf,
      Instant from,
      Instant to,
      Timeline timelineAtFrom,
      Timeline timelineAtTo,
      DurabilityIndicators durabilityAtFrom,
      DurabilityIndicators durabilityAtTo) {
    List<KnowledgeChanges.FactChange> facts = facts(from, to, timelineAtFrom, timelineAtTo);
    Set<FactId> changed = new LinkedHashSet<>();
    facts.forEach(f -> changed.add(f.factId()));
    return new KnowledgeChanges(
        id,
        name,
        asOf,
        from,
        to,
        timelineAtFrom != null,
        facts,
        verdicts(durabilityAtFrom, durabilityAtTo, changed),
        durabilityAtFrom == null ? null : KnowledgeChanges.VerdictCounts.of(durabilityAtFrom),
        KnowledgeChanges.VerdictCounts.of(durabilityAtTo));
  }

  private static List<KnowledgeChanges.FactChange> facts(
      Instant from, Instant to, Timeline atFrom, Timeline atTo) {
    Map<FactId, Timeline.Entry> heldBefore = byId(atFrom == null ? List.of() : atFrom.entries());
    Map<FactId, Timeline.Entry> retractedBefore =
        byId(atFrom == null ? List.of() : atFrom.retracted());
    Map<FactId, Timeline.Entry> heldAfter = byId(atTo.entries());
    Map<FactId, Timeline.Entry> retractedAfter = byId(atTo.retracted());
    List<Dated> changes = new ArrayList<>();
    for (Map<FactId, Timeline.Entry> after : List.of(heldAfter, retractedAfter)) {
      for (Timeline.Entry entry : after.values()) {
        if (retractedBefore.containsKey(entry.factId())) {
          continue;
        }
        Timeline.Entry before = heldBefore.get(entry.factId());
        List<Timeline.Amendment> amendments =
            entry.amendments().stream().filter(a -> within(a.recordedAt(), from, to)).toList();
        boolean retracted = after == retractedAfter;
        KnowledgeChanges.Change change;
        if (before == null) {
          change =
              retracted
                  ? KnowledgeChanges.Change.ADDED_AND_RETRACTED
                  : KnowledgeChanges.Change.ADDED;
        } else if (retracted) {
          change = KnowledgeChanges.Change.RETRACTED;
        } else if (!amendments.isEmpty()) {
          change = KnowledgeChanges.Change.CORRECTED;
        } else {
          continue;
        }
        Instant first =
            before == null
                ? entry.recordedAt()
                : amendments.isEmpty() ? to : amendments.get(0).recordedAt();
        changes.add(
            new Dated(
                first,
                new KnowledgeChanges.FactChange(
                    entry.factId(), entry.type(), change, before, entry, amendments)));
      }
    }
    changes.sort(Comparator.comparing(Dated::at));
    return changes.stream().map(Dated::change).toList();
  }

  private record Dated(Instant at, KnowledgeChanges.FactChange change) {}

  private static boolean within(Instant moment, Instant from, Instant to) {
    return moment.isAfter(from) && !moment.isAfter(to);
  }

  private static Map<FactId, Timeline.Entry> byId(List<Timeline.Entry> entries) {
    Map<FactId, Timeline.Entry> byId = new LinkedHashMap<>();
    entries.forEach(e -> byId.put(e.factId(), e));
    return byId;
  }

  private static List<KnowledgeChanges.VerdictChange> verdicts(
      DurabilityIndicators atFrom, DurabilityIndicators atTo, Set<FactId> changed) {
    Map<DurabilityIndicators.Condition, DurabilityIndicators.Indicator> before =
        new LinkedHashMap<>();
    if (atFrom != null) {
      atFrom.indicators().forEach(i -> before.put(i.condition(), i));
    }
    List<KnowledgeChanges.VerdictChange> verdicts = new ArrayList<>();
    for (DurabilityIndicators.Indicator after : atTo.indicators()) {
      DurabilityIndicators.Indicator earlier = before.get(after.condition());
      boolean verdictChanged = earlier == null || earlier.verdict() != after.verdict();
      if (!verdictChanged
          && earlier.value().equals(after.value())
          && earlier.supportingFacts().equals(after.supportingFacts())) {
        continue;
      }
      Set<FactId> rests = new LinkedHashSet<>(after.supportingFacts());
      if (earlier != null) {
        rests.addAll(earlier.supportingFacts());
      }
      rests.retainAll(changed);
      verdicts.add(
          new KnowledgeChanges.VerdictChange(
              after.condition(),
              after.question(),
              verdictChanged,
              earlier,
              after,
              List.copyOf(rests)));
    }
    return verdicts;
  }
}
