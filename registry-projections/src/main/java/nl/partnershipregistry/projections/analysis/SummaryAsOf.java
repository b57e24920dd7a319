package nl.partnershipregistry.projections.analysis;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import nl.partnershipregistry.core.common.FactDate;
import nl.partnershipregistry.core.organisation.OrganisationId;
import nl.partnershipregistry.core.partnership.FundingType;
import nl.partnershipregistry.core.partnership.PartnershipId;
import nl.partnershipregistry.core.partnership.PartnershipKind;
import nl.partnershipregistry.core.partnership.Phase;
import nl.partnershipregistry.projections.views.SummaryFact;

/**
 * A partnership's summary on a valid date as known at an instant: the same reading as {@link
 * PartnershipAsOf}, on the few facts a {@link SummaryFact} keeps. Corrections replace the fact they
 * correct in place, retractions remove it, and the facts are ordered as on the write side's
 * timeline (date, then kind of fact, then recording order).
 */
public final class SummaryAsOf {

  private static final Map<String, Integer> SAME_DAY_RANK =
      Map.of(
          "PartnershipRegistered", 0,
          "PartnershipRevived", 1,
          "PartnerJoined", 3,
          "PartnerRoleChanged", 4,
          "FundingAwarded", 5,
          "FundingRenewed", 6,
          "PartnerLeft", 8,
          "PartnershipDiscontinued", 9);

  /**
   * Dates as the summaries write them, parsed. A registry holds few distinct ones, and parsing
   * every fact's date at every question (in the sort, many times over) took most of the registry
   * list's time at 2,000 partnerships ({@code ./bench pages}). Past this many the memo starts
   * again.
   */
  private static final int DATES_KEPT = 10_000;

  private static final Map<String, FactDate> DATES = new ConcurrentHashMap<>();

  private final PartnershipId partnershipId;
  private boolean started;
  private String name;
  private final List<String> names = new ArrayList<>();
  private PartnershipKind kind;
  private String region;
  private String sector;
  private String goal;
  private FactDate startedOn;
  private boolean startKnown;
  private Phase phase;
  private FactDate phaseSince;
  private FactDate discontinuedOn;
  private final Set<OrganisationId> activePartners = new LinkedHashSet<>();
  private final Set<OrganisationId> everPartners = new LinkedHashSet<>();
  private final Map<String, FundingType> fundingTypes = new LinkedHashMap<>();
  private final Map<FundingType, BigDecimal> fundingByType = new LinkedHashMap<>();
  private final Set<FundingType> typesWithoutAmount = EnumSet.noneOf(FundingType.class);

  private SummaryAsOf(PartnershipId partnershipId) {
    this.partnershipId = partnershipId;
  }

  public static SummaryAsOf of(
      String partnershipId, List<SummaryFact> facts, Instant asKnownOn, LocalDate asOf) {
    Map<String, SummaryFact> known = new LinkedHashMap<>();
    Map<String, Long> sequence = new LinkedHashMap<>();
    for (SummaryFact fact : facts) {
      if (fact.recordedAt().isAfter(asKnownOn)) {
        continue;
      }
      if ("FactRetracted".equals(fact.type())) {
        known.remove(fact.amends());
      } else if (fact.amends() != null) {
        if (known.containsKey(fact.amends())) {
          known.put(fact.amends(), fact);
        }
      } else {
        known.put(fact.factId(), fact);
        sequence.put(fact.factId(), fact.position());
      }
    }
    List<SummaryFact> timeline = new ArrayList<>(known.values());
    timeline.sort(
        Comparator.comparing((SummaryFact f) -> date(f.occurredOn()).earliest())
            .thenComparingInt(f -> SAME_DAY_RANK.getOrDefault(f.type(), 2))
            .thenComparingLong(f -> sequence.get(f.amends() == null ? f.factId() : f.amends())));
    SummaryAsOf summary = new SummaryAsOf(PartnershipId.of(partnershipId));
    for (SummaryFact fact : timeline) {
      if (date(fact.occurredOn()).earliest().isAfter(asOf)) {
        break;
      }
      summary.apply(fact);
    }
    return summary;
  }

  private void apply(SummaryFact fact) {
    FactDate on = date(fact.occurredOn());
    switch (fact.type()) {
      case "PartnershipRegistered" -> {
        started = true;
        startedOn = on;
        startKnown = !fact.startUnknown();
        name = fact.value();
        names.add(name);
        kind = PartnershipKind.valueOf(fact.kind());
        region = fact.region();
        sector = fact.sector();
        goal = fact.goal();
        phase = fact.phase() == null ? Phase.UNKNOWN : Phase.valueOf(fact.phase());
        phaseSince = on;
      }
      case "PartnershipRenamed" -> {
        name = fact.value();
        names.add(name);
      }
      case "PartnershipDescribed" -> {
        kind = PartnershipKind.valueOf(fact.kind());
        region = fact.region();
        sector = fact.sector();
        goal = fact.goal();
      }
      case "PhaseChanged", "PartnershipRevived" -> {
        phase = Phase.valueOf(fact.value());
        phaseSince = on;
        discontinuedOn = null;
      }
      case "PartnershipDiscontinued" -> {
        phase = Phase.DISCONTINUED;
        phaseSince = on;
        discontinuedOn = on;
      }
      case "PartnerJoined" -> {
        activePartners.add(OrganisationId.of(fact.organisationId()));
        everPartners.add(OrganisationId.of(fact.organisationId()));
      }
      case "PartnerLeft" -> activePartners.remove(OrganisationId.of(fact.organisationId()));
      case "FundingAwarded" -> {
        FundingType type = FundingType.valueOf(fact.value());
        fundingTypes.put(fact.reference(), type);
        countFunding(type, fact.amount());
      }
      case "FundingRenewed" -> {
        FundingType type = fundingTypes.get(fact.reference());
        if (type != null) {
          fundingTypes.put(fact.renewal(), type);
          countFunding(type, fact.amount());
        }
      }
      default -> {
        // role changes do not change who is a partner
      }
    }
  }

  private static FactDate date(String text) {
    FactDate known = DATES.get(text);
    if (known != null) {
      return known;
    }
    FactDate parsed = FactDate.parse(text);
    if (DATES.size() >= DATES_KEPT) {
      DATES.clear();
    }
    DATES.put(text, parsed);
    return parsed;
  }

  private void countFunding(FundingType type, BigDecimal amount) {
    if (amount == null) {
      typesWithoutAmount.add(type);
    } else {
      fundingByType.merge(type, amount, BigDecimal::add);
    }
  }

  public PartnershipId partnershipId() {
    return partnershipId;
  }

  /** Whether the partnership had started by the valid date (and was known then). */
  public boolean hasStarted() {
    return started;
  }

  public String name() {
    return name;
  }

  /** The names the partnership carried up to the valid date, oldest first, the last its name. */
  public List<String> names() {
    return List.copyOf(names);
  }

  public PartnershipKind kind() {
    return kind;
  }

  public String region() {
    return region;
  }

  public String sector() {
    return sector;
  }

  public String goal() {
    return goal;
  }

  /**
   * The registration's date: the start, or where {@link #startKnown} is false the earliest evidence
   * that the partnership existed.
   */
  public FactDate startedOn() {
    return startedOn;
  }

  /** False when no source dates the start and {@link #startedOn} is only the earliest evidence. */
  public boolean startKnown() {
    return startKnown;
  }

  public Phase phase() {
    return phase;
  }

  public FactDate phaseSince() {
    return phaseSince;
  }

  /** The discontinuation in effect on the valid date, or null while it runs. */
  public FactDate discontinuedOn() {
    return discontinuedOn;
  }

  public Set<OrganisationId> activePartners() {
    return Set.copyOf(activePartners);
  }

  /** Every organisation that was a partner at some time up to the valid date. */
  public Set<OrganisationId> everPartners() {
    return Set.copyOf(everPartners);
  }

  /**
   * Funding awarded and renewed up to the valid date, by type, in euros, where amounts are known.
   */
  public Map<FundingType, BigDecimal> fundingByType() {
    return Map.copyOf(fundingByType);
  }

  /** The types of the funding awarded or renewed up to the valid date whose amount is unknown. */
  public Set<FundingType> typesWithoutAmount() {
    return Set.copyOf(typesWithoutAmount);
  }
}
