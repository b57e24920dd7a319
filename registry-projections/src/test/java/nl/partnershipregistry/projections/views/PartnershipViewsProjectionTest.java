package nl.partnershipregistry.projections.views;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.LocalDate;
import java.util.List;
import nl.partnershipregistry.core.partnership.event.PartnershipEvent;
import nl.partnershipregistry.core.partnership.vocabulary.PartnerRole;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipKind;
import nl.partnershipregistry.core.partnership.vocabulary.Phase;
import nl.partnershipregistry.projections.query.FindProjectionPosition;
import nl.partnershipregistry.projections.query.state.FindPartnershipState;
import nl.partnershipregistry.projections.query.state.PartnershipState;
import nl.partnershipregistry.projections.query.timeline.FindTimeline;
import nl.partnershipregistry.projections.query.timeline.Timeline;
import nl.partnershipregistry.projections.testing.ReadModelFixture;
import nl.partnershipregistry.projections.testing.Story;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PartnershipViewsProjectionTest {

  private final ReadModelFixture readModels = ReadModelFixture.embedded();
  private final Story story = new Story("rdm");

  PartnershipViewsProjectionTest() {
    story.registered("2009", "RDM Centre of Expertise", PartnershipKind.CENTRE_OF_EXPERTISE);
    story.joined("2009", "hr", PartnerRole.LEAD);
    story.joined("2010", "port", PartnerRole.CORE);
    story.phase("2012", Phase.STRUCTURAL);
  }

  @AfterEach
  void close() {
    readModels.close();
  }

  private PartnershipState state() {
    return readModels
        .partnerships()
        .handle(new FindPartnershipState(story.id(), LocalDate.parse("2015-01-01"), null))
        .orElseThrow();
  }

  private Timeline timeline() {
    return readModels.partnerships().handle(new FindTimeline(story.id(), null, null)).orElseThrow();
  }

  @Test
  void an_event_delivered_again_at_its_position_changes_nothing() {
    List<PartnershipEvent> events = story.events();
    readModels.feed(events.toArray());
    PartnershipState before = state();
    long first = readModels.lastPosition() - events.size() + 1;

    readModels.deliver(events.get(1), first + 1);
    readModels.deliver(events.get(3), readModels.lastPosition());

    assertThat(state()).isEqualTo(before);
    assertThat(timeline().entries()).hasSize(4);
    assertThat(state().partners()).hasSize(2);
  }

  @Test
  void an_event_at_a_position_below_the_last_applied_changes_nothing() {
    readModels.feed(story.events().subList(0, 2).toArray());
    long applied = readModels.lastPosition();

    readModels.deliver(story.events().get(2), applied - 1);

    assertThat(state().partners())
        .extracting(p -> p.organisationId().value())
        .containsExactly("hr");
    assertThat(
            new ReadModels(readModels.database(), readModels.serializer())
                .partnerships()
                .lastApplied("rdm"))
        .contains(applied);
  }

  @Test
  void the_projection_position_is_the_last_global_position_applied() {
    assertThat(readModels.registry().handle(FindProjectionPosition.overall()).lastApplied())
        .isEqualTo(-1);

    readModels.feed(story.events().toArray());

    assertThat(readModels.registry().handle(FindProjectionPosition.overall()).lastApplied())
        .isEqualTo(readModels.lastPosition());
    assertThat(
            readModels
                .registry()
                .handle(FindProjectionPosition.overall())
                .hasApplied(readModels.lastPosition()))
        .isTrue();
  }

  @Test
  void the_position_as_a_whole_waits_until_the_last_write_of_a_batch() {
    readModels.feed(story.events().subList(0, 2).toArray());
    long batchWritten = readModels.lastPosition();
    ReadModels views = new ReadModels(readModels.database(), readModels.serializer());

    // A batch in the middle of its flush: one partnership's events written, the mark not yet.
    views
        .partnerships()
        .append(
            "rdm", batchWritten + 5, story.events().get(2).recorded().at(), story.events().get(2));

    assertThat(readModels.registry().handle(FindProjectionPosition.overall()).lastApplied())
        .isEqualTo(batchWritten);
    assertThat(
            readModels
                .registry()
                .handle(FindProjectionPosition.overall())
                .hasApplied(batchWritten + 5))
        .isFalse();
  }

  @Test
  void after_a_reset_the_position_waits_for_a_batch_written_whole_again() {
    readModels.feed(story.events().toArray());
    long before = readModels.lastPosition();
    ReadModels views = new ReadModels(readModels.database(), readModels.serializer());

    readModels.projection().reset();
    assertThat(readModels.registry().handle(FindProjectionPosition.overall()).lastApplied())
        .isEqualTo(-1);
    // The replay's first write in the middle of its flush: the partnership of the last event
    // stored is written, the others and the mark not yet.
    views
        .partnerships()
        .append("rdm", before, story.events().get(3).recorded().at(), story.events().get(3));

    assertThat(readModels.registry().handle(FindProjectionPosition.overall()).lastApplied())
        .isEqualTo(-1);
  }

  @Test
  void a_partnership_position_tells_whether_a_write_to_it_is_reflected() {
    readModels.feed(story.events().toArray());
    Story other = new Story("other");
    other.registered("2015", "Other", PartnershipKind.OTHER);
    readModels.feed(other.events().toArray());
    long rdmWrittenAt = readModels.lastPosition() - 1;

    assertThat(
            readModels
                .registry()
                .handle(FindProjectionPosition.of(story.id()))
                .hasApplied(rdmWrittenAt))
        .isTrue();
    assertThat(readModels.registry().handle(FindProjectionPosition.of(story.id())).lastApplied())
        .isEqualTo(rdmWrittenAt);
    assertThat(
            readModels
                .registry()
                .handle(
                    FindProjectionPosition.of(
                        nl.partnershipregistry.core.partnership.vocabulary.PartnershipId.of(
                            "unknown")))
                .lastApplied())
        .isEqualTo(-1);
  }

  @Test
  void a_reset_empties_the_read_models_and_a_replay_gives_the_same_answers() {
    List<PartnershipEvent> events = story.events();
    readModels.feed(events.toArray());
    PartnershipState state = state();
    Timeline timeline = timeline();
    long first = readModels.lastPosition() - events.size() + 1;

    readModels.projection().reset();
    assertThat(readModels.partnerships().handle(new FindTimeline(story.id(), null, null)))
        .isEmpty();
    for (int i = 0; i < events.size(); i++) {
      readModels.deliver(events.get(i), first + i);
    }

    assertThat(state()).isEqualTo(state);
    assertThat(timeline()).isEqualTo(timeline);
  }

  @Test
  void a_processor_batch_is_written_at_its_last_event_as_if_one_by_one() {
    List<PartnershipEvent> events = story.events();
    Story other = new Story("other");
    other.registered("2015", "Other", PartnershipKind.OTHER);
    PartnershipEvent otherEvent = other.events().get(0);
    ReadModels models = new ReadModels(readModels.database(), readModels.serializer());
    long first = 1_000;

    // The third event delivered twice in the batch, and once more below what was applied.
    readModels.deliverInOneBatch(
        List.of(events.get(0), events.get(1), otherEvent, events.get(2), events.get(2)),
        List.of(first, first + 1, first + 2, first + 3, first + 3));
    readModels.deliverInOneBatch(
        List.of(events.get(3), events.get(1)), List.of(first + 4, first + 2));

    assertThat(models.partnerships().lastApplied("rdm")).contains(first + 4);
    assertThat(models.partnerships().lastApplied("other")).contains(first + 2);
    assertThat(timeline().entries()).hasSize(4);
    assertThat(state().partners()).hasSize(2);
    assertThat(readModels.registry().handle(FindProjectionPosition.overall()).lastApplied())
        .isEqualTo(first + 4);
  }

  @Test
  void an_event_whose_text_does_not_give_its_partnership_is_filed_by_the_event_itself() {
    // Identifiers written as objects ({"value": "rdm"}), not as the text the filing reads.
    Serializer objectIds =
        JacksonSerializer.builder()
            .objectMapper(
                JsonMapper.builder()
                    .addModule(new JavaTimeModule())
                    .addMixIn(PartnershipEvent.class, Typed.class)
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                    .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                    .build())
            .build();
    ReadModels views = new ReadModels(readModels.database(), objectIds);
    PartnershipViewsProjection projection = new PartnershipViewsProjection(views);
    List<PartnershipEvent> events = story.events();
    for (int i = 0; i < events.size(); i++) {
      assertThat(objectIds.serialize(events.get(i), String.class).getData())
          .contains("\"partnershipId\":{\"value\":\"rdm\"}");
      projection.onPartnershipEvent(
          GenericEventMessage.asEventMessage(events.get(i)), new GlobalSequenceTrackingToken(i));
    }

    assertThat(views.partnerships().load("rdm").orElseThrow())
        .extracting(StoredEvent::event)
        .containsExactlyElementsOf(events);
    assertThat(views.allRecordings().get("rdm").firstRecordedAt())
        .isEqualTo(events.get(0).recorded().at());
  }

  @JsonTypeInfo(use = JsonTypeInfo.Id.CLASS, include = JsonTypeInfo.As.PROPERTY, property = "type")
  private interface Typed {}
}
