package nl.partnershipregistry.projections.views;

import java.nio.CharBuffer;
import java.time.Instant;
import java.util.Date;
import nl.partnershipregistry.core.common.IsoInstants;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.bson.Document;

/**
 * One event as a chunk of {@link EventStreams} holds it: a single text, its first line the event's
 * global position, the instant it was recorded (to the millisecond) and its serialized type and
 * revision, separated by spaces (no revision: none), and after that line the payload as the
 * serializer wrote it:
 *
 * <pre>2686 2019-09-01T10:00:00Z nl.partnershipregistry.core.partnership.event.PartnerJoined
 * {"partnershipId":"stbk", ...}</pre>
 *
 * An event whose type or revision holds a space or a line break, which no type of the registry
 * does, is kept as the sub-document of five fields that chunks held before ({@code { position,
 * recordedAt, type, revision, payload }}); {@link #read} takes either.
 *
 * <p>{@link #read} takes the position alone; the rest is read when asked for, since a reader leaves
 * out the events of a chunk it has already or that were not yet applied.
 *
 * @param stored the chunk's value
 */
record ChunkedEvent(long position, Object stored) {

  private static final char SPACE = ' ';
  private static final char LINE = '\n';

  /** The value a chunk holds for an event: its text, or its sub-document (see above). */
  static Object write(long position, Instant recordedAt, SerializedObject<String> text) {
    Instant millisecond = Instant.ofEpochMilli(recordedAt.toEpochMilli());
    String type = text.getType().getName();
    String revision = text.getType().getRevision();
    if (!plain(type) || (revision != null && !plain(revision))) {
      return new Document("position", position)
          .append("recordedAt", Date.from(millisecond))
          .append("type", type)
          .append("revision", revision)
          .append("payload", text.getData());
    }
    String payload = text.getData();
    StringBuilder stored = new StringBuilder(payload.length() + type.length() + 48);
    stored.append(position).append(SPACE).append(millisecond).append(SPACE).append(type);
    if (revision != null) {
      stored.append(SPACE).append(revision);
    }
    return stored.append(LINE).append(payload).toString();
  }

  private static boolean plain(String part) {
    return part.indexOf(SPACE) < 0 && part.indexOf(LINE) < 0;
  }

  /**
   * The event a chunk's value holds, written by {@link #write} or as a sub-document before.
   *
   * @throws IllegalStateException when the value is neither
   */
  static ChunkedEvent read(Object stored) {
    if (stored instanceof String text) {
      return new ChunkedEvent(Long.parseLong(text, 0, end(text, 0, SPACE), 10), text);
    }
    if (stored instanceof Document document) {
      return new ChunkedEvent(document.get("position", Number.class).longValue(), document);
    }
    throw unreadable(stored);
  }

  /** When the event was recorded, to the millisecond. */
  Instant recordedAt() {
    if (stored instanceof Document document) {
      return document.getDate("recordedAt").toInstant();
    }
    String text = (String) stored;
    int from = end(text, 0, SPACE) + 1;
    return IsoInstants.parse(CharBuffer.wrap(text, from, end(text, from, SPACE)));
  }

  /** The payload with its serialized type and revision. */
  SerializedObject<String> serialized() {
    if (stored instanceof Document document) {
      return new SimpleSerializedObject<>(
          document.getString("payload"),
          String.class,
          document.getString("type"),
          document.getString("revision"));
    }
    String text = (String) stored;
    int line = end(text, 0, LINE);
    int type = end(text, end(text, 0, SPACE) + 1, SPACE) + 1;
    int revision = text.indexOf(SPACE, type);
    boolean revised = revision >= 0 && revision < line;
    return new SimpleSerializedObject<>(
        text.substring(line + 1),
        String.class,
        text.substring(type, revised ? revision : line),
        revised ? text.substring(revision + 1, line) : null);
  }

  /** Where the first {@code c} at or after {@code from} is, within the first line. */
  private static int end(String text, int from, char c) {
    int at = text.indexOf(c, from);
    int line = text.indexOf(LINE);
    if (at < 0 || line < 0 || (c == SPACE && at > line)) {
      throw unreadable(text);
    }
    return at;
  }

  private static IllegalStateException unreadable(Object stored) {
    String shown = String.valueOf(stored);
    return new IllegalStateException(
        "Not an event of a read model's chunk: "
            + shown.substring(0, Math.min(shown.length(), 80)));
  }
}
