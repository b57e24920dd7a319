package nl.partnershipregistry.projections.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import nl.partnershipregistry.core.partnership.event.PartnerJoined;
import nl.partnershipregistry.core.partnership.vocabulary.PartnerRole;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipKind;
import nl.partnershipregistry.projections.query.audit.AuditTrail;
import nl.partnershipregistry.projections.query.audit.FindAuditTrail;
import nl.partnershipregistry.projections.query.timeline.Timeline;
import nl.partnershipregistry.projections.testing.ReadModelFixture;
import nl.partnershipregistry.projections.testing.Story;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AuditTrailTest {

  private static final Instant CORRECTED = Instant.parse("2022-03-01T09:00:00Z");
  private static final Instant RETRACTED = Instant.parse("2023-05-01T09:00:00Z");

  private final ReadModelFixture readModels = ReadModelFixture.embedded();
  private final Story story = new Story("luchtvaartcollege");
  private final PartnerJoined klmJoined;
  private final PartnerJoined schipholJoined;

  AuditTrailTest() {
    story.recordedOn("2020-01-01T09:00:00Z").by("anna");
    story.registered("2007", "Luchtvaartcollege Schiphol", PartnershipKind.LEARNING_COMPANY);
    klmJoined = story.joined("2007", "klm", PartnerRole.CORE);
    schipholJoined = story.joined("2007", "schiphol", PartnerRole.CORE);
    story
        .recordedOn(CORRECTED)
        .by("bram")
        .corrected(
            new PartnerJoined(
                klmJoined.partnershipId(),
                klmJoined.factId(),
                Story.date("2010"),
                klmJoined.organisationId(),
                PartnerRole.CORE,
                Story.SOURCE,
                klmJoined.recorded()),
            "KLM joined later, as the foundation's report says");
    story.recordedOn(RETRACTED).retracted(schipholJoined, "Schiphol was never a partner");
    readModels.feed(story.events().toArray());
  }

  @AfterEach
  void close() {
    readModels.close();
  }

  private AuditTrail trail(Instant knownOn) {
    return readModels.partnerships().handle(new FindAuditTrail(story.id(), knownOn)).orElseThrow();
  }

  @Test
  void corrections_and_retractions_with_their_reasons_and_what_they_changed() {
    AuditTrail trail = trail(null);

    assertThat(trail.amendments()).hasSize(2);
    AuditTrail.Amendment correction = trail.amendments().get(0);
    assertThat(correction.kind()).isEqualTo(Timeline.AmendmentKind.CORRECTION);
    assertThat(correction.reason()).isEqualTo("KLM joined later, as the foundation's report says");
    assertThat(correction.recordedBy()).isEqualTo("bram");
    assertThat(correction.before().occurredOn()).hasToString("2007");
    assertThat(correction.after().occurredOn()).hasToString("2010");
    AuditTrail.Amendment retraction = trail.amendments().get(1);
    assertThat(retraction.amendedFactId()).isEqualTo(schipholJoined.factId());
    assertThat(retraction.amendedType()).isEqualTo("PartnerJoined");
    assertThat(retraction.after()).isNull();
  }

  @Test
  void who_recorded_what() {
    AuditTrail trail = trail(null);

    assertThat(trail.recorders())
        .extracting(
            AuditTrail.Recorder::recordedBy,
            AuditTrail.Recorder::facts,
            AuditTrail.Recorder::corrections,
            AuditTrail.Recorder::retractions)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("anna", 3, 0, 0),
            org.assertj.core.groups.Tuple.tuple("bram", 0, 1, 1));
    assertThat(trail.recordings()).hasSize(5);
    assertThat(trail.recordings().get(4).type()).isEqualTo("FactRetracted");
  }

  @Test
  void each_recording_names_the_commit_that_stored_it() {
    // The fixture stores every event in commit 1, one after another.
    assertThat(trail(null).recordings())
        .extracting(AuditTrail.Recorded::commit, AuditTrail.Recorded::indexInCommit)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1L, 0),
            org.assertj.core.groups.Tuple.tuple(1L, 1),
            org.assertj.core.groups.Tuple.tuple(1L, 2),
            org.assertj.core.groups.Tuple.tuple(1L, 3),
            org.assertj.core.groups.Tuple.tuple(1L, 4));
  }

  @Test
  void the_trail_as_known_before_the_retraction_does_not_show_it() {
    assertThat(trail(RETRACTED.minusMillis(1)).amendments()).hasSize(1);
    assertThat(trail(RETRACTED.minusMillis(1)).recordings()).hasSize(4);
  }
}
