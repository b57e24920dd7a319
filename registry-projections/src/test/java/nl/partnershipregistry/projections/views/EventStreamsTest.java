package nl.partnershipregistry.projections.views;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import nl.partnershipregistry.core.partnership.event.PartnershipEvent;
import nl.partnershipregistry.core.partnership.vocabulary.PartnerRole;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipKind;
import nl.partnershipregistry.projections.query.PartnershipQueries;
import nl.partnershipregistry.projections.query.RegistryQueries;
import nl.partnershipregistry.projections.query.durability.DurabilityIndicators;
import nl.partnershipregistry.projections.query.durability.FindDurabilityIndicators;
import nl.partnershipregistry.projections.query.registry.FindPartnerships;
import nl.partnershipregistry.projections.query.registry.PartnershipPage;
import nl.partnershipregistry.projections.query.state.FindPartnershipState;
import nl.partnershipregistry.projections.query.state.PartnershipState;
import nl.partnershipregistry.projections.query.timeline.FindTimeline;
import nl.partnershipregistry.projections.query.timeline.Timeline;
import nl.partnershipregistry.projections.testing.ReadModelFixture;
import nl.partnershipregistry.projections.testing.Story;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A partnership's events in its read model: bounded documents, redelivery, the earlier format. */
class EventStreamsTest {

  private static final int EVENTS = 3_000;

  private final ReadModelFixture readModels = ReadModelFixture.embedded();
  private final Story story = new Story("rdm");

  EventStreamsTest() {
    story.registered("2009", "RDM Centre of Expertise", PartnershipKind.CENTRE_OF_EXPERTISE);
    story.joined("2009", "hr", PartnerRole.LEAD);
    story.joined("2010", "port", PartnerRole.CORE);
    while (story.events().size() < EVENTS) {
      int n = story.events().size();
      story.cohort(String.valueOf(2010 + n % 15), "cohort-" + n, 20 + n % 10);
    }
  }

  @AfterEach
  void close() {
    readModels.close();
  }

  /** Fresh query handlers, which keep nothing read before. */
  private PartnershipQueries questions() {
    return new PartnershipQueries(
        readModels.database(),
        readModels.serializer(),
        Clock.fixed(ReadModelFixture.NOW, ZoneOffset.UTC),
        ReadModelFixture.EVENTS_PER_COMMIT);
  }

  private List<Object> answers() {
    PartnershipQueries questions = questions();
    LocalDate day = LocalDate.parse("2020-01-01");
    List<Object> answers = new ArrayList<>();
    answers.add(questions.handle(new FindTimeline(story.id(), null, null)).orElseThrow());
    answers.add(questions.handle(new FindPartnershipState(story.id(), day, null)).orElseThrow());
    answers.add(
        questions.handle(new FindDurabilityIndicators(story.id(), day, null)).orElseThrow());
    RegistryQueries registry =
        new RegistryQueries(
            readModels.database(),
            readModels.serializer(),
            Clock.fixed(ReadModelFixture.NOW, ZoneOffset.UTC));
    answers.add(
        registry.handle(
            new FindPartnerships(null, null, null, null, null, null, day, null, 0, 20)));
    return answers;
  }

  private MongoCollection<Document> partnershipEvents() {
    return readModels.database().getCollection(ReadModels.PARTNERSHIP_EVENTS);
  }

  private static int size(Document document) {
    return new RawBsonDocument(document, new DocumentCodec()).getByteBuffer().remaining();
  }

  @Test
  void thousands_of_events_on_one_partnership_are_kept_in_documents_of_bounded_size() {
    readModels.feed(story.events().subList(0, EventStreams.CHUNK).toArray());
    int largestAtFirst = 0;
    for (Document document : partnershipEvents().find()) {
      largestAtFirst = Math.max(largestAtFirst, size(document));
    }

    readModels.feed(story.events().subList(EventStreams.CHUNK, EVENTS).toArray());

    List<Document> documents = partnershipEvents().find().into(new ArrayList<>());
    assertThat(documents).hasSize(1 + EVENTS / EventStreams.CHUNK);
    for (Document document : documents) {
      assertThat(size(document)).as("%s", document.get("_id")).isLessThan(largestAtFirst * 2);
      assertThat(document.getList("events", Object.class, List.of()))
          .hasSizeLessThanOrEqualTo(EventStreams.CHUNK);
    }
    Timeline timeline = questions().handle(new FindTimeline(story.id(), null, null)).orElseThrow();
    assertThat(timeline.entries()).hasSize(EVENTS);
    PartnershipState state =
        questions()
            .handle(new FindPartnershipState(story.id(), LocalDate.parse("2020-01-01"), null))
            .orElseThrow();
    assertThat(state.partners()).hasSize(2);
  }

  @Test
  void a_long_stream_read_again_after_writes_holds_what_a_reader_that_kept_nothing_reads() {
    EventStreams<PartnershipEvent> reader =
        new ReadModels(readModels.database(), readModels.serializer()).partnerships();
    int longEnough = EventStreams.KEPT_FROM_CHUNKS * EventStreams.CHUNK;
    readModels.feed(story.events().subList(0, longEnough + 7).toArray());
    List<StoredEvent<PartnershipEvent>> first = reader.load("rdm").orElseThrow();
    assertThat(reader.load("rdm").orElseThrow()).isSameAs(first);

    // Into the chunk it ended in, then into new ones, in one write and one at a time.
    readModels.feed(story.events().subList(longEnough + 7, longEnough + 30).toArray());
    List<StoredEvent<PartnershipEvent>> second = reader.load("rdm").orElseThrow();
    for (PartnershipEvent event : story.events().subList(longEnough + 30, longEnough + 140)) {
      readModels.feed(event);
      reader.load("rdm").orElseThrow();
    }
    List<StoredEvent<PartnershipEvent>> kept = reader.load("rdm").orElseThrow();

    assertThat(first).hasSize(longEnough + 7);
    assertThat(second).hasSize(longEnough + 30);
    assertThat(kept)
        .isEqualTo(
            new ReadModels(readModels.database(), readModels.serializer())
                .partnerships()
                .load("rdm")
                .orElseThrow())
        .extracting(StoredEvent::event)
        .containsExactlyElementsOf(story.events().subList(0, longEnough + 140));
  }

  @Test
  void delivered_again_one_by_one_or_in_batches_after_a_reset_the_answers_are_the_same() {
    readModels.feed(story.events().toArray());
    List<Object> before = answers();
    List<Document> stored = partnershipEvents().find().into(new ArrayList<>());

    readModels.deliverAllAgain();
    assertThat(answers()).isEqualTo(before);
    assertThat(partnershipEvents().find().into(new ArrayList<>()))
        .containsExactlyInAnyOrderElementsOf(stored);

    readModels.projection().reset();
    readModels.deliverAllAgainInBatches(ReadModels.BATCH_SIZE);
    assertThat(answers()).isEqualTo(before);
    assertThat(partnershipEvents().find().into(new ArrayList<>()))
        .containsExactlyInAnyOrderElementsOf(stored);
  }

  @Test
  void a_write_cut_short_before_its_head_adds_nothing_twice_when_delivered_again() {
    List<PartnershipEvent> events = story.events().subList(0, EventStreams.CHUNK + 10);
    readModels.feed(events.subList(0, EventStreams.CHUNK - 5).toArray());
    List<Object> expected;
    Document head = partnershipEvents().find(Filters.eq("_id", "rdm")).first();
    long first = readModels.lastPosition() + 1;
    List<Long> positions = new ArrayList<>();
    for (int i = 0; i < 15; i++) {
      positions.add(first + i);
    }
    List<Object> rest = new ArrayList<>(events.subList(EventStreams.CHUNK - 5, events.size()));

    // The chunks written, the head not: as if the process stopped between them.
    readModels.deliverInOneBatch(rest, positions);
    partnershipEvents().replaceOne(Filters.eq("_id", "rdm"), head);
    assertThat(
            new ReadModels(readModels.database(), readModels.serializer())
                .partnerships()
                .load("rdm")
                .orElseThrow())
        .hasSize(EventStreams.CHUNK - 5);

    readModels.deliverInOneBatch(rest, positions);

    List<StoredEvent<PartnershipEvent>> loaded =
        new ReadModels(readModels.database(), readModels.serializer())
            .partnerships()
            .load("rdm")
            .orElseThrow();
    assertThat(loaded).extracting(StoredEvent::event).containsExactlyElementsOf(events);
    for (Document document : partnershipEvents().find()) {
      assertThat(document.getList("events", Object.class, List.of()))
          .hasSizeLessThanOrEqualTo(EventStreams.CHUNK);
    }
    expected = answers();
    readModels.deliverAllAgain();
    assertThat(answers()).isEqualTo(expected);
  }

  @Test
  void chunks_holding_events_as_the_sub_documents_written_before_beside_texts_read_the_same() {
    readModels.feed(story.events().subList(0, 120).toArray());
    List<Object> before = answers();
    // Every other event of the middle chunk as chunks held them before: five fields.
    String middle = EventStreams.chunkId("rdm", 1);
    List<Object> mixed = new ArrayList<>();
    List<Object> texts =
        partnershipEvents().find(Filters.eq("_id", middle)).first().getList("events", Object.class);
    for (int i = 0; i < texts.size(); i++) {
      ChunkedEvent event = ChunkedEvent.read(texts.get(i));
      assertThat(texts.get(i)).isInstanceOf(String.class);
      mixed.add(
          i % 2 == 0
              ? texts.get(i)
              : new Document("position", event.position())
                  .append("recordedAt", java.util.Date.from(event.recordedAt()))
                  .append("type", event.serialized().getType().getName())
                  .append("revision", event.serialized().getType().getRevision())
                  .append("payload", event.serialized().getData()));
    }
    partnershipEvents().updateOne(Filters.eq("_id", middle), Updates.set("events", mixed));

    assertThat(answers()).isEqualTo(before);
    assertThat(
            new ReadModels(readModels.database(), readModels.serializer())
                .partnerships()
                .load("rdm")
                .orElseThrow())
        .extracting(StoredEvent::event)
        .containsExactlyElementsOf(story.events().subList(0, 120));
  }

  @Test
  void read_models_in_the_earlier_format_of_one_document_per_partnership_are_upgraded_in_place() {
    readModels.feed(story.events().subList(0, 120).toArray());
    List<Object> before = answers();
    DurabilityIndicators indicators = (DurabilityIndicators) before.get(2);
    // The earlier format: all of a partnership's events in one document beside lastApplied.
    Document head = partnershipEvents().find(Filters.eq("_id", "rdm")).first();
    List<Object> all = new ArrayList<>();
    for (int chunk = 0; chunk < head.getInteger("chunks"); chunk++) {
      all.addAll(
          partnershipEvents()
              .find(Filters.eq("_id", EventStreams.chunkId("rdm", chunk)))
              .first()
              .getList("events", Object.class));
    }
    partnershipEvents().deleteMany(new Document());
    partnershipEvents()
        .insertOne(
            new Document("_id", "rdm")
                .append("lastApplied", head.get("lastApplied"))
                .append("events", all));
    readModels
        .database()
        .getCollection(ReadModels.POSITIONS)
        .deleteOne(Filters.eq("_id", "format"));

    new PartnershipViewsProjection(readModels.database(), readModels.serializer());

    assertThat(partnershipEvents().countDocuments()).isEqualTo(1 + 3);
    assertThat(answers()).isEqualTo(before);
    assertThat(((DurabilityIndicators) answers().get(2)).indicators())
        .isEqualTo(indicators.indicators());
    readModels.feed(story.events().subList(120, 130).toArray());
    assertThat(questions().handle(new FindTimeline(story.id(), null, null)).orElseThrow().entries())
        .hasSize(130);
  }

  @Test
  void summaries_of_the_earlier_format_are_written_anew_from_the_events() {
    readModels.feed(story.events().subList(0, 120).toArray());
    List<Object> before = answers();
    MongoCollection<Document> summaries =
        readModels.database().getCollection(ReadModels.PARTNERSHIP_SUMMARIES);
    // The earlier format: a few fields of some facts, which the list read by a walk of its own.
    summaries.deleteMany(new Document());
    summaries.insertOne(
        new Document("_id", "rdm")
            .append(
                "facts",
                new Document(
                    "p1",
                    new Document("position", 1L)
                        .append("factId", "rdm-1")
                        .append("type", "PartnershipRegistered"))));
    readModels
        .database()
        .getCollection(ReadModels.POSITIONS)
        .updateOne(Filters.eq("_id", "format"), Updates.set("version", 2));

    new PartnershipViewsProjection(readModels.database(), readModels.serializer());

    Document rewritten = summaries.find(Filters.eq("_id", "rdm")).first();
    assertThat(rewritten).doesNotContainKey("facts");
    assertThat(rewritten.get("lastApplied", Number.class).longValue())
        .isEqualTo(readModels.lastPosition());
    assertThat(answers()).isEqualTo(before);
    PartnershipPage list = (PartnershipPage) before.get(3);
    assertThat(list.items())
        .extracting(PartnershipPage.Listing::partnershipId)
        .containsExactly(story.id());
  }
}
