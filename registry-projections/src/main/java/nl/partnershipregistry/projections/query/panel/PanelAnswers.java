package nl.partnershipregistry.projections.query.panel;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import nl.partnershipregistry.core.common.InvalidValue;
import nl.partnershipregistry.core.common.Unit;
import nl.partnershipregistry.core.organisation.OrganisationFact;
import nl.partnershipregistry.core.organisation.OrganisationType;
import nl.partnershipregistry.core.partnership.PartnershipAsOf;
import nl.partnershipregistry.core.partnership.event.PartnershipEvent;
import nl.partnershipregistry.core.partnership.vocabulary.FundingType;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipId;
import nl.partnershipregistry.core.partnership.vocabulary.Phase;
import nl.partnershipregistry.projections.analysis.OrganisationDirectory;
import nl.partnershipregistry.projections.analysis.SummaryAsOf;
import nl.partnershipregistry.projections.analysis.SummaryTimeline;
import nl.partnershipregistry.projections.query.PartnershipQueries;
import nl.partnershipregistry.projections.query.cohort.CohortAnswers;
import nl.partnershipregistry.projections.query.cohort.CohortOutcomes;
import nl.partnershipregistry.projections.query.common.PartnershipReader;
import nl.partnershipregistry.projections.query.durability.DurabilityAnswers;
import nl.partnershipregistry.projections.query.durability.DurabilityIndicators;
import nl.partnershipregistry.projections.query.durability.EmployerConcentration;
import nl.partnershipregistry.projections.query.funding.FundingAnswers;
import nl.partnershipregistry.projections.query.funding.FundingMix;
import nl.partnershipregistry.projections.query.ledger.CommitmentLedger;
import nl.partnershipregistry.projections.query.ledger.LedgerAnswers;
import nl.partnershipregistry.projections.query.registry.SummaryTimelines;
import nl.partnershipregistry.projections.query.state.PartnershipState;
import nl.partnershipregistry.projections.query.state.StateAnswers;
import nl.partnershipregistry.projections.time.TimeSlice;
import nl.partnershipregistry.projections.views.StoredEvent;

/**
 * Builds a {@link Panel}: for each partnership and each year, the answers the other questions give
 * for 1 July of that year ({@link StateAnswers}, {@link DurabilityAnswers}, {@link FundingAnswers},
 * {@link LedgerAnswers}, {@link CohortAnswers}, with the partners' organisations as {@link
 * PartnershipQueries} reads them), laid out as one flat row. Nothing is computed here but which
 * answer's figure goes in which column, and whether the registry records anything a count is of.
 *
 * <p>Cost: the organisations are read once (a scan), the partnerships' events by {@code $in} in
 * chunks of {@link #CHUNK}, each partnership's known history built once; then one fold per
 * partnership per year, from which the five answers are made.
 */
public final class PanelAnswers {

  /** How many partnerships' events are read at once. */
  static final int CHUNK = 100;

  private PanelAnswers() {}

  public static Panel panel(
      FindPanel query, PartnershipReader reader, SummaryTimelines timelines, Clock clock) {
    Instant asKnownOn = query.asKnownOn() == null ? clock.instant() : query.asKnownOn();
    int thisYear = LocalDate.ofInstant(clock.instant(), TimeSlice.REGISTRY_ZONE).getYear();
    int to = query.to() == null ? thisYear : query.to();
    Map<String, SummaryTimeline> summaries = timelines.timelines(asKnownOn);
    int from = query.from() == null ? earliestStart(summaries, to) : query.from();
    if (query.to() == null && from > to) {
      throw new InvalidValue("from", "must not be after to, which is the current year, " + to);
    }
    if (query.from() != null && to - from + 1 > FindPanel.MAX_YEARS && query.to() == null) {
      throw new InvalidValue(
          "from",
          "must lie within %d years of to, which is the current year, %d: at least %d"
              .formatted(FindPanel.MAX_YEARS, to, to - FindPanel.MAX_YEARS + 1));
    }
    if (query.from() == null && to - from + 1 > FindPanel.MAX_YEARS) {
      throw new InvalidValue(
          "from",
          "is needed: the earliest start, %d, lies more than %d years before to (%d)"
              .formatted(from, FindPanel.MAX_YEARS, to));
    }
    FindPanel.requireSpan(from, to);
    Map<String, List<StoredEvent<OrganisationFact>>> organisations = reader.allOrganisationEvents();
    List<String> ids = summaries.keySet().stream().sorted().toList();
    List<Panel.Row> rows = new ArrayList<>();
    for (int start = 0; start < ids.size(); start += CHUNK) {
      List<String> chunk = ids.subList(start, Math.min(ids.size(), start + CHUNK));
      Map<String, List<StoredEvent<PartnershipEvent>>> stored =
          reader.readModels().partnerships().load(chunk);
      for (String id : chunk) {
        Optional<PartnershipReader.Known> known =
            Optional.ofNullable(stored.get(id))
                .flatMap(events -> PartnershipReader.known(events, asKnownOn));
        if (known.isEmpty()) {
          continue;
        }
        for (int year = from; year <= to; year++) {
          TimeSlice slice = new TimeSlice(LocalDate.of(year, 7, 1), asKnownOn);
          PartnershipAsOf partnership = known.get().asOf(slice.asOf());
          if (!partnership.hasStarted()) {
            continue;
          }
          OrganisationDirectory directory =
              PartnershipReader.organisations(
                  PartnershipQueries.partnerIds(partnership), slice, organisations);
          rows.add(row(PartnershipId.of(id), slice, known.get(), partnership, directory));
        }
      }
    }
    return new Panel(from, to, asKnownOn, Panel.COLUMNS, rows);
  }

  /** The earliest year a known registration is dated in; {@code to} when there is none. */
  private static int earliestStart(Map<String, SummaryTimeline> summaries, int to) {
    LocalDate end = LocalDate.of(to, 12, 31);
    int earliest = to;
    for (SummaryTimeline timeline : summaries.values()) {
      SummaryAsOf summary = timeline.at(end);
      if (summary.hasStarted() && summary.startedOn() != null) {
        earliest = Math.min(earliest, summary.startedOn().countsFrom().getYear());
      }
    }
    return earliest;
  }

  private static Panel.Row row(
      PartnershipId id,
      TimeSlice slice,
      PartnershipReader.Known known,
      PartnershipAsOf partnership,
      OrganisationDirectory organisations) {
    PartnershipState state =
        StateAnswers.state(id, slice, known.history(), partnership, organisations);
    DurabilityIndicators durability =
        DurabilityAnswers.indicators(id, slice, known.history(), partnership, organisations);
    FundingMix funding = FundingAnswers.mix(id, slice, partnership);
    CommitmentLedger ledger = LedgerAnswers.ledger(id, slice, partnership, organisations);
    CohortOutcomes cohorts = CohortAnswers.outcomes(id, slice, partnership);
    EmployerConcentration concentration = EmployerConcentration.of(partnership, organisations);

    Map<String, Object> cells = new LinkedHashMap<>();
    cells.put("partnership_id", id.value());
    cells.put("name", state.name());
    cells.put("year", slice.asOf().getYear());
    cells.put("as_of", slice.asOf());
    cells.put("phase", state.phase() == Phase.UNKNOWN ? null : name(state.phase()));
    cells.put("kind", name(state.kind()));
    cells.put("region", state.region());
    cells.put("sector", state.sector());

    boolean partnersRecorded = !partnership.participations().isEmpty();
    long schools = count(state, OrganisationType.SCHOOL);
    long employers = count(state, OrganisationType.EMPLOYER);
    int active = state.partners().size();
    cells.put("active_partners", partnersRecorded ? active : null);
    cells.put("active_schools", partnersRecorded ? schools : null);
    cells.put("active_employers", partnersRecorded ? employers : null);
    cells.put("active_others", partnersRecorded ? active - schools - employers : null);
    cells.put(
        "largest_employer_group_share_partners",
        concentration.largestShareOfPartners().orElse(null));
    cells.put("employer_hhi_partners", concentration.partnersHhi().orElse(null));
    cells.put(
        "largest_employer_group_share_commitments",
        concentration.largestShareOfCommitments().orElse(null));
    cells.put("employer_hhi_commitments", concentration.commitmentsHhi().orElse(null));
    for (Unit unit : Unit.values()) {
      cells.put(
          "largest_employer_group_share_" + Panel.name(unit),
          concentration.largestShareOfVolume(unit).orElse(null));
      cells.put("employer_hhi_" + Panel.name(unit), concentration.volumeHhi(unit).orElse(null));
    }
    cells.put(
        "key_persons_active",
        partnership.keyPersons().isEmpty() ? null : state.keyPersons().size());

    Optional<FundingMix.Year> year =
        funding.years().stream().filter(y -> y.year() == slice.asOf().getYear()).findFirst();
    cells.put(
        "subsidy_share",
        year.filter(FundingMix.Year::complete).map(FundingMix.Year::subsidyShare).orElse(null));
    cells.put(
        "subsidy_share_at_least", year.map(FundingMix.Year::subsidyShareAtLeast).orElse(null));
    cells.put("subsidy_share_at_most", year.map(FundingMix.Year::subsidyShareAtMost).orElse(null));
    Set<FundingType> withoutAmount =
        year.map(y -> y.withoutAmount().stream().map(FundingMix.WithoutAmount::type))
            .orElseGet(java.util.stream.Stream::empty)
            .collect(Collectors.toSet());
    for (FundingType type : FundingType.values()) {
      cells.put(
          "funding_" + Panel.name(type),
          withoutAmount.contains(type)
              ? null
              : year.map(y -> y.amountByType().get(type)).orElse(null));
    }

    CommitmentLedger.Totals totals = ledger.totals();
    cells.put("commitments", totals.commitments() == 0 ? null : totals.commitments());
    cells.put("fulfilment_rate", totals.fulfilmentRate());
    for (Unit unit : Unit.values()) {
      Optional<CommitmentLedger.UnitTotals> inUnit =
          totals.byUnit().stream().filter(u -> u.unit() == unit).findFirst();
      cells.put(
          "commitments_promised_" + Panel.name(unit),
          inUnit.map(CommitmentLedger.UnitTotals::promised).orElse(null));
      cells.put(
          "commitments_due_" + Panel.name(unit),
          inUnit.map(CommitmentLedger.UnitTotals::due).orElse(null));
      cells.put(
          "commitments_delivered_" + Panel.name(unit),
          inUnit
              .filter(u -> u.due().signum() != 0)
              .map(CommitmentLedger.UnitTotals::delivered)
              .orElse(null));
      // One word for the unit's three figures, by the totals' rule: as exact as the least exact.
      cells.put(
          "commitments_exactness_" + Panel.name(unit),
          inUnit
              .map(
                  u ->
                      u.promisedExactness()
                          .and(u.dueExactness())
                          .and(u.deliveredExactness())
                          .name())
              .orElse(null));
    }

    boolean cohortsRecorded = !cohorts.cohorts().isEmpty();
    CohortOutcomes.Outcome total = cohorts.total();
    cells.put("cohort_enrolled", cohortsRecorded ? total.enrolled() : null);
    // Until someone has graduated or dropped out, nothing is known of either (the cohort answer's
    // completion rate is unknown then too).
    boolean outcomesKnown = total.completionRate() != null;
    cells.put("cohort_graduated", outcomesKnown ? total.graduated() : null);
    cells.put("cohort_dropped_out", outcomesKnown ? total.droppedOut() : null);
    cells.put("completion_rate", total.completionRate());
    cells.put("cohort_approximate", cohortsRecorded ? total.approximate() : null);

    for (DurabilityIndicators.Indicator indicator : durability.indicators()) {
      cells.put("verdict_" + Panel.name(indicator.condition()), indicator.verdict().name());
    }
    return new Panel.Row(cells);
  }

  private static long count(PartnershipState state, OrganisationType type) {
    return state.partners().stream().filter(p -> p.type() == type).count();
  }

  private static String name(Enum<?> value) {
    return value == null ? null : value.name();
  }
}
