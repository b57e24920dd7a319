package nl.partnershipregistry.projections.query;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.partnershipregistry.core.common.Quantity;
import nl.partnershipregistry.core.common.Unit;
import nl.partnershipregistry.core.organisation.OrganisationId;
import nl.partnershipregistry.core.partnership.PartnershipId;
import nl.partnershipregistry.core.partnership.event.CommitmentBroken;
import nl.partnershipregistry.core.partnership.event.CommitmentFulfilled;
import nl.partnershipregistry.core.partnership.event.CommitmentOutcome;
import nl.partnershipregistry.core.partnership.event.CommitmentPartiallyFulfilled;
import nl.partnershipregistry.core.partnership.event.CommitmentRenewed;
import nl.partnershipregistry.core.partnership.event.CommitmentWithdrawn;
import nl.partnershipregistry.projections.analysis.OrganisationDirectory;
import nl.partnershipregistry.projections.analysis.PartnershipAsOf;
import nl.partnershipregistry.projections.time.TimeSlice;

/** Builds commitment ledgers and track records. */
final class LedgerAnswers {

  private LedgerAnswers() {}

  static CommitmentLedger ledger(
      PartnershipId id,
      TimeSlice slice,
      PartnershipAsOf partnership,
      OrganisationDirectory organisations) {
    Map<OrganisationId, List<CommitmentLedger.Line>> byPartner = new LinkedHashMap<>();
    partnership
        .participations()
        .forEach(p -> byPartner.putIfAbsent(p.organisationId(), new ArrayList<>()));
    List<CommitmentLedger.Line> all = lines(partnership.commitments());
    all.forEach(
        line -> byPartner.computeIfAbsent(line.organisationId(), o -> new ArrayList<>()).add(line));
    List<CommitmentLedger.PartnerLedger> partners = new ArrayList<>();
    byPartner.forEach(
        (organisation, lines) ->
            partners.add(
                new CommitmentLedger.PartnerLedger(
                    organisation,
                    organisations.nameOf(organisation),
                    organisations.dependencyUnit(organisation),
                    totals(lines),
                    List.copyOf(lines))));
    return new CommitmentLedger(id, slice.asOf(), slice.asKnownOn(), partners, totals(all));
  }

  static List<CommitmentLedger.Line> lines(Collection<PartnershipAsOf.Commitment> commitments) {
    return commitments.stream().map(LedgerAnswers::line).toList();
  }

  static CommitmentLedger.Line line(PartnershipAsOf.Commitment c) {
    CommitmentOutcome outcome = c.outcome();
    CommitmentLedger.Status status = status(outcome);
    String explanation = null;
    if (outcome instanceof CommitmentFulfilled f) {
      explanation = f.explanation();
    } else if (outcome instanceof CommitmentPartiallyFulfilled p) {
      explanation = p.explanation();
    } else if (outcome instanceof CommitmentBroken b) {
      explanation = b.explanation();
    } else if (outcome instanceof CommitmentWithdrawn w) {
      explanation = w.explanation();
    }
    return new CommitmentLedger.Line(
        c.commitmentId(),
        c.organisationId(),
        c.type(),
        c.quantity(),
        c.period(),
        status,
        switch (status) {
          case FULFILLED -> c.quantity();
          case PARTIALLY_FULFILLED -> ((CommitmentPartiallyFulfilled) outcome).delivered();
          case BROKEN -> new Quantity(BigDecimal.ZERO, c.quantity().unit());
          default -> null;
        },
        outcome == null ? null : outcome.occurredOn(),
        explanation,
        c.renewedFrom(),
        c.factIds());
  }

  static CommitmentLedger.Status status(CommitmentOutcome outcome) {
    if (outcome == null) {
      return CommitmentLedger.Status.OPEN;
    } else if (outcome instanceof CommitmentFulfilled) {
      return CommitmentLedger.Status.FULFILLED;
    } else if (outcome instanceof CommitmentPartiallyFulfilled) {
      return CommitmentLedger.Status.PARTIALLY_FULFILLED;
    } else if (outcome instanceof CommitmentBroken) {
      return CommitmentLedger.Status.BROKEN;
    } else if (outcome instanceof CommitmentWithdrawn) {
      return CommitmentLedger.Status.WITHDRAWN;
    } else if (outcome instanceof CommitmentRenewed) {
      return CommitmentLedger.Status.RENEWED;
    }
    throw new IllegalStateException("unknown outcome " + outcome);
  }

  static CommitmentLedger.Totals totals(List<CommitmentLedger.Line> lines) {
    int[] counts = new int[CommitmentLedger.Status.values().length];
    BigDecimal delivered = BigDecimal.ZERO;
    int settled = 0;
    for (CommitmentLedger.Line line : lines) {
      counts[line.status().ordinal()]++;
      switch (line.status()) {
        case FULFILLED -> {
          delivered = delivered.add(BigDecimal.ONE);
          settled++;
        }
        case PARTIALLY_FULFILLED -> {
          BigDecimal promised = line.promised().amount();
          if (promised.signum() > 0) {
            delivered =
                delivered.add(
                    line.delivered().amount().divide(promised, 8, RoundingMode.HALF_EVEN));
          }
          settled++;
        }
        case BROKEN, WITHDRAWN -> settled++;
        default -> {
          // open and renewed commitments say nothing yet about delivery
        }
      }
    }
    return new CommitmentLedger.Totals(
        lines.size(),
        counts[CommitmentLedger.Status.OPEN.ordinal()],
        counts[CommitmentLedger.Status.FULFILLED.ordinal()],
        counts[CommitmentLedger.Status.PARTIALLY_FULFILLED.ordinal()],
        counts[CommitmentLedger.Status.BROKEN.ordinal()],
        counts[CommitmentLedger.Status.WITHDRAWN.ordinal()],
        counts[CommitmentLedger.Status.RENEWED.ordinal()],
        settled == 0
            ? null
            : delivered.divide(BigDecimal.valueOf(settled), 4, RoundingMode.HALF_EVEN),
        byUnit(lines));
  }

  /** What was promised, due and delivered in each unit, in the order of {@link Unit}. */
  static List<CommitmentLedger.UnitTotals> byUnit(List<CommitmentLedger.Line> lines) {
    Map<Unit, BigDecimal[]> sums = new EnumMap<>(Unit.class);
    for (CommitmentLedger.Line line : lines) {
      if (line.status() == CommitmentLedger.Status.WITHDRAWN
          || line.status() == CommitmentLedger.Status.RENEWED) {
        continue;
      }
      BigDecimal[] sum =
          sums.computeIfAbsent(
              line.promised().unit(),
              u -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
      sum[0] = sum[0].add(line.promised().amount());
      if (line.status() != CommitmentLedger.Status.OPEN
          && line.delivered() != null
          && line.delivered().unit() == line.promised().unit()) {
        sum[1] = sum[1].add(line.promised().amount());
        sum[2] = sum[2].add(line.delivered().amount());
      }
    }
    List<CommitmentLedger.UnitTotals> totals = new ArrayList<>();
    sums.forEach(
        (unit, sum) ->
            totals.add(
                new CommitmentLedger.UnitTotals(
                    unit,
                    sum[0],
                    sum[1],
                    sum[2],
                    sum[1].signum() == 0 ? null : FundingAnswers.share(sum[2], sum[1]))));
    return List.copyOf(totals);
  }

  static TrackRecord.PartnershipRecord partnershipRecord(
      PartnershipId id,
      PartnershipAsOf partnership,
      Set<OrganisationId> counted,
      OrganisationDirectory organisations) {
    List<TrackRecord.Participation> participations =
        partnership.participations().stream()
            .filter(p -> counted.contains(p.organisationId()))
            .map(
                p ->
                    new TrackRecord.Participation(
                        p.organisationId(),
                        organisations.nameOf(p.organisationId()),
                        p.role(),
                        p.joinedOn(),
                        p.leftOn()))
            .toList();
    List<CommitmentLedger.Line> lines =
        lines(
            partnership.commitments().stream()
                .filter(c -> counted.contains(c.organisationId()))
                .toList());
    return new TrackRecord.PartnershipRecord(
        id, partnership.name(), partnership.phase(), participations, lines, totals(lines));
  }

  static TrackRecord trackRecord(
      OrganisationId organisation,
      TimeSlice slice,
      OrganisationDirectory organisations,
      Set<OrganisationId> counted,
      List<TrackRecord.PartnershipRecord> partnerships) {
    OrganisationId group = organisations.dependencyUnit(organisation);
    List<CommitmentLedger.Line> all =
        partnerships.stream().flatMap(p -> p.commitments().stream()).toList();
    return new TrackRecord(
        organisation,
        organisations.nameOf(organisation),
        group,
        organisations.nameOf(group),
        slice.asOf(),
        slice.asKnownOn(),
        counted.stream().sorted(Comparator.comparing(OrganisationId::value)).toList(),
        partnerships.stream().sorted(Comparator.comparing(p -> p.partnershipId().value())).toList(),
        totals(all));
  }
}
