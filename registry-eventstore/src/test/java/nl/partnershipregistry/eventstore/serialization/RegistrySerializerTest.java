package nl.partnershipregistry.eventstore.serialization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializationException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RegistrySerializerTest {

  private final RegistrySerializer serializer = RegistrySerializer.forEvents();
  private final JacksonSerializer axons =
      JacksonSerializer.builder().objectMapper(RegistryJackson.eventMapper()).build();

  @ParameterizedTest(name = "{0}")
  @MethodSource("nl.partnershipregistry.eventstore.serialization.RegistryJacksonTest#eventTypes")
  void every_event_reads_back_as_axons_serializer_reads_it_from_text_and_from_bytes(Class<?> type)
      throws Exception {
    Object event = RegistryJacksonTest.sample(type);
    SerializedObject<String> stored = serializer.serialize(event, String.class);
    SerializedObject<byte[]> bytes =
        new SimpleSerializedObject<>(
            stored.getData().getBytes(StandardCharsets.UTF_8), byte[].class, stored.getType());

    assertThat(stored.getData()).isEqualTo(axons.serialize(event, String.class).getData());
    for (int i = 0; i < 3; i++) {
      Object read = serializer.deserialize(stored);
      assertThat(read).isEqualTo(event).isEqualTo(axons.deserialize(stored));
      assertThat((Object) serializer.deserialize(bytes)).isEqualTo(event);
    }
  }

  @Test
  void metadata_reads_back_whole() {
    MetaData metaData = MetaData.from(Map.of("correlationId", "c-1", "traceId", "t-1"));
    SerializedObject<String> stored = serializer.serialize(metaData, String.class);

    assertThat((Object) serializer.deserialize(stored)).isEqualTo(metaData);
    assertThat(
            (Object)
                serializer.deserialize(
                    new SimpleSerializedObject<>(
                        "{}", String.class, MetaData.class.getName(), null)))
        .isEqualTo(MetaData.emptyInstance());
  }

  @Test
  void a_type_no_class_has_is_unknown_each_time_it_is_asked_for() {
    SerializedObject<String> stored =
        new SimpleSerializedObject<>("{\"a\":1}", String.class, "org.example.Gone", "1");

    for (int i = 0; i < 2; i++) {
      Object read = serializer.deserialize(stored);
      assertThat(read).isInstanceOf(UnknownSerializedType.class);
      assertThat(((UnknownSerializedType) read).serializedType().getName())
          .isEqualTo("org.example.Gone");
    }
    assertThat(serializer.classForType(new SimpleSerializedType("org.example.Gone", "1")))
        .isEqualTo(UnknownSerializedType.class);
  }

  @Test
  void the_empty_type_reads_as_nothing() {
    assertThat(
            (Object)
                serializer.deserialize(
                    new SimpleSerializedObject<>("", String.class, SerializedType.emptyType())))
        .isNull();
  }

  @Test
  void text_that_is_not_the_type_is_refused_as_axon_refuses_it() {
    SerializedObject<String> broken =
        new SimpleSerializedObject<>("{\"value\": ", String.class, MetaData.class.getName(), null);

    assertThatThrownBy(() -> serializer.deserialize(broken))
        .isInstanceOf(SerializationException.class);
    assertThatThrownBy(() -> axons.deserialize(broken)).isInstanceOf(SerializationException.class);
  }
}
