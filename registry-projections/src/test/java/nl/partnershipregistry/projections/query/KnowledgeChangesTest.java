package nl.partnershipregistry.projections.query;

import static nl.partnershipregistry.projections.testing.Story.employer;
import static nl.partnershipregistry.projections.testing.Story.school;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import nl.partnershipregistry.core.common.InvalidValue;
import nl.partnershipregistry.core.organisation.SchoolLevel;
import nl.partnershipregistry.core.partnership.event.GovernanceEstablished;
import nl.partnershipregistry.core.partnership.event.PhaseChanged;
import nl.partnershipregistry.core.partnership.vocabulary.GovernanceForm;
import nl.partnershipregistry.core.partnership.vocabulary.PartnerRole;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipKind;
import nl.partnershipregistry.core.partnership.vocabulary.Phase;
import nl.partnershipregistry.projections.query.audit.FindKnowledgeChanges;
import nl.partnershipregistry.projections.query.audit.KnowledgeChanges;
import nl.partnershipregistry.projections.query.audit.KnowledgeChanges.Change;
import nl.partnershipregistry.projections.query.durability.DurabilityIndicators;
import nl.partnershipregistry.projections.query.durability.DurabilityIndicators.Condition;
import nl.partnershipregistry.projections.query.durability.DurabilityIndicators.Verdict;
import nl.partnershipregistry.projections.query.durability.FindDurabilityIndicators;
import nl.partnershipregistry.projections.query.timeline.Timeline;
import nl.partnershipregistry.projections.testing.ReadModelFixture;
import nl.partnershipregistry.projections.testing.Story;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A technohub recorded in 2020; its covenant learnt in 2021, corrected in 2022 (it was never
 * signed: no formal platform), and a phase change retracted in 2023. What changed in what the
 * registry knew, between two moments, about how things stood in mid 2015?
 */
class KnowledgeChangesTest {

  private static final LocalDate MID_2015 = LocalDate.parse("2015-06-01");
  private static final Instant RECORDED = Instant.parse("2020-01-01T09:00:00Z");
  private static final Instant LEARNT = Instant.parse("2021-01-01T09:00:00Z");
  private static final Instant CORRECTED = Instant.parse("2022-01-01T09:00:00Z");
  private static final Instant RETRACTED = Instant.parse("2023-01-01T09:00:00Z");

  private final ReadModelFixture readModels = ReadModelFixture.embedded();
  private final Story hub = new Story("hub");
  private final GovernanceEstablished covenant;
  private final PhaseChanged structural;

  KnowledgeChangesTest() {
    readModels.feed(
        school("roc", "ROC", SchoolLevel.MBO), employer("company", "Installatiebedrijf"));
    hub.recordedOn(RECORDED);
    hub.registered("2010", "Technohub", PartnershipKind.TECHNOHUB);
    hub.joined("2010", "roc", PartnerRole.LEAD);
    hub.joined("2010", "company", PartnerRole.CORE);
    structural = hub.phase("2013", Phase.STRUCTURAL);
    covenant = hub.recordedOn(LEARNT).governance("2012", GovernanceForm.COVENANT, "Convenant");
    hub.recordedOn(CORRECTED)
        .by("auditor")
        .corrected(
            new GovernanceEstablished(
                covenant.partnershipId(),
                covenant.factId(),
                covenant.occurredOn(),
                GovernanceForm.NONE,
                null,
                Story.SOURCE,
                covenant.recorded()),
            "the covenant was drafted but never signed");
    hub.recordedOn(RETRACTED).by("registrar").retracted(structural, "the source meant another hub");
    readModels.feed(hub.events().toArray());
  }

  @AfterEach
  void close() {
    readModels.close();
  }

  private KnowledgeChanges between(Instant from, Instant to) {
    return readModels
        .partnerships()
        .handle(new FindKnowledgeChanges(hub.id(), MID_2015, from, to))
        .orElseThrow();
  }

  private static KnowledgeChanges.VerdictChange platform(KnowledgeChanges changes) {
    return changes.verdicts().stream()
        .filter(v -> v.condition() == Condition.FORMAL_PLATFORM)
        .findFirst()
        .orElseThrow();
  }

  @Test
  void a_fact_recorded_between_the_moments_is_added_with_who_recorded_it_and_its_verdict() {
    KnowledgeChanges changes = between(LEARNT.minusSeconds(60), LEARNT);

    assertThat(changes.knownAtFrom()).isTrue();
    assertThat(changes.facts())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.factId()).isEqualTo(covenant.factId());
              assertThat(f.change()).isEqualTo(Change.ADDED);
              assertThat(f.before()).isNull();
              assertThat(f.after().recordedAt()).isEqualTo(LEARNT);
              assertThat(f.after().recordedBy()).isEqualTo("registrar");
              assertThat(f.after().source()).isEqualTo(Story.SOURCE);
            });
    KnowledgeChanges.VerdictChange platform = platform(changes);
    assertThat(platform.verdictChanged()).isTrue();
    assertThat(platform.before().verdict()).isEqualTo(Verdict.UNKNOWN);
    assertThat(platform.after().verdict()).isEqualTo(Verdict.HOLDS);
    assertThat(platform.becauseOf()).containsExactly(covenant.factId());
  }

  @Test
  void a_correction_shows_the_fact_before_and_after_with_its_reason_and_the_verdict_it_turned() {
    KnowledgeChanges changes = between(LEARNT, CORRECTED);

    assertThat(changes.facts())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.change()).isEqualTo(Change.CORRECTED);
              assertThat(((GovernanceEstablished) f.before().fact()).form())
                  .isEqualTo(GovernanceForm.COVENANT);
              assertThat(((GovernanceEstablished) f.after().fact()).form())
                  .isEqualTo(GovernanceForm.NONE);
              assertThat(f.amendments())
                  .singleElement()
                  .satisfies(
                      a -> {
                        assertThat(a.kind()).isEqualTo(Timeline.AmendmentKind.CORRECTION);
                        assertThat(a.reason())
                            .isEqualTo("the covenant was drafted but never signed");
                        assertThat(a.recordedBy()).isEqualTo("auditor");
                        assertThat(a.recordedAt()).isEqualTo(CORRECTED);
                      });
            });
    KnowledgeChanges.VerdictChange platform = platform(changes);
    assertThat(platform.before().verdict()).isEqualTo(Verdict.HOLDS);
    assertThat(platform.after().verdict()).isEqualTo(Verdict.AT_RISK);
    assertThat(changes.verdicts())
        .as("only the conditions whose verdict or finding changed")
        .extracting(KnowledgeChanges.VerdictChange::condition)
        .containsExactly(Condition.FORMAL_PLATFORM);
  }

  @Test
  void
      a_retraction_is_listed_with_its_reason_and_the_verdicts_are_those_of_the_durability_answer() {
    KnowledgeChanges changes = between(CORRECTED, RETRACTED);

    assertThat(changes.facts())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.factId()).isEqualTo(structural.factId());
              assertThat(f.change()).isEqualTo(Change.RETRACTED);
              assertThat(f.amendments().get(0).reason()).isEqualTo("the source meant another hub");
            });
    DurabilityIndicators now =
        readModels
            .partnerships()
            .handle(new FindDurabilityIndicators(hub.id(), MID_2015, RETRACTED))
            .orElseThrow();
    assertThat(changes.durabilityAtTo().summary()).isEqualTo(now.summary());
    assertThat(changes.durabilityAtTo().atRisk()).isEqualTo(now.atRisk());
    assertThat(changes.verdicts())
        .allSatisfy(v -> assertThat(now.indicators()).contains(v.after()));
  }

  @Test
  void before_the_registry_knew_the_partnership_every_fact_is_added_and_every_verdict_new() {
    KnowledgeChanges changes = between(RECORDED.minusSeconds(1), LEARNT);

    assertThat(changes.knownAtFrom()).isFalse();
    assertThat(changes.durabilityAtFrom()).isNull();
    assertThat(changes.facts())
        .extracting(KnowledgeChanges.FactChange::change)
        .containsOnly(Change.ADDED);
    assertThat(changes.facts()).hasSize(5);
    assertThat(changes.verdicts()).hasSize(11).allSatisfy(v -> assertThat(v.before()).isNull());
  }

  @Test
  void a_fact_recorded_and_retracted_between_the_moments_is_said_to_be_both() {
    assertThat(between(RECORDED.minusSeconds(1), RETRACTED).facts())
        .filteredOn(f -> f.factId().equals(structural.factId()))
        .singleElement()
        .satisfies(f -> assertThat(f.change()).isEqualTo(Change.ADDED_AND_RETRACTED));
  }

  @Test
  void nothing_changed_between_two_moments_without_recordings() {
    KnowledgeChanges changes = between(RETRACTED, RETRACTED.plusSeconds(3600));

    assertThat(changes.facts()).isEmpty();
    assertThat(changes.verdicts()).isEmpty();
    assertThat(changes.durabilityAtFrom()).isEqualTo(changes.durabilityAtTo());
  }

  @Test
  void to_defaults_to_now_and_from_to_a_year_before() {
    KnowledgeChanges changes =
        readModels
            .partnerships()
            .handle(new FindKnowledgeChanges(hub.id(), null, null, null))
            .orElseThrow();

    assertThat(changes.to()).isEqualTo(ReadModelFixture.NOW);
    assertThat(changes.from()).isEqualTo(Instant.parse("2025-06-01T10:00:00Z"));
    assertThat(changes.asOf()).isEqualTo(LocalDate.parse("2026-06-01"));
    assertThat(changes.facts()).isEmpty();
  }

  @Test
  void from_after_to_is_refused_naming_from_and_an_unknown_partnership_has_no_answer() {
    assertThatThrownBy(() -> new FindKnowledgeChanges(hub.id(), null, RETRACTED, CORRECTED))
        .isInstanceOf(InvalidValue.class)
        .hasMessageStartingWith("from:");
    assertThatThrownBy(
            () ->
                readModels
                    .partnerships()
                    .handle(
                        new FindKnowledgeChanges(
                            hub.id(), null, Instant.parse("2030-01-01T00:00:00Z"), null)))
        .isInstanceOf(InvalidValue.class);
    assertThat(
            readModels
                .partnerships()
                .handle(new FindKnowledgeChanges(hub.id(), null, null, RECORDED.minusSeconds(1))))
        .isEmpty();
  }
}
