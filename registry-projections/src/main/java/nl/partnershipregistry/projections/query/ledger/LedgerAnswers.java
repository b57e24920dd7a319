package nl.partnershipregistry.projections.query.ledger;

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
import nl.partnershipregistry.core.common.Exactness;
import nl.partnershipregistry.core.common.Quantity;
import nl.partnershipregistry.core.common.Unit;
import nl.partnershipregistry.core.organisation.OrganisationId;
import nl.partnershipregistry.core.partnership.PartnershipAsOf;
import nl.partnershipregistry.core.partnership.event.CommitmentBroken;
import nl.partnershipregistry.core.partnership.event.CommitmentFulfilled;
import nl.partnershipregistry.core.partnership.event.CommitmentOutcome;
import nl.partnershipregistry.core.partnership.event.CommitmentPartiallyFulfilled;
import nl.partnershipregistry.core.partnership.event.CommitmentRenewed;
import nl.partnershipregistry.core.partnership.event.CommitmentWithdrawn;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipId;
import nl.partnershipregistry.projections.analysis.OrganisationDirectory;
import nl.partnershipregistry.projections.query.funding.FundingAnswers;
import nl.partnershipregistry.projections.time.TimeSlice;

/** Builds commitment ledgers and track records. */
public final class LedgerAnswers {

  private LedgerAnswers() {}

  public static CommitmentLedger ledger(
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

  public static List<CommitmentLedger.Line> lines(
      Collection<PartnershipAsOf.Commitment> commitments) {
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
          case FULFILLED ->
              ((CommitmentFulfilled) outcome).delivered() != null
                  ? ((CommitmentFulfilled) outcome).delivered()
                  : c.quantity();
          case PARTIALLY_FULFILLED -> ((CommitmentPartiallyFulfilled) outcome).delivered();
          case BROKEN -> new Quantity(BigDecimal.ZERO, c.quantity().unit());
          default -> null;
        },
        outcome == null ? null : outcome.occurredOn(),
        explanation,
        c.renewedFrom(),
        c.factIds());
  }

  public static CommitmentLedger.Status status(CommitmentOutcome outcome) {
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

  public static CommitmentLedger.Totals totals(List<CommitmentLedger.Line> lines) {
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

  /**
   * How far an approximate amount may lie from what the source says, either way, when a verdict
   * asks whether it could lie on the other side of a threshold: "ongeveer 50" is read as 45 to 55.
   */
  public static final BigDecimal APPROXIMATE_MARGIN = new BigDecimal("0.10");

  /**
   * The lowest and highest fulfilment rate the settled commitments allow, reading every hedged
   * amount both ways: an approximate one as up to {@link #APPROXIMATE_MARGIN} less or more, a lower
   * bound as itself or anything above. A fulfilled commitment counts 1 and a broken or withdrawn
   * one 0 whatever was promised; a partial one what it delivered over what it promised, at most 1.
   * With exact amounts both ends are the fulfilment rate of {@link #totals}; null while none is
   * settled.
   */
  public static RateRange fulfilmentRange(List<CommitmentLedger.Line> lines) {
    BigDecimal low = BigDecimal.ZERO;
    BigDecimal high = BigDecimal.ZERO;
    int settled = 0;
    for (CommitmentLedger.Line line : lines) {
      switch (line.status()) {
        case FULFILLED -> {
          low = low.add(BigDecimal.ONE);
          high = high.add(BigDecimal.ONE);
          settled++;
        }
        case PARTIALLY_FULFILLED -> {
          if (line.promised().amount().signum() > 0) {
            low = low.add(share(lowest(line.delivered()), highest(line.promised())));
            high = high.add(share(highest(line.delivered()), lowest(line.promised())));
          }
          settled++;
        }
        case BROKEN, WITHDRAWN -> settled++;
        default -> {
          // open and renewed commitments say nothing yet about delivery
        }
      }
    }
    if (settled == 0) {
      return null;
    }
    BigDecimal count = BigDecimal.valueOf(settled);
    return new RateRange(
        low.divide(count, 4, RoundingMode.HALF_EVEN),
        high.divide(count, 4, RoundingMode.HALF_EVEN));
  }

  /** The lowest and highest fulfilment rate the facts allow; equal when every amount is exact. */
  public record RateRange(BigDecimal low, BigDecimal high) {
    public boolean isExact() {
      return low.compareTo(high) == 0;
    }
  }

  private static BigDecimal lowest(Quantity quantity) {
    return quantity.exactness() == Exactness.APPROXIMATE
        ? quantity.amount().multiply(BigDecimal.ONE.subtract(APPROXIMATE_MARGIN))
        : quantity.amount();
  }

  /** The highest reading; null (no limit) for a lower bound. */
  private static BigDecimal highest(Quantity quantity) {
    return switch (quantity.exactness()) {
      case EXACT -> quantity.amount();
      case APPROXIMATE -> quantity.amount().multiply(BigDecimal.ONE.add(APPROXIMATE_MARGIN));
      case AT_LEAST -> null;
    };
  }

  /** A delivery's share of its promise, from 0 to 1; a promise without limit gives 0. */
  private static BigDecimal share(BigDecimal delivered, BigDecimal promised) {
    if (promised == null || promised.signum() == 0) {
      return promised == null ? BigDecimal.ZERO : BigDecimal.ONE;
    }
    if (delivered == null) {
      return BigDecimal.ONE;
    }
    return delivered.divide(promised, 8, RoundingMode.HALF_EVEN).min(BigDecimal.ONE);
  }

  /**
   * What was promised, due and delivered in each unit, in the order of {@link Unit}, each sum as
   * exact as its least exact part ({@link Exactness#and}).
   */
  public static List<CommitmentLedger.UnitTotals> byUnit(List<CommitmentLedger.Line> lines) {
    Map<Unit, UnitSum> sums = new EnumMap<>(Unit.class);
    for (CommitmentLedger.Line line : lines) {
      if (line.status() == CommitmentLedger.Status.WITHDRAWN
          || line.status() == CommitmentLedger.Status.RENEWED) {
        continue;
      }
      UnitSum sum = sums.computeIfAbsent(line.promised().unit(), u -> new UnitSum());
      sum.promised = sum.promised.plus(line.promised());
      if (line.status() != CommitmentLedger.Status.OPEN
          && line.delivered() != null
          && line.delivered().unit() == line.promised().unit()) {
        sum.due = sum.due.plus(line.promised());
        sum.delivered = sum.delivered.plus(line.delivered());
      }
    }
    List<CommitmentLedger.UnitTotals> totals = new ArrayList<>();
    sums.forEach(
        (unit, sum) ->
            totals.add(
                new CommitmentLedger.UnitTotals(
                    unit,
                    sum.promised.amount,
                    sum.due.amount,
                    sum.delivered.amount,
                    sum.due.amount.signum() == 0
                        ? null
                        : FundingAnswers.share(sum.delivered.amount, sum.due.amount),
                    sum.promised.exactness,
                    sum.due.exactness,
                    sum.delivered.exactness)));
    return List.copyOf(totals);
  }

  private static final class UnitSum {
    Part promised = Part.NONE;
    Part due = Part.NONE;
    Part delivered = Part.NONE;
  }

  private record Part(BigDecimal amount, Exactness exactness) {
    static final Part NONE = new Part(BigDecimal.ZERO, Exactness.EXACT);

    Part plus(Quantity quantity) {
      return new Part(amount.add(quantity.amount()), exactness.and(quantity.exactness()));
    }
  }

  public static TrackRecord.PartnershipRecord partnershipRecord(
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

  public static TrackRecord trackRecord(
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
