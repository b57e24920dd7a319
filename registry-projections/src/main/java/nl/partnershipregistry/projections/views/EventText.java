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
}
