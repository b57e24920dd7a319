package nl.partnershipregistry.projections.query;

import static nl.partnershipregistry.projections.query.DurabilityIndicators.Verdict.AT_RISK;
import static nl.partnershipregistry.projections.query.DurabilityIndicators.Verdict.HOLDS;
import static nl.partnershipregistry.projections.query.DurabilityIndicators.Verdict.UNKNOWN;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import nl.partnershipregistry.core.common.Exactness;
import nl.partnershipregistry.core.common.FactId;
import nl.partnershipregistry.core.common.Unit;
import nl.partnershipregistry.core.organisation.OrganisationId;
import nl.partnershipregistry.core.partnership.CommitmentType;
import nl.partnershipregistry.core.partnership.DiscontinuationReason;
import nl.partnershipregistry.core.partnership.FundingType;
import nl.partnershipregistry.core.partnership.GovernanceForm;
import nl.partnershipregistry.core.partnership.KatapultType;
import nl.partnershipregistry.core.partnership.KeyPersonRole;
import nl.partnershipregistry.core.partnership.LearningForm;
import nl.partnershipregistry.core.partnership.PartnershipHistory;
import nl.partnershipregistry.core.partnership.PartnershipId;
import nl.partnershipregistry.core.partnership.PartnershipKind;
import nl.partnershipregistry.core.partnership.Phase;
import nl.partnershipregistry.core.partnership.event.ActivityEnded;
import nl.partnershipregistry.core.partnership.event.CommitmentBroken;
import nl.partnershipregistry.core.partnership.event.CommitmentRenewed;
import nl.partnershipregistry.core.partnership.event.CommitmentWithdrawn;
import nl.partnershipregistry.core.partnership.event.FundingEnded;
import nl.partnershipregistry.core.partnership.event.KeyPersonLeft;
import nl.partnershipregistry.core.partnership.event.PartnerLeft;
import nl.partnershipregistry.core.partnership.event.PartnershipDiscontinued;
import nl.partnershipregistry.core.partnership.event.PartnershipFact;
import nl.partnershipregistry.core.partnership.event.PhaseChanged;
import nl.partnershipregistry.projections.analysis.OrganisationDirectory;
import nl.partnershipregistry.projections.analysis.PartnershipAsOf;
import nl.partnershipregistry.projections.query.DurabilityIndicators.Condition;
import nl.partnershipregistry.projections.query.DurabilityIndicators.Indicator;
import nl.partnershipregistry.projections.query.DurabilityIndicators.Verdict;
import nl.partnershipregistry.projections.time.TimeSlice;

/** Judges the durability conditions of one partnership on a date. */
final class DurabilityAnswers {

  static final BigDecimal HALF = new BigDecimal("0.5");
  static final BigDecimal DELIVERY_THRESHOLD = new BigDecimal("0.75");
  static final int MINIMUM_KEY_PERSONS = 3;

  /** A subsidy that ended without renewal, and the partnership's phase 12 and 24 months later. */
  record SubsidyAftermath(
      PartnershipAsOf.Funding subsidy,
      LocalDate endedOn,
      Phase after12Months,
      Phase after24Months,
      List<FactId> factIds) {}

  private final PartnershipId id;
  private final TimeSlice slice;
  private final LocalDate asOf;
  private final PartnershipHistory history;
  private final PartnershipAsOf partnership;
  private final OrganisationDirectory organisations;

  private DurabilityAnswers(
      PartnershipId id,
      TimeSlice slice,
      PartnershipHistory history,
      PartnershipAsOf partnership,
      OrganisationDirectory organisations) {
    this.id = id;
    this.slice = slice;
    this.asOf = slice.asOf();
    this.history = history;
    this.partnership = partnership;
    this.organisations = organisations;
  }

  static DurabilityIndicators indicators(
      PartnershipId id,
      TimeSlice slice,
      PartnershipHistory history,
      PartnershipAsOf partnership,
      OrganisationDirectory organisations) {
    return new DurabilityAnswers(id, slice, history, partnership, organisations).judge();
  }

  private DurabilityIndicators judge() {
    List<Indicator> indicators =
        List.of(
            employerDemand(),
            employerConcentration(),
            keyPersonDependence(),
            criticalMass(),
            topCommitment(),
            subsidyDependence(),
            survivedSubsidy(),
            partnerDelivery(),
            formalPlatform(),
            educationMoves(),
            ending());
    Map<Verdict, Long> counts =
        indicators.stream()
            .collect(
                Collectors.groupingBy(
                    Indicator::verdict, () -> new EnumMap<>(Verdict.class), Collectors.counting()));
    int holding = counts.getOrDefault(HOLDS, 0L).intValue();
    int atRisk = counts.getOrDefault(AT_RISK, 0L).intValue();
    int unknown = counts.getOrDefault(UNKNOWN, 0L).intValue();
    return new DurabilityIndicators(
        id,
        asOf,
        slice.asKnownOn(),
        indicators,
        holding,
        atRisk,
        unknown,
        "%d of %d conditions hold, %d at risk, %d unknown for lack of data"
            .formatted(holding, indicators.size(), atRisk, unknown));
  }

  /** The condition judged: its English value is said from its finding, so the two agree. */
  private static Indicator indicator(
      Condition condition,
      Finding finding,
      String rule,
      Verdict verdict,
      Collection<FactId> facts) {
    return new Indicator(
        condition,
        condition.question(),
        Findings.english(finding),
        finding,
        rule,
        verdict,
        List.copyOf(new LinkedHashSet<>(facts)));
  }

  /** What was found on a condition: the text {@code finding.<condition>.<variant>}. */
  private static Finding finding(Condition condition, String variant, Object... arguments) {
    return Finding.of("finding." + condition.name() + "." + variant, arguments);
  }

  /** A number with its noun: {@code 1 key person}, {@code 2 key persons}. */
  private static Finding count(long n, String one, String many) {
    return Findings.count(n, one, many);
  }

  // Employers

  private List<PartnershipAsOf.Participation> activeEmployers() {
    return EmployerConcentration.activeEmployers(partnership, organisations);
  }

  private List<PartnershipAsOf.Commitment> employerCommitments() {
    return EmployerConcentration.employerCommitments(partnership, organisations);
  }

  private Indicator employerDemand() {
    String rule =
        "holds when at least one employer is an active partner and at least one employer"
            + " commitment is in force or was made in the 24 months before the date; at risk"
            + " otherwise; unknown when no partner is recorded";
    if (partnership.participations().isEmpty()) {
      return indicator(
          Condition.EMPLOYER_DEMAND,
          finding(Condition.EMPLOYER_DEMAND, "noPartners"),
          rule,
          UNKNOWN,
          List.of());
    }
    List<PartnershipAsOf.Participation> employers = activeEmployers();
    List<PartnershipAsOf.Commitment> commitments = employerCommitments();
    long inForce = commitments.stream().filter(c -> c.isInForce(asOf)).count();
    long recent =
        commitments.stream()
            .filter(c -> !c.promisedOn().earliest().isBefore(asOf.minusMonths(24)))
            .count();
    List<FactId> facts = new ArrayList<>();
    employers.forEach(p -> facts.addAll(p.factIds()));
    commitments.forEach(c -> facts.add(c.factId()));
    Verdict verdict = !employers.isEmpty() && (inForce > 0 || recent > 0) ? HOLDS : AT_RISK;
    return indicator(
        Condition.EMPLOYER_DEMAND,
        finding(
            Condition.EMPLOYER_DEMAND,
            "employers",
            count(employers.size(), "employerPartner", "employerPartners"),
            count(commitments.size(), "employerCommitment", "employerCommitments"),
            inForce,
            recent,
            asOf),
        rule,
        verdict,
        facts);
  }

  private Indicator employerConcentration() {
    String rule =
        "at risk when one employer group has more than half of the active employer partners or"
            + " of the employer commitments not withdrawn; holds otherwise; unknown without"
            + " employer partners (what the commitments promise per unit is shown beside the"
            + " counts)";
    EmployerConcentration concentration = EmployerConcentration.of(partnership, organisations);
    List<PartnershipAsOf.Participation> employers = concentration.employers();
    List<PartnershipAsOf.Commitment> commitments = concentration.commitments();
    if (employers.isEmpty() && commitments.isEmpty()) {
      return indicator(
          Condition.EMPLOYER_CONCENTRATION,
          finding(Condition.EMPLOYER_CONCENTRATION, "noEmployers"),
          rule,
          UNKNOWN,
          List.of());
    }
    Map<OrganisationId, Long> partnersByGroup = concentration.partnersByGroup();
    Map<OrganisationId, Long> commitmentsByGroup = concentration.commitmentsByGroup();
    Share partners = largest(partnersByGroup);
    Share promised = largest(commitmentsByGroup);
    // What the commitments promise, per unit and group, shown beside the counts: one group
    // promising 30 of 40 places is 75 % of the volume, whatever the number of commitments it took.
    // Not part of the verdict: a unit only one employer promises in would always be "all of it".
    Map<Unit, Map<OrganisationId, BigDecimal>> volumes = concentration.volumes();
    // How exact each group's and each unit's volume is: as exact as its least exact promise.
    Map<Unit, Map<OrganisationId, Exactness>> groupExactness = new EnumMap<>(Unit.class);
    Map<Unit, Exactness> unitExactness = new EnumMap<>(Unit.class);
    commitments.stream()
        .filter(c -> !(c.outcome() instanceof CommitmentRenewed))
        .forEach(
            c -> {
              Unit unit = c.quantity().unit();
              groupExactness
                  .computeIfAbsent(unit, u -> new LinkedHashMap<>())
                  .merge(
                      organisations.dependencyUnit(c.organisationId()),
                      c.quantity().exactness(),
                      Exactness::and);
              unitExactness.merge(unit, c.quantity().exactness(), Exactness::and);
            });
    List<Finding> byVolume = new ArrayList<>();
    for (Map.Entry<Unit, Map<OrganisationId, BigDecimal>> unit : volumes.entrySet()) {
      BigDecimal total = unit.getValue().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
      if (total.signum() == 0) {
        continue;
      }
      Map.Entry<OrganisationId, BigDecimal> top =
          unit.getValue().entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
      BigDecimal share = FundingAnswers.share(top.getValue(), total);
      byVolume.add(
          finding(
              Condition.EMPLOYER_CONCENTRATION,
              "volume",
              organisations.nameOf(top.getKey()),
              amount(
                  top.getValue(),
                  groupExactness
                      .getOrDefault(unit.getKey(), Map.of())
                      .getOrDefault(top.getKey(), Exactness.EXACT)),
              amount(total, unitExactness.getOrDefault(unit.getKey(), Exactness.EXACT)),
              unit.getKey(),
              new Finding.Percent(share),
              hhiOf(unit.getValue().values())));
    }
    boolean concentrated =
        partners.share().compareTo(HALF) > 0 || promised.share().compareTo(HALF) > 0;
    List<FactId> facts = new ArrayList<>();
    employers.forEach(p -> facts.addAll(p.factIds()));
    commitments.forEach(c -> facts.add(c.factId()));
    return indicator(
        Condition.EMPLOYER_CONCENTRATION,
        finding(
            Condition.EMPLOYER_CONCENTRATION,
            "groups",
            partners.group() == null
                ? organisations.nameOf(promised.group())
                : organisations.nameOf(partners.group()),
            partners.count(),
            employers.size(),
            new Finding.Percent(partners.share()),
            promised.count(),
            commitments.size(),
            new Finding.Percent(promised.share()),
            hhi(partnersByGroup),
            hhi(commitmentsByGroup),
            byVolume.isEmpty()
                ? ""
                : finding(
                    Condition.EMPLOYER_CONCENTRATION,
                    "byVolume",
                    Finding.Joined.of(", ", byVolume))),
        rule,
        concentrated ? AT_RISK : HOLDS,
        facts);
  }

  record Share(OrganisationId group, long count, BigDecimal share) {}

  /**
   * {@code ; delivered 26 of 40 PLACES (65%)} for each unit in which something was due; nothing (an
   * empty string) when nothing was.
   */
  private static Object deliveredByUnit(List<CommitmentLedger.UnitTotals> units) {
    List<Finding> delivered = new ArrayList<>();
    for (CommitmentLedger.UnitTotals unit : units) {
      if (unit.deliveryRate() != null) {
        delivered.add(
            finding(
                Condition.PARTNER_DELIVERY,
                "unit",
                amount(unit.delivered(), unit.deliveredExactness()),
                amount(unit.due(), unit.dueExactness()),
                unit.unit(),
                new Finding.Percent(unit.deliveryRate())));
      }
    }
    return delivered.isEmpty()
        ? ""
        : finding(Condition.PARTNER_DELIVERY, "delivered", Finding.Joined.of(", ", delivered));
  }

  /** An amount with its exactness: "26", "about 26", "at least 26". */
  static Finding amount(BigDecimal amount, Exactness exactness) {
    return Finding.of("finding.amount." + exactness, amount.stripTrailingZeros());
  }

  static Share largest(Map<OrganisationId, Long> counts) {
    long total = counts.values().stream().mapToLong(Long::longValue).sum();
    return counts.entrySet().stream()
        .max(Map.Entry.comparingByValue())
        .map(
            e ->
                new Share(
                    e.getKey(),
                    e.getValue(),
                    FundingAnswers.share(
                        BigDecimal.valueOf(e.getValue()), BigDecimal.valueOf(total))))
        .orElse(new Share(null, 0, BigDecimal.ZERO));
  }

  /** The Herfindahl-Hirschman index of amounts, as {@link #hhi} of counts. */
  static BigDecimal hhiOf(java.util.Collection<BigDecimal> amounts) {
    BigDecimal total = amounts.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal sum = BigDecimal.ZERO;
    if (total.signum() == 0) {
      return BigDecimal.ZERO;
    }
    for (BigDecimal amount : amounts) {
      BigDecimal share = amount.divide(total, 8, RoundingMode.HALF_EVEN);
      sum = sum.add(share.multiply(share));
    }
    return sum.setScale(4, RoundingMode.HALF_EVEN);
  }

  /** Herfindahl-Hirschman index: the sum of the squared shares, from 1/n (spread) to 1 (one). */
  static BigDecimal hhi(Map<?, Long> counts) {
    long total = counts.values().stream().mapToLong(Long::longValue).sum();
    if (total == 0) {
      return BigDecimal.ZERO;
    }
    BigDecimal sum = BigDecimal.ZERO;
    for (long count : counts.values()) {
      BigDecimal share =
          BigDecimal.valueOf(count).divide(BigDecimal.valueOf(total), 8, RoundingMode.HALF_EVEN);
      sum = sum.add(share.multiply(share));
    }
    return sum.setScale(4, RoundingMode.HALF_EVEN);
  }

  static String percent(BigDecimal share) {
    return share.movePointRight(2).setScale(0, RoundingMode.HALF_EVEN) + "%";
  }

  // Persons

  private Indicator keyPersonDependence() {
    String rule =
        "at risk when fewer than "
            + MINIMUM_KEY_PERSONS
            + " key persons are active, when a pioneer left without a successor, or when a key"
            + " role is vacant since its holder left without a successor; holds otherwise; unknown"
            + " when no key person is recorded";
    Collection<PartnershipAsOf.KeyPerson> persons = partnership.keyPersons();
    if (persons.isEmpty()) {
      return indicator(
          Condition.KEY_PERSON_DEPENDENCE,
          finding(Condition.KEY_PERSON_DEPENDENCE, "noKeyPersons"),
          rule,
          UNKNOWN,
          List.of());
    }
    List<PartnershipAsOf.KeyPerson> active =
        persons.stream().filter(PartnershipAsOf.KeyPerson::isActive).toList();
    Set<KeyPersonRole> heldRoles = new LinkedHashSet<>();
    active.forEach(p -> heldRoles.add(p.assigned().keyPersonRole()));
    List<PartnershipAsOf.KeyPerson> leftAlone =
        persons.stream().filter(p -> p.left() != null && p.successorId() == null).toList();
    boolean pioneerGone =
        leftAlone.stream().anyMatch(p -> p.assigned().keyPersonRole() == KeyPersonRole.PIONEER);
    List<KeyPersonRole> vacant =
        leftAlone.stream()
            .map(p -> p.assigned().keyPersonRole())
            .filter(role -> !heldRoles.contains(role))
            .distinct()
            .toList();
    List<FactId> facts = new ArrayList<>();
    active.forEach(p -> facts.add(p.assigned().factId()));
    leftAlone.forEach(p -> facts.addAll(p.factIds()));
    boolean atRisk = active.size() < MINIMUM_KEY_PERSONS || pioneerGone || !vacant.isEmpty();
    return indicator(
        Condition.KEY_PERSON_DEPENDENCE,
        finding(
            Condition.KEY_PERSON_DEPENDENCE,
            "persons",
            count(active.size(), "keyPerson", "keyPersons"),
            leftAlone.size(),
            pioneerGone ? finding(Condition.KEY_PERSON_DEPENDENCE, "pioneerGone") : "",
            vacant.isEmpty()
                ? ""
                : finding(
                    Condition.KEY_PERSON_DEPENDENCE, "vacant", Finding.Joined.of(", ", vacant))),
        rule,
        atRisk ? AT_RISK : HOLDS,
        facts);
  }

  // Mass

  private Indicator criticalMass() {
    boolean technohub = partnership.kind() == PartnershipKind.TECHNOHUB;
    int schoolsNeeded = technohub ? 2 : 1;
    int employersNeeded = technohub ? 2 : 1;
    String rule =
        "holds with at least %d active school%s and %d active employer%s%s; at risk with fewer; unknown when no partner of known type is recorded"
            .formatted(
                schoolsNeeded,
                schoolsNeeded == 1 ? "" : "s",
                employersNeeded,
                employersNeeded == 1 ? "" : "s",
                technohub ? " (technohub)" : "");
    List<PartnershipAsOf.Participation> active = partnership.activePartners();
    long schools = active.stream().filter(p -> organisations.isSchool(p.organisationId())).count();
    long employers =
        active.stream().filter(p -> organisations.isEmployer(p.organisationId())).count();
    long known =
        partnership.participations().stream()
            .filter(p -> organisations.typeOf(p.organisationId()).isPresent())
            .count();
    List<FactId> facts = new ArrayList<>();
    active.forEach(p -> facts.addAll(p.factIds()));
    if (known == 0) {
      return indicator(
          Condition.CRITICAL_MASS,
          finding(Condition.CRITICAL_MASS, "noKnownPartners"),
          rule,
          UNKNOWN,
          facts);
    }
    return indicator(
        Condition.CRITICAL_MASS,
        finding(
            Condition.CRITICAL_MASS,
            "partners",
            count(active.size(), "activePartner", "activePartners"),
            count(schools, "school", "schools"),
            count(employers, "employer", "employers"),
            count(active.size() - schools - employers, "other", "others")),
        rule,
        schools >= schoolsNeeded && employers >= employersNeeded ? HOLDS : AT_RISK,
        facts);
  }

  // Top commitment

  private Indicator topCommitment() {
    String rule =
        "holds when both the school side and the employer side have executive backing (an"
            + " executive sponsor in the role, or an executive-backing commitment in force) and a"
            + " programme manager with mandate (in the role with mandate, or promised and in"
            + " force); at risk when one is missing; unknown when neither side has any recorded,"
            + " or when none is missing but a programme manager's mandate is not known";
    List<FactId> facts = new ArrayList<>();
    Boolean schoolBacking = backing(organisations::isSchool, facts);
    Boolean schoolManager = manager(organisations::isSchool, facts);
    Boolean employerBacking = backing(organisations::isEmployer, facts);
    Boolean employerManager = manager(organisations::isEmployer, facts);
    List<Boolean> sides =
        Arrays.asList(schoolBacking, schoolManager, employerBacking, employerManager);
    boolean anyRecorded =
        !partnership.keyPersons().isEmpty()
            || partnership.commitments().stream()
                .anyMatch(
                    c ->
                        c.type() == CommitmentType.EXECUTIVE_BACKING
                            || c.type() == CommitmentType.PROGRAMME_MANAGER);
    Finding value =
        finding(
            Condition.TOP_COMMITMENT,
            "sides",
            yesNo(schoolBacking),
            yesNo(schoolManager),
            yesNo(employerBacking),
            yesNo(employerManager));
    Verdict verdict;
    if (!anyRecorded) {
      verdict = UNKNOWN;
    } else if (sides.contains(Boolean.FALSE)) {
      verdict = AT_RISK;
    } else {
      verdict = sides.contains(null) ? UNKNOWN : HOLDS;
    }
    return indicator(Condition.TOP_COMMITMENT, value, rule, verdict, facts);
  }

  private Boolean backing(Predicate<OrganisationId> side, List<FactId> facts) {
    return present(
        side, KeyPersonRole.EXECUTIVE_SPONSOR, false, CommitmentType.EXECUTIVE_BACKING, facts);
  }

  private Boolean manager(Predicate<OrganisationId> side, List<FactId> facts) {
    return present(
        side, KeyPersonRole.PROGRAMME_MANAGER, true, CommitmentType.PROGRAMME_MANAGER, facts);
  }

  /**
   * Whether the side has the role (or the promise of it in force): true, false, or null when its
   * only candidate is a programme manager whose mandate the source does not give.
   */
  private Boolean present(
      Predicate<OrganisationId> side,
      KeyPersonRole role,
      boolean needsMandate,
      CommitmentType promise,
      List<FactId> facts) {
    boolean found = false;
    boolean perhaps = false;
    for (PartnershipAsOf.KeyPerson person : partnership.keyPersons()) {
      if (!person.isActive() || person.assigned().keyPersonRole() != role) {
        continue;
      }
      Boolean mandate = person.assigned().withMandate();
      if (person.assigned().organisationId() == null) {
        // A person whose organisation no source names may be on this side: perhaps, never no.
        if (!needsMandate || !Boolean.FALSE.equals(mandate)) {
          facts.add(person.assigned().factId());
          perhaps = true;
        }
        continue;
      }
      if (!side.test(person.assigned().organisationId())) {
        continue;
      }
      if (!needsMandate || Boolean.TRUE.equals(mandate)) {
        facts.add(person.assigned().factId());
        found = true;
      } else if (mandate == null) {
        facts.add(person.assigned().factId());
        perhaps = true;
      }
    }
    for (PartnershipAsOf.Commitment commitment : partnership.commitments()) {
      if (commitment.type() == promise
          && commitment.isInForce(asOf)
          && side.test(commitment.organisationId())) {
        facts.add(commitment.factId());
        found = true;
      }
    }
    return found ? Boolean.TRUE : perhaps ? null : Boolean.FALSE;
  }

  private static Finding yesNo(Boolean value) {
    return Finding.of(value == null ? "finding.unknown" : value ? "finding.yes" : "finding.no");
  }

  // Money

  private Indicator subsidyDependence() {
    String rule =
        "at risk when subsidy is more than half of the funding counted in the year of the date,"
            + " or a subsidy cliff lies ahead; holds otherwise; unknown when no funding counts in"
            + " that year, or when funding whose amount no source gives could move the subsidy"
            + " share across one half";
    FundingMix mix = FundingAnswers.mix(id, slice, partnership);
    Optional<FundingMix.Year> year =
        mix.years().stream().filter(y -> y.year() == asOf.getYear()).findFirst();
    if (year.isEmpty()) {
      return indicator(
          Condition.SUBSIDY_DEPENDENCE,
          finding(Condition.SUBSIDY_DEPENDENCE, "noFunding", Year.of(asOf.getYear())),
          rule,
          UNKNOWN,
          List.of());
    }
    FundingMix.Year counted = year.get();
    List<FactId> facts = new ArrayList<>(counted.factIds());
    mix.subsidyCliffs().forEach(c -> facts.addAll(c.factIds()));
    boolean dependent = counted.subsidyShareAtLeast().compareTo(HALF) > 0;
    boolean independent = counted.subsidyShareAtMost().compareTo(HALF) <= 0;
    Finding cliffs = count(mix.subsidyCliffs().size(), "subsidyCliffAhead", "subsidyCliffsAhead");
    Finding value;
    if (counted.complete()) {
      value =
          finding(
              Condition.SUBSIDY_DEPENDENCE,
              "shares",
              Year.of(counted.year()),
              new Finding.Percent(counted.subsidyShare()),
              new Finding.Euros(counted.total()),
              new Finding.Percent(counted.ownRevenueShare()),
              mix.ownRevenueTrend(),
              cliffs);
    } else {
      Finding share =
          counted.subsidyShareAtLeast().compareTo(counted.subsidyShareAtMost()) == 0
              ? finding(
                  Condition.SUBSIDY_DEPENDENCE,
                  "shareWhatever",
                  new Finding.Percent(counted.subsidyShareAtLeast()))
              : finding(
                  Condition.SUBSIDY_DEPENDENCE,
                  "shareBetween",
                  new Finding.Percent(counted.subsidyShareAtLeast()),
                  new Finding.Percent(counted.subsidyShareAtMost()));
      value =
          finding(
              Condition.SUBSIDY_DEPENDENCE,
              "withoutAmounts",
              Year.of(counted.year()),
              count(
                  counted.withoutAmount().size(), "fundingWithoutAmount", "fundingsWithoutAmount"),
              Finding.Joined.of(
                  ", ",
                  counted.withoutAmount().stream()
                      .map(
                          f ->
                              finding(
                                  Condition.SUBSIDY_DEPENDENCE,
                                  "withoutAmount",
                                  f.fundingId().value(),
                                  f.type()))
                      .toList()),
              counted.total().signum() == 0
                  ? ""
                  : finding(
                      Condition.SUBSIDY_DEPENDENCE, "besides", new Finding.Euros(counted.total())),
              share,
              cliffs);
    }
    Verdict verdict;
    if (dependent || !mix.subsidyCliffs().isEmpty()) {
      verdict = AT_RISK;
    } else if (independent) {
      verdict = HOLDS;
    } else {
      verdict = UNKNOWN;
    }
    return indicator(Condition.SUBSIDY_DEPENDENCE, value, rule, verdict, facts);
  }

  /** Every subsidy that ended without renewal by {@code asOf}, and what came after. */
  static List<SubsidyAftermath> aftermaths(
      PartnershipHistory history, PartnershipAsOf partnership, LocalDate asOf) {
    List<SubsidyAftermath> aftermaths = new ArrayList<>();
    for (PartnershipAsOf.Funding funding : partnership.fundings()) {
      if (funding.type() != FundingType.SUBSIDY || funding.renewedAs() != null) {
        continue;
      }
      Optional<LocalDate> end = funding.lastDay();
      if (end.isEmpty() || !end.get().isBefore(asOf)) {
        continue;
      }
      LocalDate after12 = end.get().plusMonths(12);
      LocalDate after24 = end.get().plusMonths(24);
      List<FactId> facts = new ArrayList<>(funding.factIds());
      Phase phase12 = phaseOn(history, after12, asOf, facts);
      Phase phase24 = phaseOn(history, after24, asOf, facts);
      aftermaths.add(new SubsidyAftermath(funding, end.get(), phase12, phase24, facts));
    }
    return aftermaths;
  }

  private static Phase phaseOn(
      PartnershipHistory history, LocalDate day, LocalDate asOf, List<FactId> facts) {
    if (day.isAfter(asOf)) {
      return null;
    }
    PartnershipAsOf then = PartnershipAsOf.of(history, day);
    then.currentPhase().ifPresent(p -> facts.add(p.factId()));
    return then.phase();
  }

  private Indicator survivedSubsidy() {
    String rule =
        "holds when the partnership was running 12 months, and where that date has passed 24"
            + " months, after every subsidy that ended without renewal; at risk when it was"
            + " discontinued by then; unknown when no subsidy ended at least 12 months before the"
            + " date";
    List<SubsidyAftermath> aftermaths =
        aftermaths(history, partnership, asOf).stream()
            .filter(a -> a.after12Months() != null)
            .toList();
    if (aftermaths.isEmpty()) {
      return indicator(
          Condition.SURVIVED_SUBSIDY,
          finding(Condition.SURVIVED_SUBSIDY, "noneEnded", asOf),
          rule,
          UNKNOWN,
          List.of());
    }
    List<Finding> parts = new ArrayList<>();
    List<FactId> facts = new ArrayList<>();
    boolean survived = true;
    for (SubsidyAftermath a : aftermaths) {
      facts.addAll(a.factIds());
      survived &=
          a.after12Months() != Phase.DISCONTINUED && a.after24Months() != Phase.DISCONTINUED;
      parts.add(
          finding(
              Condition.SURVIVED_SUBSIDY,
              "subsidy",
              a.subsidy().fundingId().value(),
              a.endedOn(),
              a.after12Months(),
              a.after24Months() == null
                  ? finding(Condition.SURVIVED_SUBSIDY, "notYetKnown")
                  : a.after24Months()));
    }
    return indicator(
        Condition.SURVIVED_SUBSIDY,
        finding(Condition.SURVIVED_SUBSIDY, "subsidies", Finding.Joined.of("; ", parts)),
        rule,
        survived ? HOLDS : AT_RISK,
        facts);
  }

  // Delivery

  private Indicator partnerDelivery() {
    String rule =
        "holds when the fulfilment rate of settled commitments (partial deliveries pro rata,"
            + " renewals left out) is at least "
            + percent(DELIVERY_THRESHOLD)
            + "; at risk below; unknown while none is settled, and when an approximate amount"
            + " (read as up to "
            + percent(LedgerAnswers.APPROXIMATE_MARGIN)
            + " either way) or a lower bound leaves the rate on both sides of the threshold";
    List<CommitmentLedger.Line> lines = LedgerAnswers.lines(partnership.commitments());
    CommitmentLedger.Totals totals = LedgerAnswers.totals(lines);
    List<FactId> facts = new ArrayList<>();
    lines.stream()
        .filter(l -> l.status() != CommitmentLedger.Status.OPEN)
        .forEach(l -> facts.addAll(l.factIds()));
    LedgerAnswers.RateRange range = LedgerAnswers.fulfilmentRange(lines);
    if (range == null) {
      return indicator(
          Condition.PARTNER_DELIVERY,
          finding(
              Condition.PARTNER_DELIVERY,
              "noneSettled",
              count(totals.commitments(), "commitment", "commitments")),
          rule,
          UNKNOWN,
          facts);
    }
    Object rate =
        range.isExact()
            ? new Finding.Percent(range.low())
            : finding(
                Condition.PARTNER_DELIVERY,
                "between",
                new Finding.Percent(range.low()),
                new Finding.Percent(range.high()));
    Verdict verdict;
    if (range.low().compareTo(DELIVERY_THRESHOLD) >= 0) {
      verdict = HOLDS;
    } else if (range.high().compareTo(DELIVERY_THRESHOLD) < 0) {
      verdict = AT_RISK;
    } else {
      verdict = UNKNOWN;
    }
    return indicator(
        Condition.PARTNER_DELIVERY,
        finding(
            Condition.PARTNER_DELIVERY,
            "rate",
            rate,
            totals.fulfilled(),
            totals.partiallyFulfilled(),
            totals.broken(),
            totals.withdrawn(),
            totals.open(),
            deliveredByUnit(totals.byUnit())),
        rule,
        verdict,
        facts);
  }

  // Platform

  private Indicator formalPlatform() {
    String rule =
        "holds when a covenant, foundation, cooperative or association carries the partnership;"
            + " at risk when its governance is recorded as none; unknown when no governance is"
            + " recorded";
    return partnership
        .governance()
        .map(
            g ->
                indicator(
                    Condition.FORMAL_PLATFORM,
                    platform(g),
                    rule,
                    g.form() == GovernanceForm.NONE ? AT_RISK : HOLDS,
                    g.factIds()))
        .orElseGet(
            () ->
                indicator(
                    Condition.FORMAL_PLATFORM,
                    finding(Condition.FORMAL_PLATFORM, "none"),
                    rule,
                    UNKNOWN,
                    List.of()));
  }

  /** {@code FOUNDATION Stichting RDM since 2012 (first established 2012)}. */
  private static Finding platform(PartnershipAsOf.Governance g) {
    String variant = g.form() == GovernanceForm.NONE ? "noForm" : "form";
    return g.entityName() == null
        ? finding(Condition.FORMAL_PLATFORM, variant, g.form(), g.since(), g.establishedOn())
        : finding(
            Condition.FORMAL_PLATFORM,
            variant + "WithEntity",
            g.form(),
            g.entityName(),
            g.since(),
            g.establishedOn());
  }

  // Education

  private Indicator educationMoves() {
    String rule =
        "holds when at least one active activity is formal learning or offered in a flexible"
            + " format; at risk when activities run but none is; unknown when no activity is"
            + " active";
    PartnershipState.KatapultProfile profile = StateAnswers.katapult(partnership);
    if (profile.activeActivities() == 0) {
      return indicator(
          Condition.EDUCATION_MOVES,
          finding(Condition.EDUCATION_MOVES, "noActivities"),
          rule,
          UNKNOWN,
          List.of());
    }
    long formal =
        partnership.activities().stream()
            .filter(PartnershipAsOf.Activity::isActive)
            .filter(a -> a.started().learningForm() == LearningForm.FORMAL)
            .count();
    Map<KatapultType, Integer> byType = profile.activitiesByType();
    return indicator(
        Condition.EDUCATION_MOVES,
        finding(
            Condition.EDUCATION_MOVES,
            "activities",
            count(profile.activeActivities(), "activeActivity", "activeActivities"),
            Finding.Joined.of(
                ", ",
                byType.entrySet().stream()
                    .map(e -> finding(Condition.EDUCATION_MOVES, "type", e.getKey(), e.getValue()))
                    .toList()),
            profile.type() == null
                ? finding(Condition.EDUCATION_MOVES, "undecided")
                : profile.type(),
            formal,
            profile.flexibleFormats()),
        rule,
        formal > 0 || profile.flexibleFormats() > 0 ? HOLDS : AT_RISK,
        profile.factIds());
  }

  // Ending

  private Indicator ending() {
    String rule =
        "holds while the partnership runs, and when it ended because its goals were achieved or"
            + " it was merged into or absorbed by a successor; at risk when it ended for any other"
            + " reason; the value gives the coded reason and the facts of the 24 months before";
    Optional<PartnershipDiscontinued> ended = partnership.discontinuation();
    if (ended.isEmpty()) {
      List<FactId> facts =
          partnership.currentPhase().map(p -> List.of(p.factId())).orElse(List.of());
      return indicator(
          Condition.ENDING,
          partnership
              .currentPhase()
              .map(p -> running(partnership, p))
              .orElseGet(() -> finding(Condition.ENDING, "notStarted")),
          rule,
          partnership.hasStarted() ? HOLDS : UNKNOWN,
          facts);
    }
    PartnershipDiscontinued d = ended.get();
    LocalDate from = d.occurredOn().earliest().minusMonths(24);
    List<FactId> facts = new ArrayList<>();
    List<Finding> chain = new ArrayList<>();
    for (PartnershipFact fact : partnership.applied()) {
      if (fact.occurredOn().earliest().isBefore(from) || fact == d) {
        continue;
      }
      Finding step = step(fact);
      if (step != null && !fact.occurredOn().earliest().isAfter(d.occurredOn().earliest())) {
        chain.add(step);
        facts.add(fact.factId());
      }
    }
    facts.add(d.factId());
    boolean benign =
        d.reason() == DiscontinuationReason.GOALS_ACHIEVED
            || (d.reason() == DiscontinuationReason.MERGED_OR_ABSORBED && d.successor() != null);
    return indicator(
        Condition.ENDING, discontinued(d, chain), rule, benign ? HOLDS : AT_RISK, facts);
  }

  /** {@code discontinued 2015-09: ECONOMIC_DOWNTURN (...); before it: ...}. */
  private static Finding discontinued(PartnershipDiscontinued d, List<Finding> chain) {
    Object before =
        chain.isEmpty() ? "" : finding(Condition.ENDING, "before", Finding.Joined.of("; ", chain));
    return d.explanation() == null
        ? finding(Condition.ENDING, "discontinued", d.occurredOn(), d.reason(), before)
        : finding(
            Condition.ENDING,
            "discontinuedExplained",
            d.occurredOn(),
            d.reason(),
            d.explanation(),
            before);
  }

  /** A step towards the end, with its date: {@code 2015-03 partner huisman left}. */
  private static Finding step(PartnershipFact fact) {
    if (fact instanceof PartnerLeft left) {
      return step(fact, left.organisationId().value());
    } else if (fact instanceof KeyPersonLeft left) {
      return step(fact, left.keyPersonId().value());
    } else if (fact instanceof FundingEnded ended) {
      return step(fact, ended.fundingId().value());
    } else if (fact instanceof PhaseChanged phase) {
      return step(fact, phase.phase());
    } else if (fact instanceof CommitmentBroken broken) {
      return step(fact, broken.commitmentId().value());
    } else if (fact instanceof CommitmentWithdrawn withdrawn) {
      return step(fact, withdrawn.commitmentId().value());
    } else if (fact instanceof ActivityEnded ended) {
      return step(fact, ended.activityId().value());
    }
    return null;
  }

  private static Finding step(PartnershipFact fact, Object what) {
    return finding(
        Condition.ENDING, "step." + fact.getClass().getSimpleName(), fact.occurredOn(), what);
  }

  /**
   * The phase it runs in; while no source names one, that it runs without a known phase, and since
   * when it is known to exist when no source dates its start.
   */
  private static Finding running(PartnershipAsOf partnership, PartnershipAsOf.PhasePeriod phase) {
    if (phase.phase() != Phase.UNKNOWN) {
      return finding(Condition.ENDING, "running", phase.phase(), phase.since());
    }
    boolean startUnknown = partnership.registration().filter(r -> !r.startKnown()).isPresent();
    return startUnknown
        ? finding(Condition.ENDING, "runningWithoutPhase", phase.since())
        : finding(Condition.ENDING, "runningPhaseUnknown", phase.since());
  }
}
