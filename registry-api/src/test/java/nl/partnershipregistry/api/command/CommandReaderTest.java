package nl.partnershipregistry.api.command;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CommandReaderTest {

  static final String COHORT =
      "{\"factId\":\"c1\",\"occurredOn\":\"2004\",\"cohortId\":\"c1\",\"label\":\"intake 2004\","
          + "\"participants\":12,\"approximate\":false,"
          + "\"source\":{\"document\":\"seed.txt\",\"passage\":\"p. 1\"}}";

  final CommandReader reader = new CommandReader();

  Object read(String body) {
    return reader.readBody(
        CommandCatalogue.ENROL_COHORT,
        body.getBytes(StandardCharsets.UTF_8),
        "stbk",
        "registrar",
        Instant.parse("2026-11-23T10:00:00Z"));
  }

  @Test
  void a_yes_or_no_left_out_is_required_not_of_the_wrong_kind() {
    read(COHORT);

    for (String without :
        new String[] {
          COHORT.replace("\"approximate\":false,", ""),
          COHORT.replace("\"approximate\":false", "\"approximate\":null")
        }) {
      assertThatThrownBy(() -> read(without))
          .isInstanceOf(InvalidInput.class)
          .hasMessage("is required: true or false")
          .extracting(e -> ((InvalidInput) e).field())
          .isEqualTo("approximate");
    }
  }

  @Test
  void a_yes_or_no_of_another_kind_says_what_it_must_be() {
    assertThatThrownBy(
            () -> read(COHORT.replace("\"approximate\":false", "\"approximate\":\"no\"")))
        .isInstanceOf(InvalidInput.class)
        .hasMessageContaining("true or false")
        .extracting(e -> ((InvalidInput) e).field())
        .isEqualTo("approximate");
  }
}
