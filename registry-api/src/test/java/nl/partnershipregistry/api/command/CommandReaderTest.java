package nl.partnershipregistry.api.command;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import nl.partnershipregistry.core.partnership.command.CorrectFact;
import nl.partnershipregistry.core.partnership.command.EnrolCohort;
import org.junit.jupiter.api.Test;

class CommandReaderTest {

  static final String COHORT =
      "{\"factId\":\"c1\",\"occurredOn\":\"2004\",\"cohortId\":\"c1\",\"label\":\"intake 2004\","
          + "\"participants\":12,\"approximate\":false,"
          + "\"source\":{\"document\":\"seed.txt\",\"passage\":\"p. 1\"}}";

  final CommandReader reader = new CommandReader();

  Object read(String body) {
    return reader.readBody(
        CommandCatalogue.of(EnrolCohort.class),
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

  @Test
  void a_misspelt_field_is_named_with_the_fields_of_the_command_in_their_order() {
    assertThatThrownBy(() -> read(COHORT.replace("\"participants\"", "\"particpants\"")))
        .isInstanceOf(InvalidInput.class)
        .hasMessageContaining(
            "is not a field of EnrolCohort; its fields are partnershipId, factId, occurredOn,"
                + " cohortId, label, participants, approximate")
        .extracting(e -> ((InvalidInput) e).field())
        .isEqualTo("particpants");
  }

  @Test
  void a_misspelt_field_of_a_value_inside_is_named_with_its_path_and_that_values_fields() {
    assertThatThrownBy(() -> read(COHORT.replace("\"document\"", "\"documnet\"")))
        .isInstanceOf(InvalidInput.class)
        .hasMessageContaining("is not a field of source; its fields are document, passage")
        .extracting(e -> ((InvalidInput) e).field())
        .isEqualTo("source.documnet");
  }

  @Test
  void an_identifier_of_another_kind_says_what_an_identifier_is() {
    assertThatThrownBy(() -> read(COHORT.replace("\"cohortId\":\"c1\"", "\"cohortId\":7")))
        .isInstanceOf(InvalidInput.class)
        .hasMessageContaining("an identifier in quotes (")
        .extracting(e -> ((InvalidInput) e).field())
        .isEqualTo("cohortId");
  }

  @Test
  void a_value_object_of_another_kind_names_its_fields() {
    assertThatThrownBy(
            () ->
                read(
                    COHORT.replace(
                        "{\"document\":\"seed.txt\",\"passage\":\"p. 1\"}", "\"seed.txt\"")))
        .isInstanceOf(InvalidInput.class)
        .hasMessageContaining("an object with the fields document")
        .extracting(e -> ((InvalidInput) e).field())
        .isEqualTo("source");
  }

  @Test
  void a_misspelt_field_of_a_corrections_replacement_is_named_with_the_facts_fields() {
    String correction =
        "{\"factId\":\"k1\",\"correctedFactId\":\"e1\","
            + "\"reason\":\"misdated\",\"replacement\":{\"type\":\"EvaluationRecorded\","
            + "\"factId\":\"e1\",\"ocurredOn\":\"2019\",\"summary\":\"good\","
            + "\"source\":{\"document\":\"seed.txt\",\"passage\":\"p. 1\"}},"
            + "\"source\":{\"document\":\"seed.txt\",\"passage\":\"p. 2\"}}";
    assertThatThrownBy(
            () ->
                reader.readBody(
                    CommandCatalogue.of(CorrectFact.class),
                    correction.getBytes(StandardCharsets.UTF_8),
                    "stbk",
                    "registrar",
                    Instant.parse("2026-11-23T10:00:00Z")))
        .isInstanceOf(InvalidInput.class)
        .hasMessageContaining("is not a field of replacement; its fields are ")
        .hasMessageContaining("occurredOn")
        .extracting(e -> ((InvalidInput) e).field())
        .isEqualTo("replacement.ocurredOn");
  }
}
