package nl.partnershipregistry.projections.query;

import static nl.partnershipregistry.projections.query.DurabilityIndicators.Verdict.AT_RISK;
import static nl.partnershipregistry.projections.query.DurabilityIndicators.Verdict.HOLDS;
import static nl.partnershipregistry.projections.query.DurabilityIndicators.Verdict.UNKNOWN;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
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

  private static Indicator indicator(
      Condition condition, String value, String rule, Verdict verdict, Collection<FactId> facts) {
    return new Indicator(
        condition,
        condition.question(),
        value,
        rule,
        verdict,
        List.copyOf(new LinkedHashSet<>(facts)));
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
      return indicator(Condition.EMPLOYER_DEMAND, "no partners recorded", rule, UNKNOWN, List.of());
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
        "%s; %s, %d in force, %d made in the 24 months before %s"
            .formatted(
                count(employers.size(), "employer partner", "employer partners"),
                count(commitments.size(), "employer commitment", "employer commitments"),
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
          Condition.EMPLOYER_CONCENTRATION, "no employer partners", rule, UNKNOWN, List.of());
    }
    Map<OrganisationId, Long> partnersByGroup = concentration.partnersByGroup();
    Map<OrganisationId, Long> commitmentsByGroup = concentration.commitmentsByGroup();
    Share partners = largest(partnersByGroup);
    Share promised = largest(commitmentsByGroup);
    // What the commitments promise, per unit and group, shown beside the counts: one group
    // promising 30 of 40 places is 75 % of the volume, whatever the number of commitments it took.
    // Not part of the verdict: a unit only one employer promises in would always be "all of it".
    Map<Unit, Map<OrganisationId, BigDecimal>> volumes = concentration.volumes();
    StringBuilder byVolume = new StringBuilder();
    for (Map.Entry<Unit, Map<OrganisationId, BigDecimal>> unit : volumes.entrySet()) {
      BigDecimal total = unit.getValue().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
      if (total.signum() == 0) {
        continue;
      }
      Map.Entry<OrganisationId, BigDecimal> top =
          unit.getValue().entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
      BigDecimal share = FundingAnswers.share(top.getValue(), total);
      byVolume
          .append(byVolume.length() == 0 ? "; by volume: " : ", ")
          .append(organisations.nameOf(top.getKey()))
          .append(' ')
          .append(top.getValue().stripTrailingZeros().toPlainString())
          .append(" of ")
          .append(total.stripTrailingZeros().toPlainString())
          .append(' ')
          .append(unit.getKey())
          .append(" (")
          .append(percent(share))
          .append(", HHI ")
          .append(hhiOf(unit.getValue().values()))
          .append(')');
    }
    boolean concentrated =
        partners.share().compareTo(HALF) > 0 || promised.share().compareTo(HALF) > 0;
    List<FactId> facts = new ArrayList<>();
    employers.forEach(p -> facts.addAll(p.factIds()));
    commitments.forEach(c -> facts.add(c.factId()));
    return indicator(
        Condition.EMPLOYER_CONCENTRATION,
        "largest group %s: %d of %d active employer partners (%s), %d of %d employer commitments (%s); HHI of partners %s, of commitments %s%s"
            .formatted(
                partners.group() == null
                    ? organisations.nameOf(promised.group())
                    : organisations.nameOf(partners.group()),
                partners.count(),
                employers.size(),
                percent(partners.share()),
                promised.count(),
                commitments.size(),
                percent(promised.share()),
                hhi(partnersByGroup),
                hhi(commitmentsByGroup),
                byVolume),
        rule,
        concentrated ? AT_RISK : HOLDS,
        facts);
  }

  record Share(OrganisationId group, long count, BigDecimal share) {}

  /** {@code ; delivered 26 of 40 PLACES (65.0%)} for each unit in which something was due. */
  private static String deliveredByUnit(List<CommitmentLedger.UnitTotals> units) {
    StringBuilder text = new StringBuilder();
    for (CommitmentLedger.UnitTotals unit : units) {
      if (unit.deliveryRate() != null) {
        text.append(text.length() == 0 ? "; delivered " : ", ")
            .append(unit.delivered().stripTrailingZeros().toPlainString())
            .append(" of ")
            .append(unit.due().stripTrailingZeros().toPlainString())
            .append(' ')
            .append(unit.unit())
            .append(" (")
            .append(percent(unit.deliveryRate()))
            .append(')');
      }
    }
    return text.toString();
  }

  /** A number with its noun: {@code 1 key person}, {@code 2 key persons}. */
  static String count(long n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
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
          Condition.KEY_PERSON_DEPENDENCE, "no key persons recorded", rule, UNKNOWN, List.of());
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
        "%s active; %d left without a successor%s%s"
            .formatted(
                count(active.size(), "key person", "key persons"),
                leftAlone.size(),
                pioneerGone ? "; the pioneer left without a successor" : "",
                vacant.isEmpty() ? "" : "; vacant roles: " + vacant),
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
          Condition.CRITICAL_MASS, "no partners of known type recorded", rule, UNKNOWN, facts);
    }
    return indicator(
        Condition.CRITICAL_MASS,
        "%s: %s, %s, %s"
            .formatted(
                count(active.size(), "active partner", "active partners"),
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
            + " force); at risk when one is missing; unknown when neither side has any recorded";
    List<FactId> facts = new ArrayList<>();
    boolean schoolBacking = backing(organisations::isSchool, facts);
    boolean schoolManager = manager(organisations::isSchool, facts);
    boolean employerBacking = backing(organisations::isEmployer, facts);
    boolean employerManager = manager(organisations::isEmployer, facts);
    boolean anyRecorded =
        !partnership.keyPersons().isEmpty()
            || partnership.commitments().stream()
                .anyMatch(
                    c ->
                        c.type() == CommitmentType.EXECUTIVE_BACKING
                            || c.type() == CommitmentType.PROGRAMME_MANAGER);
    String value =
        "school side: executive backing %s, programme manager with mandate %s; employer side: executive backing %s, programme manager with mandate %s"
            .formatted(
                yesNo(schoolBacking),
                yesNo(schoolManager),
                yesNo(employerBacking),
                yesNo(employerManager));
    Verdict verdict;
    if (!anyRecorded) {
      verdict = UNKNOWN;
    } else {
      verdict =
          schoolBacking && schoolManager && employerBacking && employerManager ? HOLDS : AT_RISK;
    }
    return indicator(Condition.TOP_COMMITMENT, value, rule, verdict, facts);
  }

  private boolean backing(Predicate<OrganisationId> side, List<FactId> facts) {
    return present(
        side, KeyPersonRole.EXECUTIVE_SPONSOR, false, CommitmentType.EXECUTIVE_BACKING, facts);
  }

  private boolean manager(Predicate<OrganisationId> side, List<FactId> facts) {
    return present(
        side, KeyPersonRole.PROGRAMME_MANAGER, true, CommitmentType.PROGRAMME_MANAGER, facts);
  }

  private boolean present(
      Predicate<OrganisationId> side,
      KeyPersonRole role,
      boolean needsMandate,
      CommitmentType promise,
      List<FactId> facts) {
    boolean found = false;
    for (PartnershipAsOf.KeyPerson person : partnership.keyPersons()) {
      if (person.isActive()
          && person.assigned().keyPersonRole() == role
          && (!needsMandate || person.assigned().withMandate())
          && side.test(person.assigned().organisationId())) {
        facts.add(person.assigned().factId());
        found = true;
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
    return found;
  }

  private static String yesNo(boolean value) {
    return value ? "yes" : "no";
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
          "no funding recorded for " + asOf.getYear(),
          rule,
          UNKNOWN,
          List.of());
    }
    FundingMix.Year counted = year.get();
    List<FactId> facts = new ArrayList<>(counted.factIds());
    mix.subsidyCliffs().forEach(c -> facts.addAll(c.factIds()));
    boolean dependent = counted.subsidyShareAtLeast().compareTo(HALF) > 0;
    boolean independent = counted.subsidyShareAtMost().compareTo(HALF) <= 0;
    String cliffs =
        "%d subsidy cliff%s ahead"
            .formatted(mix.subsidyCliffs().size(), mix.subsidyCliffs().size() == 1 ? "" : "s");
    String value;
    if (counted.complete()) {
      value =
          "in %d subsidy is %s of EUR %s, own revenue %s (trend %s); %s"
              .formatted(
                  counted.year(),
                  percent(counted.subsidyShare()),
                  counted.total().toPlainString(),
                  percent(counted.ownRevenueShare()),
                  mix.ownRevenueTrend(),
                  cliffs);
    } else {
      String share =
          counted.subsidyShareAtLeast().compareTo(counted.subsidyShareAtMost()) == 0
              ? "subsidy is %s of the funding whatever the unknown amounts"
                  .formatted(percent(counted.subsidyShareAtLeast()))
              : "subsidy is between %s and %s of the funding"
                  .formatted(
                      percent(counted.subsidyShareAtLeast()),
                      percent(counted.subsidyShareAtMost()));
      value =
          "in %d %d funding%s without a known amount (%s)%s; %s; %s"
              .formatted(
                  counted.year(),
                  counted.withoutAmount().size(),
                  counted.withoutAmount().size() == 1 ? "" : "s",
                  counted.withoutAmount().stream()
                      .map(f -> f.fundingId().value() + ": " + f.type())
                      .collect(Collectors.joining(", ")),
                  counted.total().signum() == 0
                      ? ""
                      : ", besides EUR " + counted.total().toPlainString() + " known",
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
          "no subsidy ended at least 12 months before " + asOf,
          rule,
          UNKNOWN,
          List.of());
    }
    List<String> parts = new ArrayList<>();
    List<FactId> facts = new ArrayList<>();
    boolean survived = true;
    for (SubsidyAftermath a : aftermaths) {
      facts.addAll(a.factIds());
      survived &=
          a.after12Months() != Phase.DISCONTINUED && a.after24Months() != Phase.DISCONTINUED;
      parts.add(
          "subsidy %s ended %s: %s after 12 months, %s after 24 months"
              .formatted(
                  a.subsidy().fundingId(),
                  a.endedOn(),
                  a.after12Months(),
                  a.after24Months() == null ? "not yet known" : a.after24Months()));
    }
    return indicator(
        Condition.SURVIVED_SUBSIDY,
        String.join("; ", parts),
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
            + "; at risk below; unknown while none is settled";
    List<CommitmentLedger.Line> lines = LedgerAnswers.lines(partnership.commitments());
    CommitmentLedger.Totals totals = LedgerAnswers.totals(lines);
    List<FactId> facts = new ArrayList<>();
    lines.stream()
        .filter(l -> l.status() != CommitmentLedger.Status.OPEN)
        .forEach(l -> facts.addAll(l.factIds()));
    if (totals.fulfilmentRate() == null) {
      return indicator(
          Condition.PARTNER_DELIVERY,
          "%s, none settled".formatted(count(totals.commitments(), "commitment", "commitments")),
          rule,
          UNKNOWN,
          facts);
    }
    return indicator(
        Condition.PARTNER_DELIVERY,
        "fulfilment rate %s: %d fulfilled, %d partially, %d broken, %d withdrawn, %d open%s"
            .formatted(
                percent(totals.fulfilmentRate()),
                totals.fulfilled(),
                totals.partiallyFulfilled(),
                totals.broken(),
                totals.withdrawn(),
                totals.open(),
                deliveredByUnit(totals.byUnit())),
        rule,
        totals.fulfilmentRate().compareTo(DELIVERY_THRESHOLD) >= 0 ? HOLDS : AT_RISK,
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
                    "%s%s since %s (first established %s)"
                        .formatted(
                            g.form(),
                            g.entityName() == null ? "" : " " + g.entityName(),
                            g.since(),
                            g.establishedOn()),
                    rule,
                    g.form() == GovernanceForm.NONE ? AT_RISK : HOLDS,
                    g.factIds()))
        .orElse(
            indicator(
                Condition.FORMAL_PLATFORM, "no governance recorded", rule, UNKNOWN, List.of()));
  }

  // Education

  private Indicator educationMoves() {
    String rule =
        "holds when at least one active activity is formal learning or offered in a flexible"
            + " format; at risk when activities run but none is; unknown when no activity is"
            + " active";
    PartnershipState.KatapultProfile profile = StateAnswers.katapult(partnership);
    if (profile.activeActivities() == 0) {
      return indicator(Condition.EDUCATION_MOVES, "no active activities", rule, UNKNOWN, List.of());
    }
    long formal =
        partnership.activities().stream()
            .filter(PartnershipAsOf.Activity::isActive)
            .filter(a -> a.started().learningForm() == LearningForm.FORMAL)
            .count();
    Map<KatapultType, Integer> byType = profile.activitiesByType();
    return indicator(
        Condition.EDUCATION_MOVES,
        "%s by Katapult type %s (centre of gravity %s); %d formal, %d in a flexible format"
            .formatted(
                count(profile.activeActivities(), "active activity", "active activities"),
                byType,
                profile.type() == null ? "undecided" : profile.type(),
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
          partnership.currentPhase().map(p -> running(partnership, p)).orElse("not started"),
          rule,
          partnership.hasStarted() ? HOLDS : UNKNOWN,
          facts);
    }
    PartnershipDiscontinued d = ended.get();
    LocalDate from = d.occurredOn().earliest().minusMonths(24);
    List<FactId> facts = new ArrayList<>();
    List<String> chain = new ArrayList<>();
    for (PartnershipFact fact : partnership.applied()) {
      if (fact.occurredOn().earliest().isBefore(from) || fact == d) {
        continue;
      }
      String step = step(fact);
      if (step != null && !fact.occurredOn().earliest().isAfter(d.occurredOn().earliest())) {
        chain.add(fact.occurredOn() + " " + step);
        facts.add(fact.factId());
      }
    }
    facts.add(d.factId());
    boolean benign =
        d.reason() == DiscontinuationReason.GOALS_ACHIEVED
            || (d.reason() == DiscontinuationReason.MERGED_OR_ABSORBED && d.successor() != null);
    return indicator(
        Condition.ENDING,
        "discontinued %s: %s%s%s"
            .formatted(
                d.occurredOn(),
                d.reason(),
                d.explanation() == null ? "" : " (" + d.explanation() + ")",
                chain.isEmpty() ? "" : "; before it: " + String.join("; ", chain)),
        rule,
        benign ? HOLDS : AT_RISK,
        facts);
  }

  private static String step(PartnershipFact fact) {
    if (fact instanceof PartnerLeft left) {
      return "partner " + left.organisationId() + " left";
    } else if (fact instanceof KeyPersonLeft left) {
      return "key person " + left.keyPersonId() + " left";
    } else if (fact instanceof FundingEnded ended) {
      return "funding " + ended.fundingId() + " ended";
    } else if (fact instanceof PhaseChanged phase) {
      return "phase " + phase.phase();
    } else if (fact instanceof CommitmentBroken broken) {
      return "commitment " + broken.commitmentId() + " broken";
    } else if (fact instanceof CommitmentWithdrawn withdrawn) {
      return "commitment " + withdrawn.commitmentId() + " withdrawn";
    } else if (fact instanceof ActivityEnded ended) {
      return "activity " + ended.activityId() + " ended";
    }
    return null;
  }

  /**
   * The phase it runs in; a phase that only comes from a registration on the earliest evidence says
   * nothing of the phase, so the value says the start is unknown instead.
   */
  private static String running(PartnershipAsOf partnership, PartnershipAsOf.PhasePeriod phase) {
    boolean onlyEvidence =
        partnership
            .registration()
            .filter(r -> !r.startKnown() && r.factId().equals(phase.factId()))
            .isPresent();
    return onlyEvidence
        ? "running: existing by " + phase.since() + ", start unknown, no phase recorded"
        : "running: " + phase.phase() + " since " + phase.since();
  }
}
