package nl.partnershipregistry.projections.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import nl.partnershipregistry.core.common.Unit;
import nl.partnershipregistry.core.partnership.event.CommitmentRecorded;
import nl.partnershipregistry.core.partnership.event.PartnerJoined;
import nl.partnershipregistry.core.partnership.vocabulary.CommitmentType;
import nl.partnershipregistry.core.partnership.vocabulary.PartnerRole;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipKind;
import nl.partnershipregistry.core.partnership.vocabulary.Phase;
import nl.partnershipregistry.projections.query.state.FindPartnershipState;
import nl.partnershipregistry.projections.query.state.PartnershipState;
import nl.partnershipregistry.projections.query.timeline.FindTimeline;
import nl.partnershipregistry.projections.query.timeline.Timeline;
import nl.partnershipregistry.projections.testing.ReadModelFixture;
import nl.partnershipregistry.projections.testing.Story;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The second time axis: what the registry said on a day about how things stood in 2004. The history
 * is recorded in 2020, a phase change learnt in 2021, a role corrected in 2022 and a commitment
 * retracted in 2023.
 */
class BitemporalTest {

  private static final LocalDate MID_2004 = LocalDate.parse("2004-06-01");
  private static final Instant IN_2020 = Instant.parse("2020-06-01T00:00:00Z");
  private static final Instant LEARNT_LATE = Instant.parse("2021-01-01T09:00:00Z");
  private static final Instant CORRECTED = Instant.parse("2022-03-01T09:00:00Z");
  private static final Instant RETRACTED = Instant.parse("2023-05-01T09:00:00Z");

  private final ReadModelFixture readModels = ReadModelFixture.embedded();
  private final Story story = new Story("cew");
  private final PartnerJoined wetsusJoined;
  private final CommitmentRecorded wetsusPromise;

  BitemporalTest() {
    story.recordedOn("2020-01-01T09:00:00Z");
    story.registered("2001", "CEW", PartnershipKind.CENTRE_OF_EXPERTISE);
    wetsusJoined = story.joined("2001", "wetsus", PartnerRole.CORE);
    wetsusPromise =
        story.commitment(
            "2002", "mentors", "wetsus", CommitmentType.MENTORS, 4, Unit.PERSONS, "2002", "2006");
    story.recordedOn(LEARNT_LATE).phase("2003", Phase.STRUCTURAL);
    story
        .recordedOn(CORRECTED)
        .by("auditor")
        .corrected(
            new PartnerJoined(
                wetsusJoined.partnershipId(),
                wetsusJoined.factId(),
                wetsusJoined.occurredOn(),
                wetsusJoined.organisationId(),
                PartnerRole.LEAD,
                Story.SOURCE,
                wetsusJoined.recorded()),
            "the founding document names Wetsus penvoerder");
    story.recordedOn(RETRACTED).retracted(wetsusPromise, "the mentors were promised by another");
    readModels.feed(story.events().toArray());
  }

  @AfterEach
  void close() {
    readModels.close();
  }

  private PartnershipState knownOn(Instant asKnownOn) {
    return readModels
        .partnerships()
        .handle(new FindPartnershipState(story.id(), MID_2004, asKnownOn))
        .orElseThrow();
  }

  private Timeline timelineKnownOn(Instant asKnownOn) {
    return readModels
        .partnerships()
        .handle(new FindTimeline(story.id(), null, asKnownOn))
        .orElseThrow();
  }

  @Test
  void a_fact_recorded_late_is_invisible_before_its_recording_and_visible_after() {
    assertThat(knownOn(LEARNT_LATE.minusMillis(1)).phase()).isEqualTo(Phase.UNKNOWN);
    assertThat(knownOn(LEARNT_LATE).phase()).isEqualTo(Phase.STRUCTURAL);
    assertThat(timelineKnownOn(IN_2020).entries())
        .extracting(Timeline.Entry::type)
        .doesNotContain("PhaseChanged");
  }

  @Test
  void a_corrected_fact_shows_its_old_value_for_earlier_knowledge_and_the_new_one_after() {
    assertThat(knownOn(CORRECTED.minusMillis(1)).partners().get(0).role())
        .isEqualTo(PartnerRole.CORE);
    assertThat(knownOn(CORRECTED).partners().get(0).role()).isEqualTo(PartnerRole.LEAD);
  }

  @Test
  void the_timeline_shows_the_correction_with_its_reason_and_who_recorded_it() {
    Timeline.Entry joined =
        timelineKnownOn(CORRECTED).entries().stream()
            .filter(e -> e.factId().equals(wetsusJoined.factId()))
            .findFirst()
            .orElseThrow();

    assertThat(((PartnerJoined) joined.fact()).role()).isEqualTo(PartnerRole.LEAD);
    assertThat(joined.recordedAt()).isEqualTo(Instant.parse("2020-01-01T09:00:00Z"));
    assertThat(joined.recordedBy()).isEqualTo("registrar");
    assertThat(joined.amendments())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.kind()).isEqualTo(Timeline.AmendmentKind.CORRECTION);
              assertThat(a.reason()).isEqualTo("the founding document names Wetsus penvoerder");
              assertThat(a.recordedBy()).isEqualTo("auditor");
              assertThat(a.recordedAt()).isEqualTo(CORRECTED);
            });
  }

  @Test
  void a_retracted_fact_disappears_from_knowledge_after_the_retraction() {
    assertThat(knownOn(RETRACTED.minusMillis(1)).commitmentsInForce()).hasSize(1);
    assertThat(knownOn(RETRACTED).commitmentsInForce()).isEmpty();

    Timeline after = timelineKnownOn(RETRACTED);
    assertThat(after.entries())
        .extracting(Timeline.Entry::factId)
        .doesNotContain(wetsusPromise.factId());
    assertThat(after.retracted())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.factId()).isEqualTo(wetsusPromise.factId());
              assertThat(e.amendments().get(0).kind()).isEqualTo(Timeline.AmendmentKind.RETRACTION);
            });
  }

  @Test
  void the_timeline_lists_facts_in_valid_time_order_whatever_order_they_were_recorded_in() {
    assertThat(timelineKnownOn(RETRACTED).entries())
        .extracting(Timeline.Entry::type)
        .containsExactly("PartnershipRegistered", "PartnerJoined", "PhaseChanged");
  }

  @Test
  void with_a_valid_date_the_timeline_stops_at_it() {
    Timeline until2001 =
        readModels
            .partnerships()
            .handle(new FindTimeline(story.id(), LocalDate.parse("2001-12-31"), RETRACTED))
            .orElseThrow();

    assertThat(until2001.entries())
        .extracting(Timeline.Entry::type)
        .containsExactly("PartnershipRegistered", "PartnerJoined");
  }
}
