package nl.partnershipregistry.eventstore.serialization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import nl.partnershipregistry.core.common.DateRange;
import nl.partnershipregistry.core.common.FactDate;
import nl.partnershipregistry.core.common.Money;
import nl.partnershipregistry.core.common.Quantity;
import nl.partnershipregistry.core.common.Recording;
import nl.partnershipregistry.core.common.SourceCitation;
import nl.partnershipregistry.core.common.Unit;
import nl.partnershipregistry.core.organisation.OrganisationFact;
import nl.partnershipregistry.core.partnership.event.CommitmentRecorded;
import nl.partnershipregistry.core.partnership.event.FactCorrected;
import nl.partnershipregistry.core.partnership.event.PartnershipEvent;
import nl.partnershipregistry.core.partnership.event.PartnershipEvents;
import nl.partnershipregistry.core.partnership.event.PartnershipFact;
import nl.partnershipregistry.core.partnership.event.PartnershipRegistered;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RegistryJacksonTest {

  private final ObjectMapper mapper = RegistryJackson.eventMapper();

  static Stream<Class<?>> eventTypes() {
    List<Class<?>> types = new ArrayList<>(PartnershipEvents.types());
    types.addAll(List.of(OrganisationFact.class.getPermittedSubclasses()));
    return types.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("eventTypes")
  void every_event_type_reads_back_equal_as_itself_and_as_its_interface(Class<?> type)
      throws Exception {
    Object event = sample(type);

    String json = mapper.writeValueAsString(event);

    assertThat(mapper.readValue(json, type)).isEqualTo(event);
    Class<?> family =
        PartnershipEvent.class.isAssignableFrom(type)
            ? PartnershipEvent.class
            : OrganisationFact.class;
    assertThat(mapper.readValue(json, family)).isEqualTo(event);
    assertThat(mapper.readTree(json).get("type").asText()).isEqualTo(type.getSimpleName());
  }

  @Test
  void identifiers_and_fact_dates_are_plain_text() throws Exception {
    JsonNode json = mapper.readTree(mapper.writeValueAsString(sample(CommitmentRecorded.class)));

    assertThat(json.get("partnershipId").isTextual()).isTrue();
    assertThat(json.get("partnershipId").asText()).isEqualTo("sample-id");
    assertThat(json.get("occurredOn").asText()).isEqualTo("2008-03");
    assertThat(json.get("period").get("until").asText()).isEqualTo("2008-12-31");
    assertThat(json.get("recorded").get("at").asText()).isEqualTo("2026-11-23T10:15:30.123Z");
  }

  @Test
  void a_correction_keeps_the_type_of_its_replacement() throws Exception {
    FactCorrected correction = (FactCorrected) sample(FactCorrected.class);

    FactCorrected read =
        mapper.readValue(mapper.writeValueAsString(correction), FactCorrected.class);

    assertThat(read.replacement()).isInstanceOf(PartnershipRegistered.class);
    assertThat(read).isEqualTo(correction);
  }

  @Test
  void a_registration_stored_before_start_known_existed_reads_as_a_known_start() throws Exception {
    PartnershipRegistered unknown = (PartnershipRegistered) sample(PartnershipRegistered.class);
    ObjectNode json = (ObjectNode) mapper.valueToTree(unknown);
    assertThat(json.get("startKnown").asBoolean(true)).isFalse();

    json.remove("startKnown");
    PartnershipRegistered read = mapper.treeToValue(json, PartnershipRegistered.class);

    assertThat(read.startKnown()).isTrue();
    assertThat(read.occurredOn()).isEqualTo(unknown.occurredOn());
  }

  @Test
  void money_is_a_plain_number_of_euros() throws Exception {
    assertThat(mapper.writeValueAsString(Money.euros("1250.50"))).isEqualTo("1250.5");
    assertThat(mapper.readValue("450000", Money.class)).isEqualTo(Money.euros(450000));
    assertThatThrownBy(() -> mapper.readValue("-5", Money.class)).hasMessageContaining("amount");
  }

  @Test
  void money_written_as_text_is_refused_rather_than_coerced() {
    assertThatThrownBy(() -> mapper.readValue("\"1250.50\"", Money.class))
        .isInstanceOf(MismatchedInputException.class);
    assertThatThrownBy(() -> mapper.readValue("\"lots\"", Money.class))
        .isInstanceOf(MismatchedInputException.class);
  }

  @Test
  void amounts_read_back_digit_for_digit_also_through_a_tree() throws Exception {
    String json =
        "{\"type\":\"FundingDisbursed\",\"amount\":1234567890123.45,\"quantity\":"
            + "{\"amount\":9999999999999.99,\"unit\":\"EUR\"}}";
    JsonNode tree = mapper.readTree(json);

    assertThat(tree.get("amount").decimalValue()).isEqualTo(new BigDecimal("1234567890123.45"));
    assertThat(mapper.treeToValue(tree.get("amount"), Money.class).euros())
        .isEqualTo(new BigDecimal("1234567890123.45"));
    assertThat(mapper.treeToValue(tree.get("quantity"), Quantity.class).amount())
        .isEqualTo(new BigDecimal("9999999999999.99"));
    assertThat(mapper.writeValueAsString(tree)).isEqualTo(json);
    assertThat(mapper.writeValueAsString(Money.euros("1E+3"))).isEqualTo("1000");
  }

  @Test
  void a_quantity_says_how_certain_it_is_and_an_exact_one_reads_and_writes_as_before()
      throws Exception {
    assertThat(mapper.writeValueAsString(Quantity.of(150, Unit.PLACES)))
        .isEqualTo("{\"amount\":150,\"unit\":\"PLACES\"}");
    assertThat(mapper.readValue("{\"amount\":150,\"unit\":\"PLACES\"}", Quantity.class))
        .isEqualTo(Quantity.of(150, Unit.PLACES));
    assertThat(mapper.writeValueAsString(Quantity.atLeast(200, Unit.PLACES)))
        .isEqualTo("{\"amount\":200,\"unit\":\"PLACES\",\"exactness\":\"AT_LEAST\"}");
    assertThat(
            mapper.readValue(
                "{\"amount\":50,\"unit\":\"PERSONS\",\"exactness\":\"APPROXIMATE\"}",
                Quantity.class))
        .isEqualTo(Quantity.about(50, Unit.PERSONS));
  }

  @Test
  void an_amount_too_fine_to_keep_is_refused_rather_than_rounded() {
    assertThatThrownBy(() -> mapper.readValue("1234567890.123456789", Money.class))
        .hasMessageContaining("amount");
    assertThatThrownBy(() -> mapper.readValue("1e-400", Money.class))
        .hasMessageContaining("amount");
  }

  @Test
  void a_date_written_as_a_number_is_refused_rather_than_coerced() {
    assertThatThrownBy(() -> mapper.readValue("2008", FactDate.class))
        .isInstanceOf(MismatchedInputException.class);
    assertThatThrownBy(() -> mapper.readValue("\"\u0662\u0660\u0660\u0668\"", FactDate.class))
        .hasMessageContaining("date");
  }

  @Test
  void an_invalid_identifier_is_refused_on_reading() {
    String json = "{\"type\":\"PartnerLeft\",\"partnershipId\":\"no spaces allowed\"}";

    assertThatThrownBy(() -> mapper.readValue(json, PartnershipEvent.class))
        .hasMessageContaining("partnershipId");
  }

  @Test
  void an_identifier_must_be_text() {
    for (String id : new String[] {"42", "true", "[\"a\"]", "{}"}) {
      String json = "{\"type\":\"PartnerLeft\",\"partnershipId\":" + id + "}";

      assertThatThrownBy(() -> mapper.readValue(json, PartnershipEvent.class))
          .as(id)
          .hasMessageContaining("PartnershipId");
    }
  }

  /** A valid instance of any message or value type, with every field filled. */
  static Object sample(Class<?> type) throws Exception {
    if (type == String.class) {
      return "some text";
    } else if (type == int.class) {
      return 7;
    } else if (type == boolean.class) {
      return true;
    } else if (type == Boolean.class) {
      return false;
    } else if (type == List.class) {
      return List.of("a finding", "another finding");
    } else if (type.isEnum()) {
      Object[] constants = type.getEnumConstants();
      return constants[constants.length - 1];
    } else if (type == FactDate.class) {
      return FactDate.month(2008, 3);
    } else if (type == DateRange.class) {
      return DateRange.between(FactDate.year(2001), FactDate.day(2008, 12, 31));
    } else if (type == Quantity.class) {
      return Quantity.of(75, Unit.PERSONS);
    } else if (type == Money.class) {
      return Money.euros("1250.50");
    } else if (type == SourceCitation.class) {
      return new SourceCitation("seed.txt", "page 3", "https://example.org/a", "first hand");
    } else if (type == Recording.class) {
      return Recording.of(Instant.parse("2026-11-23T10:15:30.123Z"), "registrar");
    } else if (type == PartnershipFact.class) {
      return sample(PartnershipRegistered.class);
    } else if (RegistryJackson.isStringValue(type)) {
      return type.getDeclaredConstructor(String.class).newInstance("sample-id");
    } else if (type.isRecord()) {
      RecordComponent[] components = type.getRecordComponents();
      Object[] values = new Object[components.length];
      Class<?>[] types = new Class<?>[components.length];
      for (int i = 0; i < components.length; i++) {
        types[i] = components[i].getType();
        values[i] = sample(types[i]);
      }
      Constructor<?> constructor = type.getDeclaredConstructor(types);
      return constructor.newInstance(values);
    }
    throw new IllegalArgumentException("no sample for " + type);
  }
}
