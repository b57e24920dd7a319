package nl.partnershipregistry.eventstore.serialization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Random;
import nl.partnershipregistry.core.common.IsoInstants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IsoInstantsTest {

  private static Instant standard(String text) {
    return DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(text, Instant::from);
  }

  @Test
  void reads_every_instant_as_written_the_same_as_the_standard_formatter() {
    Random random = new Random(20261123);
    for (int i = 0; i < 20_000; i++) {
      long seconds = random.nextLong(-62_000_000_000L, 253_402_300_799L);
      int nanos =
          switch (i % 4) {
            case 0 -> 0;
            case 1 -> random.nextInt(1000) * 1_000_000;
            case 2 -> random.nextInt(1_000_000) * 1000;
            default -> random.nextInt(1_000_000_000);
          };
      Instant instant = Instant.ofEpochSecond(seconds, nanos);
      String text = instant.toString();

      assertThat(IsoInstants.parse(text)).as(text).isEqualTo(instant).isEqualTo(standard(text));
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-11-23T09:15:00Z",
        "2026-11-23T09:15:00.1Z",
        "2026-11-23T09:15:00.120Z",
        "2024-02-29T23:59:59.999999999Z",
        "0000-01-01T00:00:00Z",
        "2026-11-23T09:15:00+01:00",
        "2026-11-23T09:15:00.5-05:30",
        "2026-11-23t09:15:00z",
        "+12026-11-23T09:15:00Z",
        "2026-11-23T09:15Z",
        "2026-11-23T09:15:00.Z"
      })
  void reads_other_iso_forms_with_an_offset_as_the_standard_formatter_does(String text) {
    assertThat(IsoInstants.parse(text)).isEqualTo(standard(text));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-02-29T00:00:00Z",
        "2026-04-31T00:00:00Z",
        "2026-13-01T00:00:00Z",
        "2026-00-10T00:00:00Z",
        "2026-11-23T24:00:00Z",
        "2026-11-23T09:60:00Z",
        "2026-11-23T09:15:00.1234567890Z",
        "2026-11-23T09:15:0aZ",
        "2026-11-23 09:15:00Z",
        "2026-11-23T09:15:00",
        "2026-11-23",
        ""
      })
  void refuses_what_the_standard_formatter_refuses(String text) {
    assertThatThrownBy(() -> standard(text)).isInstanceOf(DateTimeParseException.class);
    assertThatThrownBy(() -> IsoInstants.parse(text)).isInstanceOf(DateTimeParseException.class);
  }

  @Test
  void the_event_mapper_reads_instants_as_written_and_other_forms_as_before() throws Exception {
    ObjectMapper mapper = RegistryJackson.eventMapper();
    Instant instant = Instant.parse("2026-11-23T09:15:00.120Z");

    assertThat(mapper.readValue(mapper.writeValueAsString(instant), Instant.class))
        .isEqualTo(instant);
    assertThat(mapper.readValue("\"2026-11-23T10:15:00.120+01:00\"", Instant.class))
        .isEqualTo(instant);
    assertThat(mapper.readValue("1795425300.120", Instant.class))
        .isEqualTo(Instant.parse("2026-11-23T09:15:00.120Z"));
    assertThatThrownBy(() -> mapper.readValue("\"2026-02-30T00:00:00Z\"", Instant.class))
        .isInstanceOf(InvalidFormatException.class);
  }
}
