package nl.partnershipregistry.projections.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import nl.partnershipregistry.core.common.FactDate;
import nl.partnershipregistry.core.common.FactId;
import nl.partnershipregistry.core.organisation.OrganisationId;
import nl.partnershipregistry.core.partnership.Existence;
import nl.partnershipregistry.core.partnership.PartnershipHistory;
import nl.partnershipregistry.core.partnership.event.FactCorrected;
import nl.partnershipregistry.core.partnership.event.PartnerJoined;
import nl.partnershipregistry.core.partnership.event.PartnerLeft;
import nl.partnershipregistry.core.partnership.event.PartnershipDiscontinued;
import nl.partnershipregistry.core.partnership.event.PartnershipEvent;
import nl.partnershipregistry.core.partnership.event.PartnershipFact;
import nl.partnershipregistry.core.partnership.event.PartnershipRegistered;
import nl.partnershipregistry.core.partnership.event.PartnershipRevived;
import nl.partnershipregistry.core.partnership.event.PhaseChanged;
import nl.partnershipregistry.core.partnership.vocabulary.DiscontinuationReason;
import nl.partnershipregistry.core.partnership.vocabulary.PartnerRole;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipKind;
import nl.partnershipregistry.core.partnership.vocabulary.Phase;
import nl.partnershipregistry.projections.query.durability.DurabilityIndicators;
import nl.partnershipregistry.projections.query.durability.FindDurabilityIndicators;
import nl.partnershipregistry.projections.query.registry.FindPartnerships;
import nl.partnershipregistry.projections.query.registry.PartnershipPage;
import nl.partnershipregistry.projections.query.state.FindPartnershipState;
import nl.partnershipregistry.projections.query.state.PartnershipState;
import nl.partnershipregistry.projections.query.survival.FindSurvivalCurves;
import nl.partnershipregistry.projections.query.survival.SurvivalCurves;
import nl.partnershipregistry.projections.query.timeline.FindTimeline;
import nl.partnershipregistry.projections.query.timeline.Timeline;
import nl.partnershipregistry.projections.testing.ReadModelFixture;
import nl.partnershipregistry.projections.testing.Story;

/**
 * Random histories, read every way the registry reads a partnership: its state, its entry in the
 * registry list, its place in the survival curves, its timeline and its durability conditions must
 * say the same of its phase, start, discontinuation and active partners, for every valid date and
 * every state of knowledge.
 *
 * <p>The histories mix dates of every precision ("2008", "2008-06", "2008-06-15") and certainty
 * ("2008~", "[..2008-06]", "[2008..2010]", decision 52), are recorded out of their valid-time
 * order, and have later corrections (a fact re-dated) and retractions. As in the registry, an event
 * that would break one of the partnership's rules is refused, so every history is one the registry
 * could hold.
 */
class OneReadingTest {

  private static final String ID = "generated";

  /** One step of a generated history. */
  record Step(Kind kind, int year, int month, int day, int precision, int which) {

    /**
     * The date in the step's precision and certainty: a year, a month or a day; circa a year; no
     * later than a month; between a year and two years later.
     */
    String date() {
      return switch (precision) {
        case 0 -> String.valueOf(year);
        case 1 -> "%d-%02d".formatted(year, month);
        case 2 -> "%d-%02d-%02d".formatted(year, month, day);
        case 3 -> year + "~";
        case 4 -> "[..%d-%02d]".formatted(year, month);
        default -> "[%d..%d]".formatted(year, year + 2);
      };
    }
  }

  enum Kind {
    PHASE,
    DISCONTINUE,
    REVIVE,
    JOIN,
    LEAVE,
    CORRECT,
    RETRACT
  }

  private static final Phase[] PHASES = {
    Phase.INITIATED, Phase.PILOT, Phase.STRUCTURAL, Phase.SUSPENDED, Phase.WINDING_DOWN
  };

  @Property(tries = 150, shrinking = ShrinkingMode.BOUNDED)
  void everyAnswerReadsTheHistoryAlike(
      @ForAll("registrations") Step registration, @ForAll("histories") List<Step> steps) {
    check(registration, steps);
  }

  /**
   * The case that was found by hand: registered 2005, discontinued 2008 (a year), a phase change
   * dated June 2008 recorded after it. The state said discontinued from 2008 on, the list winding
   * down since June 2008, the survival curves still running.
   */
  @Example
  void aDiscontinuationOfAYearAndAPhaseChangeInThatYear() {
    check(
        new Step(Kind.PHASE, 2005, 1, 1, 0, 0),
        List.of(
            new Step(Kind.DISCONTINUE, 2008, 1, 1, 0, 0), new Step(Kind.PHASE, 2008, 6, 1, 1, 4)));
  }

  @Provide
  Arbitrary<Step> registrations() {
    return steps(Arbitraries.of(Kind.PHASE), 2003, 2007);
  }

  @Provide
  Arbitrary<List<Step>> histories() {
    Arbitrary<Kind> kinds =
        Arbitraries.frequency(
            net.jqwik.api.Tuple.of(3, Kind.PHASE),
            net.jqwik.api.Tuple.of(2, Kind.DISCONTINUE),
            net.jqwik.api.Tuple.of(2, Kind.REVIVE),
            net.jqwik.api.Tuple.of(3, Kind.JOIN),
            net.jqwik.api.Tuple.of(2, Kind.LEAVE),
            net.jqwik.api.Tuple.of(1, Kind.CORRECT),
            net.jqwik.api.Tuple.of(1, Kind.RETRACT));
    return steps(kinds, 2003, 2012).list().ofMinSize(1).ofMaxSize(9);
  }

  private static Arbitrary<Step> steps(Arbitrary<Kind> kinds, int fromYear, int untilYear) {
    return Combinators.combine(
            kinds,
            Arbitraries.integers().between(fromYear, untilYear),
            Arbitraries.integers().between(1, 12),
            Arbitraries.integers().between(1, 28),
            Arbitraries.integers().between(0, 5),
            Arbitraries.integers().between(0, 9))
        .as(Step::new);
  }

  private static void check(Step registration, List<Step> steps) {
    Story story = new Story(ID);
    List<PartnershipEvent> accepted = new ArrayList<>();
    PartnershipHistory history = new PartnershipHistory();
    List<Instant> recordings = new ArrayList<>();
    Instant at = Instant.parse("2020-01-01T09:00:00Z");
    story.recordedOn(at);
    List<PartnershipFact> facts = new ArrayList<>();
    PartnershipRegistered registered =
        story.registered(registration.date(), "Generated", PartnershipKind.DUAL_TRAJECTORY);
    facts.add(registered);
    accepted.add(registered);
    history.add(registered);
    recordings.add(at);
    for (Step step : steps) {
      at = at.plusSeconds(3_600);
      story.recordedOn(at);
      PartnershipEvent event = record(story, step, facts);
      // As the registry does: an event that would break a rule is refused.
      if (event == null || !history.with(event).violations().isEmpty()) {
        continue;
      }
      history.add(event);
      accepted.add(event);
      recordings.add(at);
      if (event instanceof PartnershipFact fact) {
        facts.add(fact);
      }
    }
    try (ReadModelFixture fixture = ReadModelFixture.embedded()) {
      fixture.feed(accepted.toArray());
      Set<LocalDate> days = new TreeSet<>();
      for (PartnershipEvent event : accepted) {
        PartnershipFact fact =
            event instanceof FactCorrected correction
                ? correction.replacement()
                : event instanceof PartnershipFact f ? f : null;
        if (fact != null) {
          days.add(fact.occurredOn().earliest());
          days.add(fact.occurredOn().earliest().minusDays(1));
          days.add(fact.occurredOn().latest());
        }
      }
      days.add(LocalDate.of(2030, 1, 1));
      List<Instant> knowledge = new ArrayList<>();
      knowledge.add(recordings.get(0).minusSeconds(1));
      for (Instant recorded : recordings) {
        knowledge.add(recorded.plusSeconds(1));
      }
      for (Instant asKnownOn : knowledge) {
        for (LocalDate asOf : days) {
          agree(fixture, asOf, asKnownOn);
        }
      }
    }
  }

  /**
   * The event of one step; a correction or retraction names an earlier fact by {@code which}. The
   * story keeps every event it made; only those returned and accepted are fed.
   */
  private static PartnershipEvent record(Story story, Step step, List<PartnershipFact> facts) {
    String on = step.date();
    String organisation = "org-" + (step.which() % 3);
    return switch (step.kind()) {
      case PHASE -> story.phase(on, PHASES[step.which() % PHASES.length]);
      case DISCONTINUE -> story.discontinued(on, DiscontinuationReason.SUBSIDY_ENDED);
      case REVIVE -> story.revived(on, PHASES[step.which() % PHASES.length]);
      case JOIN -> story.joined(on, organisation, PartnerRole.CORE);
      case LEAVE -> story.left(on, organisation);
      case CORRECT -> {
        PartnershipFact corrected = facts.get(step.which() % facts.size());
        yield story.corrected(redated(corrected, FactDate.parse(on)), "a later source dates it");
      }
      case RETRACT ->
          facts.size() > 1
              ? story.retracted(facts.get(1 + step.which() % (facts.size() - 1)), "not so")
              : null;
    };
  }

  /** The same fact on another date. */
  private static PartnershipFact redated(PartnershipFact fact, FactDate on) {
    if (fact instanceof PartnershipRegistered r) {
      return new PartnershipRegistered(
          r.partnershipId(),
          r.factId(),
          on,
          r.startKnown(),
          r.name(),
          r.kind(),
          r.region(),
          r.sector(),
          r.goal(),
          r.predecessor(),
          r.phase(),
          r.source(),
          r.recorded());
    } else if (fact instanceof PhaseChanged p) {
      return new PhaseChanged(
          p.partnershipId(), p.factId(), on, p.phase(), p.explanation(), p.source(), p.recorded());
    } else if (fact instanceof PartnershipDiscontinued d) {
      return new PartnershipDiscontinued(
          d.partnershipId(),
          d.factId(),
          on,
          d.reason(),
          d.explanation(),
          d.successor(),
          d.source(),
          d.recorded());
    } else if (fact instanceof PartnershipRevived r) {
      return new PartnershipRevived(
          r.partnershipId(), r.factId(), on, r.phase(), r.explanation(), r.source(), r.recorded());
    } else if (fact instanceof PartnerJoined j) {
      return new PartnerJoined(
          j.partnershipId(),
          j.factId(),
          on,
          j.organisationId(),
          j.role(),
          j.source(),
          j.recorded());
    } else if (fact instanceof PartnerLeft l) {
      return new PartnerLeft(
          l.partnershipId(),
          l.factId(),
          on,
          l.organisationId(),
          l.explanation(),
          l.source(),
          l.recorded());
    }
    throw new IllegalArgumentException("not generated: " + fact);
  }

  private static void agree(ReadModelFixture fixture, LocalDate asOf, Instant asKnownOn) {
    String at = " as of " + asOf + " as known on " + asKnownOn;
    Optional<PartnershipState> found =
        fixture
            .partnerships()
            .handle(
                new FindPartnershipState(
                    nl.partnershipregistry.core.partnership.vocabulary.PartnershipId.of(ID),
                    asOf,
                    asKnownOn));
    PartnershipPage list =
        fixture
            .registry()
            .handle(
                new FindPartnerships(null, null, null, null, null, null, asOf, asKnownOn, 0, 200));
    SurvivalCurves survival = fixture.registry().handle(new FindSurvivalCurves(asOf, asKnownOn));
    if (found.isEmpty()) {
      assertThat(list.items()).as("listed though unknown" + at).isEmpty();
      assertThat(survival.overall().partnerships()).as("survival" + at).isZero();
      return;
    }
    PartnershipState state = found.get();
    boolean started = state.existence() == Existence.STARTED;
    // Listed unless it had certainly not started, with the state's existence (decision 52).
    boolean listed = state.existence() != Existence.NOT_YET_STARTED;
    assertThat(list.items()).as("listed" + at).hasSize(listed ? 1 : 0);
    if (listed) {
      assertThat(list.items().get(0).existence())
          .as("the list's existence" + at)
          .isEqualTo(state.existence());
    }
    // In the survival curves once started, unless its start is known only as a bound.
    boolean dated = started && !state.startedOn().isBounded();
    assertThat(survival.overall().partnerships())
        .as("in the survival curves" + at)
        .isEqualTo(dated ? 1 : 0);
    Timeline timeline =
        fixture
            .partnerships()
            .handle(
                new FindTimeline(
                    nl.partnershipregistry.core.partnership.vocabulary.PartnershipId.of(ID),
                    asOf,
                    asKnownOn))
            .orElseThrow();
    if (!started) {
      assertThat(timeline.entries()).as("timeline before the start" + at).isEmpty();
      return;
    }
    PartnershipPage.Listing listing = list.items().get(0);
    Set<OrganisationId> partners =
        state.partners().stream()
            .map(PartnershipState.ActivePartner::organisationId)
            .collect(Collectors.toSet());
    assertThat(listing.phase()).as("the list's phase" + at).isEqualTo(state.phase());
    assertThat(listing.phaseSince())
        .as("the list's phase since" + at)
        .isEqualTo(state.phaseSince());
    assertThat(listing.startedOn()).as("the list's start" + at).isEqualTo(state.startedOn());
    assertThat(Set.copyOf(listing.activePartners()))
        .as("the list's partners" + at)
        .isEqualTo(partners);
    assertThat(survival.overall().discontinued())
        .as("discontinued in the survival curves" + at)
        .isEqualTo(dated && state.discontinuation() != null ? 1 : 0);

    FactId lastPhaseFact = null;
    Set<OrganisationId> active = new LinkedHashSet<>();
    for (Timeline.Entry entry : timeline.entries()) {
      PartnershipFact fact = entry.fact();
      if (fact instanceof PhaseChanged
          || fact instanceof PartnershipDiscontinued
          || fact instanceof PartnershipRevived
          || fact instanceof PartnershipRegistered) {
        lastPhaseFact = fact.factId();
      } else if (fact instanceof PartnerJoined j) {
        active.add(j.organisationId());
      } else if (fact instanceof PartnerLeft l) {
        active.remove(l.organisationId());
      }
    }
    assertThat(lastPhaseFact)
        .as("the timeline's last phase fact" + at)
        .isEqualTo(state.phaseFactId());
    assertThat(active).as("the timeline's partners" + at).isEqualTo(partners);

    DurabilityIndicators durability =
        fixture
            .partnerships()
            .handle(
                new FindDurabilityIndicators(
                    nl.partnershipregistry.core.partnership.vocabulary.PartnershipId.of(ID),
                    asOf,
                    asKnownOn))
            .orElseThrow();
    DurabilityIndicators.Indicator ending =
        durability.indicators().stream()
            .filter(i -> i.condition() == DurabilityIndicators.Condition.ENDING)
            .findFirst()
            .orElseThrow();
    List<FactId> support = ending.supportingFacts();
    assertThat(support.get(support.size() - 1))
        .as("the ending condition's fact" + at)
        .isEqualTo(state.phaseFactId());
  }
}
