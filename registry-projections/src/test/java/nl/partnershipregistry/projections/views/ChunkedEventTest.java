package nl.partnershipregistry.projections.views;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Date;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/** An event as a read model's chunk holds it, written and read back. */
class ChunkedEventTest {

  private static final String PAYLOAD =
      "{\"partnershipId\":\"stbk\",\"note\":\"two lines:\\nand spaces\",\"recorded\":{}}";

  private static SerializedObject<String> text(String type, String revision) {
    return new SimpleSerializedObject<>(PAYLOAD, String.class, type, revision);
  }

  private static void assertReadBack(Object stored, long position, Instant at, String revision) {
    ChunkedEvent read = ChunkedEvent.read(stored);
    assertThat(read.position()).isEqualTo(position);
    assertThat(read.recordedAt()).isEqualTo(at);
    assertThat(read.serialized().getData()).isEqualTo(PAYLOAD);
    assertThat(read.serialized().getType().getName()).isEqualTo("a.b.PartnerJoined");
    assertThat(read.serialized().getType().getRevision()).isEqualTo(revision);
  }

  @Test
  void an_event_is_one_text_with_its_position_instant_and_type_on_the_first_line() {
    Instant at = Instant.parse("2019-09-01T10:00:00.120Z");

    Object stored = ChunkedEvent.write(2686, at, text("a.b.PartnerJoined", null));

    assertThat(stored).isEqualTo("2686 2019-09-01T10:00:00.120Z a.b.PartnerJoined\n" + PAYLOAD);
    assertReadBack(stored, 2686, at, null);
  }

  @Test
  void a_revision_empty_or_not_and_the_instant_to_the_millisecond_are_read_back() {
    Instant at = Instant.parse("2019-09-01T10:00:00.123456Z");
    Instant millisecond = Instant.parse("2019-09-01T10:00:00.123Z");

    assertReadBack(ChunkedEvent.write(7, at, text("a.b.PartnerJoined", "2")), 7, millisecond, "2");
    assertReadBack(ChunkedEvent.write(8, at, text("a.b.PartnerJoined", "")), 8, millisecond, "");
    assertReadBack(
        ChunkedEvent.write(
            9, Instant.parse("2019-09-01T00:00:00Z"), text("a.b.PartnerJoined", null)),
        9,
        Instant.parse("2019-09-01T00:00:00Z"),
        null);
  }

  @Test
  void an_event_whose_revision_would_break_the_first_line_is_kept_as_a_sub_document() {
    Instant at = Instant.parse("2019-09-01T10:00:00Z");

    Object stored = ChunkedEvent.write(11, at, text("a.b.PartnerJoined", "1 beta\n"));

    assertThat(stored).isInstanceOf(Document.class);
    assertReadBack(stored, 11, at, "1 beta\n");
  }

  @Test
  void events_written_before_as_sub_documents_are_read() {
    Document earlier =
        new Document("position", 12L)
            .append("recordedAt", Date.from(Instant.parse("2019-09-01T10:00:00Z")))
            .append("type", "a.b.PartnerJoined")
            .append("revision", null)
            .append("payload", PAYLOAD);

    assertReadBack(earlier, 12, Instant.parse("2019-09-01T10:00:00Z"), null);
  }

  @Test
  void a_value_that_is_no_event_is_refused_by_name() {
    assertThatThrownBy(() -> ChunkedEvent.read(42))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("chunk");
    assertThatThrownBy(() -> ChunkedEvent.read("no first line"))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> ChunkedEvent.read("12\n{}").recordedAt())
        .isInstanceOf(IllegalStateException.class);
  }
}
