package nl.partnershipregistry.projections.query.timeline;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.partnershipregistry.core.common.FactDate;
import nl.partnershipregistry.core.common.FactId;
import nl.partnershipregistry.core.partnership.event.FactAmendment;
import nl.partnershipregistry.core.partnership.event.FactCorrected;
import nl.partnershipregistry.core.partnership.event.PartnershipEvent;
import nl.partnershipregistry.core.partnership.event.PartnershipFact;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipId;
import nl.partnershipregistry.projections.query.common.PartnershipReader;
import nl.partnershipregistry.projections.time.TimeSlice;

/** Builds a {@link Timeline} from a partnership's known events. */
public final class TimelineAnswers {

  private TimelineAnswers() {}

  public static Timeline timeline(
      PartnershipId id, LocalDate asOf, TimeSlice slice, PartnershipReader.Known known) {
    Map<FactId, List<Timeline.Amendment>> amendments = new LinkedHashMap<>();
    Map<FactId, PartnershipFact> originals = new LinkedHashMap<>();
    Map<FactId, PartnershipFact> lastVersions = new LinkedHashMap<>();
    for (PartnershipEvent event : known.events()) {
      if (event instanceof PartnershipFact fact) {
        originals.putIfAbsent(fact.factId(), fact);
        lastVersions.putIfAbsent(fact.factId(), fact);
      } else if (event instanceof FactAmendment amendment) {
        PartnershipFact replacement = null;
        Timeline.AmendmentKind kind = Timeline.AmendmentKind.RETRACTION;
        if (amendment instanceof FactCorrected correction) {
          replacement = correction.replacement();
          kind = Timeline.AmendmentKind.CORRECTION;
          lastVersions.put(correction.correctedFactId(), replacement);
        }
        amendments
            .computeIfAbsent(amendment.amendedFactId(), k -> new ArrayList<>())
            .add(
                new Timeline.Amendment(
                    amendment.factId(),
                    kind,
                    amendment.reason(),
                    amendment.source(),
                    amendment.recorded().at(),
                    amendment.recorded().by(),
                    replacement));
      }
    }
    List<Timeline.Entry> entries = new ArrayList<>();
    // Up to a valid date, the facts the partnership's state on that date rests on, no others.
    List<PartnershipFact> facts =
        asOf == null ? known.history().timeline() : known.asOf(asOf).applied();
    for (PartnershipFact fact : facts) {
      entries.add(entry(fact, originals.get(fact.factId()), amendments));
    }
    List<Timeline.Entry> retracted = new ArrayList<>();
    for (PartnershipFact original : originals.values()) {
      if (known.history().isRetracted(original.factId())) {
        PartnershipFact last = lastVersions.get(original.factId());
        if (asOf == null || !last.occurredOn().countsFrom().isAfter(asOf)) {
          retracted.add(entry(last, original, amendments));
        }
      }
    }
    retracted.sort(
        Comparator.comparing(Timeline.Entry::occurredOn, FactDate.TIMELINE_ORDER)
            .thenComparing(Timeline.Entry::recordedAt));
    return new Timeline(id, asOf, slice.asKnownOn(), entries, retracted);
  }

  private static Timeline.Entry entry(
      PartnershipFact known,
      PartnershipFact original,
      Map<FactId, List<Timeline.Amendment>> amendments) {
    PartnershipFact first = original == null ? known : original;
    return new Timeline.Entry(
        known.factId(),
        known.getClass().getSimpleName(),
        known.occurredOn(),
        known.source(),
        first.recorded().at(),
        first.recorded().by(),
        known,
        List.copyOf(amendments.getOrDefault(known.factId(), List.of())));
  }
}
