package nl.partnershipregistry.projections.views;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipKind;
import nl.partnershipregistry.projections.testing.ReadModelFixture;
import nl.partnershipregistry.projections.testing.Story;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every partnership's recordings and every organisation's events, kept by the instance of the read
 * models that the projection writes with and the questions across partnerships read: a batch of
 * this process is merged into what is kept (or, when it writes an organisation's event, makes the
 * organisations be read again), and a batch of another process makes them be read again.
 */
class KeptRecordingsTest {

  private final ReadModelFixture readModels = ReadModelFixture.embedded();

  @AfterEach
  void close() {
    readModels.close();
  }

  private static Story registered(String id) {
    Story story = new Story(id);
    story.registered("2009", "Partnership " + id, PartnershipKind.TECHNOHUB);
    return story;
  }

  private Map<String, PartnershipSummaries.Recordings> kept() {
    return readModels.sharedReadModels().allRecordings();
  }

  @Test
  void a_batch_written_by_this_process_is_in_what_is_kept_at_once() {
    readModels.feed(registered("a").events().toArray());
    assertThat(kept()).containsOnlyKeys("a");

    readModels.feed(registered("b").events().toArray());

    assertThat(kept()).containsOnlyKeys("a", "b");
    assertThat(kept().get("b").lastApplied()).isEqualTo(readModels.lastPosition());
  }

  @Test
  void a_batch_written_by_another_process_in_between_is_not_missed() {
    readModels.feed(registered("a").events().toArray());
    assertThat(kept()).containsOnlyKeys("a");

    // Another instance of the registry on the same database writes a batch of its own.
    ReadModelBatch elsewhere =
        new ReadModelBatch(new ReadModels(readModels.database(), readModels.serializer()));
    elsewhere.add(readModels.lastPosition() + 1_000, registered("c").events().get(0));
    elsewhere.flush();
    readModels.feed(registered("b").events().toArray());

    assertThat(kept()).containsOnlyKeys("a", "b", "c");
  }

  private List<String> organisations() {
    return readModels.sharedReadModels().allOrganisationStreams().stream()
        .map(stream -> stream.get(0).event().organisationId().value())
        .sorted()
        .toList();
  }

  @Test
  void an_organisation_written_by_this_process_is_read_at_once() {
    readModels.feed(Story.employer("acme", "Acme"));
    readModels.feed(registered("a").events().toArray());
    assertThat(organisations()).containsExactly("acme");

    readModels.feed(Story.employer("bolt", "Bolt"));

    assertThat(organisations()).containsExactly("acme", "bolt");
  }

  @Test
  void an_organisation_written_by_another_process_is_not_missed() {
    readModels.feed(Story.employer("acme", "Acme"));
    assertThat(organisations()).containsExactly("acme");

    ReadModelBatch elsewhere =
        new ReadModelBatch(new ReadModels(readModels.database(), readModels.serializer()));
    elsewhere.add(readModels.lastPosition() + 1_000, Story.employer("bolt", "Bolt"));
    elsewhere.flush();
    readModels.feed(registered("a").events().toArray());

    assertThat(organisations()).containsExactly("acme", "bolt");
  }
}
