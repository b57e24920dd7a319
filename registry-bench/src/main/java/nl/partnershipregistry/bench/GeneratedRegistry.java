package nl.partnershipregistry.bench;

import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.partnershipregistry.core.common.DateRange;
import nl.partnershipregistry.core.common.FactDate;
import nl.partnershipregistry.core.common.FactId;
import nl.partnershipregistry.core.common.Money;
import nl.partnershipregistry.core.common.Quantity;
import nl.partnershipregistry.core.common.Recording;
import nl.partnershipregistry.core.common.SourceCitation;
import nl.partnershipregistry.core.common.Unit;
import nl.partnershipregistry.core.organisation.OrganisationFact;
import nl.partnershipregistry.core.organisation.OrganisationId;
import nl.partnershipregistry.core.organisation.OrganisationJoinedGroup;
import nl.partnershipregistry.core.organisation.OrganisationRegistered;
import nl.partnershipregistry.core.organisation.OrganisationType;
import nl.partnershipregistry.core.organisation.SchoolLevel;
import nl.partnershipregistry.core.partnership.PartnershipHistory;
import nl.partnershipregistry.core.partnership.event.ActivityEnded;
import nl.partnershipregistry.core.partnership.event.ActivityStarted;
import nl.partnershipregistry.core.partnership.event.CohortEnrolled;
import nl.partnershipregistry.core.partnership.event.CommitmentBroken;
import nl.partnershipregistry.core.partnership.event.CommitmentFulfilled;
import nl.partnershipregistry.core.partnership.event.CommitmentPartiallyFulfilled;
import nl.partnershipregistry.core.partnership.event.CommitmentRecorded;
import nl.partnershipregistry.core.partnership.event.CommitmentWithdrawn;
import nl.partnershipregistry.core.partnership.event.EvaluationRecorded;
import nl.partnershipregistry.core.partnership.event.FactCorrected;
import nl.partnershipregistry.core.partnership.event.FactRetracted;
import nl.partnershipregistry.core.partnership.event.FundingAwarded;
import nl.partnershipregistry.core.partnership.event.FundingEnded;
import nl.partnershipregistry.core.partnership.event.FundingRenewed;
import nl.partnershipregistry.core.partnership.event.GovernanceEstablished;
import nl.partnershipregistry.core.partnership.event.KeyPersonAssigned;
import nl.partnershipregistry.core.partnership.event.KeyPersonSucceeded;
import nl.partnershipregistry.core.partnership.event.ParticipantsDroppedOut;
import nl.partnershipregistry.core.partnership.event.ParticipantsGraduated;
import nl.partnershipregistry.core.partnership.event.PartnerJoined;
import nl.partnershipregistry.core.partnership.event.PartnerLeft;
import nl.partnershipregistry.core.partnership.event.PartnershipDiscontinued;
import nl.partnershipregistry.core.partnership.event.PartnershipEvent;
import nl.partnershipregistry.core.partnership.event.PartnershipFact;
import nl.partnershipregistry.core.partnership.event.PartnershipRegistered;
import nl.partnershipregistry.core.partnership.event.PhaseChanged;
import nl.partnershipregistry.core.partnership.vocabulary.ActivityId;
import nl.partnershipregistry.core.partnership.vocabulary.ActivityType;
import nl.partnershipregistry.core.partnership.vocabulary.CohortId;
import nl.partnershipregistry.core.partnership.vocabulary.CommitmentId;
import nl.partnershipregistry.core.partnership.vocabulary.CommitmentType;
import nl.partnershipregistry.core.partnership.vocabulary.DiscontinuationReason;
import nl.partnershipregistry.core.partnership.vocabulary.FundingId;
import nl.partnershipregistry.core.partnership.vocabulary.FundingType;
import nl.partnershipregistry.core.partnership.vocabulary.GovernanceForm;
import nl.partnershipregistry.core.partnership.vocabulary.KeyPersonId;
import nl.partnershipregistry.core.partnership.vocabulary.KeyPersonRole;
import nl.partnershipregistry.core.partnership.vocabulary.LearningForm;
import nl.partnershipregistry.core.partnership.vocabulary.LedFrom;
import nl.partnershipregistry.core.partnership.vocabulary.PartnerRole;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipId;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipKind;
import nl.partnershipregistry.core.partnership.vocabulary.Phase;
import nl.partnershipregistry.core.partnership.vocabulary.SubsidyInstrument;

/**
 * A registry of generated partnerships whose histories keep the domain's rules: partners joining
 * and leaving, commitments and their settlement, funding awarded, ended and renewed, cohorts, key
 * persons and their successors, activities, governance, phases, evaluations, corrections and
 * retractions, recorded a year after they happened. Every history is checked with the domain's own
 * rules ({@link #requireValid}) before it is stored. Deterministic: the same arguments give the
 * same events.
 */
final class GeneratedRegistry {

  static final int SCHOOLS = 60;
  static final int EMPLOYERS = 240;
  static final int GROUPS = 20;

  private static final SourceCitation SOURCE =
      SourceCitation.of("benchmark", "a generated source passage");
  private static final Recording KNOWN_EARLY =
      Recording.of(Instant.parse("2000-01-01T09:00:00Z"), "bench");
  private static final PartnershipKind[] KINDS = PartnershipKind.values();
  private static final String[] REGIONS = {
    "Utrecht", "Twente", "Rotterdam", "Groningen", "Brabant"
  };
  private static final String[] SECTORS = {"technology", "care", "logistics", "construction"};

  private GeneratedRegistry() {}

  static String school(int n) {
    return "school-" + (n % SCHOOLS);
  }

  static String employer(int n) {
    return "employer-" + (n % EMPLOYERS);
  }

  /** The organisations the partnerships name: schools, employers, and employers in groups. */
  static List<OrganisationFact> organisations() {
    List<OrganisationFact> facts = new ArrayList<>();
    for (int s = 0; s < SCHOOLS; s++) {
      facts.add(registration(school(s), OrganisationType.SCHOOL, SchoolLevel.values()[2 + s % 3]));
    }
    for (int g = 0; g < GROUPS; g++) {
      facts.add(registration("group-" + g, OrganisationType.EMPLOYER, null));
    }
    for (int e = 0; e < EMPLOYERS; e++) {
      String id = employer(e);
      facts.add(registration(id, OrganisationType.EMPLOYER, null));
      if (e % 3 == 0) {
        facts.add(
            new OrganisationJoinedGroup(
                OrganisationId.of(id),
                FactId.of(id + "-in-group"),
                FactDate.year(1990),
                OrganisationId.of("group-" + (e % GROUPS)),
                SOURCE,
                KNOWN_EARLY));
      }
    }
    return facts;
  }

  private static OrganisationRegistered registration(
      String id, OrganisationType type, SchoolLevel level) {
    return new OrganisationRegistered(
        OrganisationId.of(id),
        FactId.of(id + "-registered"),
        FactDate.year(1950),
        "Organisation " + id,
        type,
        level,
        SOURCE,
        KNOWN_EARLY);
  }

  /** Partnership {@code k}: exactly {@code events} events, oldest first. */
  static List<PartnershipEvent> partnership(int k, int events) {
    History h = new History("p" + k);
    int start = 1998 + k % 15;
    String lead = school(k);
    String second = school(k + 7);
    String anchor = employer(k);
    String other = employer(k + 101);
    h.at(start, 1).registered(start, k);
    h.joined(lead, PartnerRole.LEAD);
    h.joined(anchor, PartnerRole.CORE);
    h.joined(other, PartnerRole.MEMBER);
    h.at(start, 3).governance(GovernanceForm.values()[k % 4]);
    h.keyPerson("pioneer", KeyPersonRole.PIONEER, lead, false);
    h.keyPerson("manager-0", KeyPersonRole.PROGRAMME_MANAGER, lead, true);
    h.keyPerson("sponsor", KeyPersonRole.EXECUTIVE_SPONSOR, anchor, false);
    String manager = "manager-0";
    String openCommitment = null;
    String funding = null;
    int fundingEnds = 0;
    String activity = null;
    String churn = null;
    String lastEvaluation = null;
    boolean discontinue = k % 5 == 0;
    Phase phase = Phase.INITIATED;
    for (int y = start + 1; h.size() < events; y++) {
      int n = y - start;
      if (phase == Phase.INITIATED) {
        h.at(y, 1).phase(phase = Phase.PILOT);
      } else if (phase == Phase.PILOT && n >= 3) {
        h.at(y, 1).phase(phase = Phase.STRUCTURAL);
      }
      if (n == 2) {
        h.at(y, 1).joined(second, PartnerRole.MEMBER);
      }
      // Commitments: last year's settled, a new one made.
      if (openCommitment != null) {
        h.at(y, 2);
        switch (n % 5) {
          case 0 -> h.partlyFulfilled(openCommitment, 6);
          case 1 -> h.broken(openCommitment);
          case 2 -> h.withdrawn(openCommitment);
          default -> h.fulfilled(openCommitment);
        }
      }
      openCommitment = "c" + n;
      h.at(y, 3).commitment(openCommitment, n % 2 == 0 ? anchor : other, y);
      // Funding: a three-year subsidy or fee income, ended or renewed.
      if (funding == null) {
        funding = "f" + n;
        fundingEnds = y + 2;
        h.at(y, 4)
            .funding(funding, n % 3 == 1 ? FundingType.MEMBER_FEES : FundingType.SUBSIDY, y, y + 2);
      } else if (y == fundingEnds) {
        if (n % 4 == 0) {
          String renewal = "f" + n;
          h.at(y, 11).fundingRenewed(funding, renewal, y + 1, y + 3);
          funding = renewal;
          fundingEnds = y + 3;
        } else {
          h.at(y, 12).fundingEnded(funding);
          funding = null;
        }
      }
      // A cohort a year: enrolled, some drop out, most graduate the year after.
      String cohort = "cohort-" + n;
      h.at(y, 9).cohort(cohort, 20 + n % 10);
      h.at(y, 12).droppedOut(cohort, 2 + n % 3);
      h.at(y, 12).graduated(cohort, 12 + n % 5);
      // Partners: an employer joins every other year and leaves two years later.
      if (n % 2 == 1) {
        if (churn != null) {
          h.at(y, 5).left(churn);
        }
        churn = employer(k + 13 * n + 29);
        if (churn.equals(anchor) || churn.equals(other)) {
          churn = null;
        } else {
          h.at(y, 5).joined(churn, PartnerRole.MEMBER);
        }
      }
      // Key persons: the programme manager is succeeded every fourth year.
      if (n % 4 == 0) {
        String successor = "manager-" + n;
        h.at(y, 6).keyPerson(successor, KeyPersonRole.PROGRAMME_MANAGER, lead, true);
        h.succeeded(manager, successor);
        manager = successor;
      }
      // Activities: one runs for two years.
      if (activity == null) {
        activity = "activity-" + n;
        h.at(y, 2).activity(activity, n % 2 == 0);
      } else {
        h.at(y, 10).activityEnded(activity);
        activity = null;
      }
      String evaluation = h.at(y, 11).evaluation();
      // Corrections and retractions, recorded later than the facts they amend.
      if (n % 5 == 0 && lastEvaluation != null) {
        h.correctEvaluation(lastEvaluation);
      } else if (n % 7 == 0 && lastEvaluation != null) {
        h.retract(lastEvaluation);
      }
      lastEvaluation = evaluation;
      if (discontinue && h.size() >= events - 1) {
        h.at(y, 12).discontinued();
      }
    }
    List<PartnershipEvent> all = h.events();
    return all.subList(0, events);
  }

  /** Fails unless the domain's own history check finds nothing wrong in the history. */
  static void requireValid(List<PartnershipEvent> events) {
    PartnershipHistory history = new PartnershipHistory();
    events.forEach(history::add);
    try {
      Class<?> check = Class.forName("nl.partnershipregistry.core.partnership.HistoryCheck");
      Method violations = check.getDeclaredMethod("violations", PartnershipHistory.class);
      violations.setAccessible(true);
      List<?> found = (List<?>) violations.invoke(null, history);
      if (!found.isEmpty()) {
        throw new IllegalStateException("a generated history breaks the domain's rules: " + found);
      }
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot run the domain's history check", e);
    }
  }

  /** One partnership's history, written fact by fact at the current date. */
  private static final class History {
    private final PartnershipId id;
    private final List<PartnershipEvent> events = new ArrayList<>();
    private final Map<String, PartnershipFact> facts = new HashMap<>();
    private FactDate on;
    private Recording recording;
    private int next = 1;

    History(String id) {
      this.id = PartnershipId.of(id);
    }

    int size() {
      return events.size();
    }

    List<PartnershipEvent> events() {
      return events;
    }

    /** The following facts happened in this month and were recorded early the next year. */
    History at(int year, int month) {
      on = FactDate.parse(String.format(Locale.ROOT, "%04d-%02d", year, month));
      recording =
          Recording.of(
              Instant.parse((year + 1) + "-01-15T09:00:00Z").plusSeconds(events.size()), "bench");
      return this;
    }

    private FactId nextId() {
      return FactId.of(id.value() + "-" + next++);
    }

    private <T extends PartnershipEvent> T add(T event) {
      events.add(event);
      if (event instanceof PartnershipFact fact) {
        facts.put(fact.factId().value(), fact);
      }
      return event;
    }

    private static OrganisationId org(String id) {
      return OrganisationId.of(id);
    }

    private static DateRange years(int from, int until) {
      return new DateRange(FactDate.year(from), FactDate.year(until));
    }

    void registered(int year, int k) {
      add(
          new PartnershipRegistered(
              id,
              nextId(),
              on,
              "Partnership " + k,
              KINDS[k % KINDS.length],
              REGIONS[k % REGIONS.length],
              SECTORS[k % SECTORS.length],
              "employees earn a degree while they work",
              null,
              SOURCE,
              recording));
    }

    void phase(Phase phase) {
      add(new PhaseChanged(id, nextId(), on, phase, null, SOURCE, recording));
    }

    void discontinued() {
      add(
          new PartnershipDiscontinued(
              id,
              nextId(),
              on,
              DiscontinuationReason.SUBSIDY_ENDED,
              "as the source tells",
              null,
              SOURCE,
              recording));
    }

    void joined(String organisation, PartnerRole role) {
      add(new PartnerJoined(id, nextId(), on, org(organisation), role, SOURCE, recording));
    }

    void left(String organisation) {
      add(new PartnerLeft(id, nextId(), on, org(organisation), null, SOURCE, recording));
    }

    void commitment(String commitment, String organisation, int year) {
      add(
          new CommitmentRecorded(
              id,
              nextId(),
              on,
              CommitmentId.of(commitment),
              org(organisation),
              CommitmentType.PLACEMENTS,
              Quantity.of(10, Unit.PLACES),
              years(year, year + 1),
              null,
              SOURCE,
              recording));
    }

    void fulfilled(String commitment) {
      add(
          new CommitmentFulfilled(
              id, nextId(), on, CommitmentId.of(commitment), null, null, SOURCE, recording));
    }

    void partlyFulfilled(String commitment, long delivered) {
      add(
          new CommitmentPartiallyFulfilled(
              id,
              nextId(),
              on,
              CommitmentId.of(commitment),
              Quantity.of(delivered, Unit.PLACES),
              null,
              SOURCE,
              recording));
    }

    void broken(String commitment) {
      add(
          new CommitmentBroken(
              id, nextId(), on, CommitmentId.of(commitment), "not delivered", SOURCE, recording));
    }

    void withdrawn(String commitment) {
      add(
          new CommitmentWithdrawn(
              id, nextId(), on, CommitmentId.of(commitment), null, SOURCE, recording));
    }

    void funding(String funding, FundingType type, int from, int until) {
      add(
          new FundingAwarded(
              id,
              nextId(),
              on,
              FundingId.of(funding),
              type,
              type == FundingType.SUBSIDY ? SubsidyInstrument.RIF : null,
              "a funder",
              null,
              Money.euros(type == FundingType.SUBSIDY ? 600_000 : 90_000),
              years(from, until),
              null,
              SOURCE,
              recording));
    }

    void fundingEnded(String funding) {
      add(new FundingEnded(id, nextId(), on, FundingId.of(funding), null, SOURCE, recording));
    }

    void fundingRenewed(String funding, String renewal, int from, int until) {
      add(
          new FundingRenewed(
              id,
              nextId(),
              on,
              FundingId.of(funding),
              FundingId.of(renewal),
              new Money(BigDecimal.valueOf(400_000)),
              years(from, until),
              SOURCE,
              recording));
    }

    void activity(String activity, boolean formal) {
      add(
          new ActivityStarted(
              id,
              nextId(),
              on,
              ActivityId.of(activity),
              activity,
              ActivityType.PROGRAMME,
              formal ? LedFrom.INSIDE_EDUCATION : LedFrom.OUTSIDE_EDUCATION,
              formal ? LearningForm.FORMAL : LearningForm.NON_FORMAL,
              !formal,
              SOURCE,
              recording));
    }

    void activityEnded(String activity) {
      add(new ActivityEnded(id, nextId(), on, ActivityId.of(activity), null, SOURCE, recording));
    }

    void cohort(String cohort, int participants) {
      add(
          new CohortEnrolled(
              id,
              nextId(),
              on,
              CohortId.of(cohort),
              cohort,
              participants,
              false,
              null,
              null,
              SOURCE,
              recording));
    }

    void droppedOut(String cohort, int participants) {
      add(
          new ParticipantsDroppedOut(
              id, nextId(), on, CohortId.of(cohort), participants, false, null, SOURCE, recording));
    }

    void graduated(String cohort, int participants) {
      add(
          new ParticipantsGraduated(
              id, nextId(), on, CohortId.of(cohort), participants, false, null, SOURCE, recording));
    }

    void keyPerson(String person, KeyPersonRole role, String organisation, boolean mandate) {
      add(
          new KeyPersonAssigned(
              id,
              nextId(),
              on,
              KeyPersonId.of(person),
              person,
              role,
              org(organisation),
              mandate,
              SOURCE,
              recording));
    }

    void succeeded(String person, String successor) {
      add(
          new KeyPersonSucceeded(
              id,
              nextId(),
              on,
              KeyPersonId.of(person),
              KeyPersonId.of(successor),
              SOURCE,
              recording));
    }

    void governance(GovernanceForm form) {
      add(
          new GovernanceEstablished(
              id, nextId(), on, form, form.name().toLowerCase(Locale.ROOT), SOURCE, recording));
    }

    /** An evaluation; its fact id. */
    String evaluation() {
      FactId factId = nextId();
      add(
          new EvaluationRecorded(
              id,
              factId,
              on,
              "bench",
              "an evaluation of the year: what went well, what did not, and what comes next",
              List.of(),
              SOURCE,
              recording));
      return factId.value();
    }

    void correctEvaluation(String factId) {
      EvaluationRecorded original = (EvaluationRecorded) facts.get(factId);
      EvaluationRecorded replacement =
          new EvaluationRecorded(
              id,
              original.factId(),
              original.occurredOn(),
              original.evaluator(),
              "corrected: " + original.summary(),
              List.of(),
              SOURCE,
              original.recorded());
      add(
          new FactCorrected(
              id,
              nextId(),
              original.factId(),
              "misread the source",
              replacement,
              SOURCE,
              recording));
    }

    void retract(String factId) {
      add(
          new FactRetracted(
              id, nextId(), FactId.of(factId), "not about this partnership", SOURCE, recording));
    }
  }
}
