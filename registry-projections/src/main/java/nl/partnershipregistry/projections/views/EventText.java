package nl.partnershipregistry.projections.views;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import nl.partnershipregistry.core.common.IsoInstants;
import nl.partnershipregistry.core.organisation.OrganisationFact;
import nl.partnershipregistry.core.partnership.event.PartnershipEvent;

/**
 * The two fields the read models file an event under, its aggregate's id and the instant it was
 * recorded ({@code recorded.at}), read from the event's JSON text as stored without binding the
 * whole event: a replay files every event of the store, and binding each one took about a third of
 * its time. Only the text's top level and its {@code recorded} object are looked at; a text in any
 * other shape gives nothing, and the event is then read whole ({@link PartnershipViewsProjection}).
 */
final class EventText {

  private static final JsonFactory JSON = new JsonFactory();

  /** An event's aggregate id and when it was recorded, as its own fields say. */
  record Filing(String id, Instant recordedAt) {

    /** The filing of a partnership's event read whole. */
    static Filing of(PartnershipEvent event) {
      return new Filing(event.partnershipId().value(), event.recorded().at());
    }

    /** The filing of an organisation's fact read whole. */
    static Filing of(OrganisationFact fact) {
      return new Filing(fact.organisationId().value(), fact.recorded().at());
    }
  }

  private EventText() {}

  /**
   * The string field {@code idField} at the top of {@code json} and the instant at {@code
   * recorded.at}, truncated to the millisecond as a {@code Recording} is; empty when either is
   * missing or not text, or the text is not a JSON object.
   */
  static Optional<Filing> filing(String json, String idField) {
    Filing scanned = Scan.filing(json, idField);
    return scanned != null ? Optional.of(scanned) : parsed(json, idField);
  }

  /** {@link #filing} by Jackson's streaming parser, for any text {@link Scan} does not take. */
  static Optional<Filing> parsed(String json, String idField) {
    try (JsonParser parser = JSON.createParser(json)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return Optional.empty();
      }
      String id = null;
      Instant recordedAt = null;
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        if (id == null && value == JsonToken.VALUE_STRING && name.equals(idField)) {
          id = parser.getText();
        } else if (recordedAt == null
            && value == JsonToken.START_OBJECT
            && name.equals("recorded")) {
          recordedAt = recordedAt(parser);
        } else {
          parser.skipChildren();
        }
        if (id != null && recordedAt != null) {
          return Optional.of(new Filing(id, recordedAt));
        }
      }
      return Optional.empty();
    } catch (IOException | DateTimeException unreadable) {
      return Optional.empty();
    }
  }

  /**
   * The instant at {@code at} in the object the parser has just entered, which it reads to its end.
   */
  private static Instant recordedAt(JsonParser parser) throws IOException {
    Instant at = null;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      JsonToken value = parser.nextToken();
      if (value == JsonToken.VALUE_STRING && name.equals("at")) {
        at = IsoInstants.parse(parser.getText()).truncatedTo(ChronoUnit.MILLIS);
      } else {
        parser.skipChildren();
      }
    }
    return at;
  }

  /**
   * The same two fields found by walking the text's characters, for the compact JSON the registry's
   * serializer writes: a replay files every event, and the streaming parser, which names every
   * field and reads every value it skips as tokens, took a tenth of a rebuild's time. It answers
   * only where the parser would answer the same: at the first character it does not expect (an
   * escape in a name or in a value it takes, white space, anything but JSON) it gives up and the
   * parser reads the text ({@code null}).
   */
  static final class Scan {

    private final String text;
    private int at;

    private Scan(String text) {
      this.text = text;
    }

    /** The filing, or {@code null} when the scan leaves the text to the parser. */
    static Filing filing(String json, String idField) {
      try {
        return new Scan(json).topLevel(idField);
      } catch (GiveUp | DateTimeException unexpected) {
        return null;
      }
    }

    /** Thrown where the scan leaves the text to the parser. */
    private static final class GiveUp extends RuntimeException {
      private static final GiveUp INSTANCE = new GiveUp();

      private GiveUp() {
        super(null, null, false, false);
      }
    }

    private Filing topLevel(String idField) {
      expect('{');
      String id = null;
      Instant recordedAt = null;
      if (peek() == '}') {
        throw GiveUp.INSTANCE;
      }
      while (true) {
        int nameStart = at + 1;
        int nameEnd = plainString();
        expect(':');
        char value = peek();
        if (id == null && value == '"' && named(nameStart, nameEnd, idField)) {
          int valueStart = at + 1;
          id = text.substring(valueStart, plainString());
        } else if (recordedAt == null && value == '{' && named(nameStart, nameEnd, "recorded")) {
          recordedAt = recordedAt();
        } else {
          skipValue();
        }
        if (id != null && recordedAt != null) {
          return new Filing(id, recordedAt);
        }
        char next = next();
        if (next == '}') {
          return null;
        }
        if (next != ',') {
          throw GiveUp.INSTANCE;
        }
      }
    }

    /** The last {@code at} text in the object at the scan, which it reads to its end. */
    private Instant recordedAt() {
      expect('{');
      Instant found = null;
      if (peek() == '}') {
        at++;
        return null;
      }
      while (true) {
        int nameStart = at + 1;
        int nameEnd = plainString();
        expect(':');
        if (peek() == '"' && named(nameStart, nameEnd, "at")) {
          int valueStart = at + 1;
          int valueEnd = plainString();
          found =
              IsoInstants.parse(text.substring(valueStart, valueEnd))
                  .truncatedTo(ChronoUnit.MILLIS);
        } else {
          skipValue();
        }
        char next = next();
        if (next == '}') {
          return found;
        }
        if (next != ',') {
          throw GiveUp.INSTANCE;
        }
      }
    }

    private boolean named(int start, int end, String name) {
      return end - start == name.length() && text.startsWith(name, start);
    }

    private char peek() {
      if (at >= text.length()) {
        throw GiveUp.INSTANCE;
      }
      return text.charAt(at);
    }

    private char next() {
      char c = peek();
      at++;
      return c;
    }

    private void expect(char c) {
      if (next() != c) {
        throw GiveUp.INSTANCE;
      }
    }

    /** Reads a string without escapes; returns where it ends (its closing quote). */
    private int plainString() {
      return string(false);
    }

    /**
     * Reads a string, giving up at an escape unless {@code escapes}; returns where it ends (its
     * closing quote).
     */
    private int string(boolean escapes) {
      expect('"');
      while (true) {
        char c = next();
        if (c == '"') {
          return at - 1;
        }
        if (c == '\\') {
          if (!escapes) {
            throw GiveUp.INSTANCE;
          }
          next();
        }
      }
    }

    /** Skips one value: a string, an object or array with everything in it, or a literal. */
    private void skipValue() {
      char c = peek();
      if (c == '"') {
        string(true);
      } else if (c == '{' || c == '[') {
        int depth = 0;
        do {
          char d = peek();
          if (d == '"') {
            string(true);
            continue;
          }
          at++;
          if (d == '{' || d == '[') {
            depth++;
          } else if (d == '}' || d == ']') {
            depth--;
          }
        } while (depth > 0);
      } else if (c == '-' || (c >= '0' && c <= '9') || c == 't' || c == 'f' || c == 'n') {
        while (at < text.length() && ",}]".indexOf(text.charAt(at)) < 0) {
          char d = text.charAt(at++);
          if (d == ' ' || d == '\n' || d == '\t' || d == '\r' || d == '"') {
            throw GiveUp.INSTANCE;
          }
        }
      } else {
        throw GiveUp.INSTANCE;
      }
    }
  }
}
