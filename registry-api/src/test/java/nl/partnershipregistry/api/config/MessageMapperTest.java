package nl.partnershipregistry.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;

/** The JSON Axon writes for the registry's messages: records, java.time and Optional. */
class MessageMapperTest {

  record Probe(String name, LocalDate date, Instant recorded, Optional<String> note) {}

  private final Serializer serializer = new AxonConfiguration().eventSerializer();

  @Test
  void a_record_with_dates_and_an_optional_round_trips() {
    Probe probe =
        new Probe(
            "STBK",
            LocalDate.of(2001, 9, 1),
            Instant.parse("2026-11-23T09:00:00Z"),
            Optional.of("pilot"));

    SerializedObject<String> json = serializer.serialize(probe, String.class);

    assertThat(json.getData())
        .contains("\"date\":\"2001-09-01\"")
        .contains("\"recorded\":\"2026-11-23T09:00:00Z\"")
        .contains("\"note\":\"pilot\"");
    assertThat((Probe) serializer.deserialize(json)).isEqualTo(probe);
  }

  @Test
  void an_empty_optional_round_trips() {
    Probe probe = new Probe("STBK", null, null, Optional.empty());

    assertThat((Probe) serializer.deserialize(serializer.serialize(probe, String.class)))
        .isEqualTo(probe);
  }
}
