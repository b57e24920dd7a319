package nl.partnershipregistry.eventstore.serialization;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.deser.Deserializers;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.Serializers;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Instant;
import nl.partnershipregistry.core.common.Exactness;
import nl.partnershipregistry.core.common.FactDate;
import nl.partnershipregistry.core.common.IsoInstants;
import nl.partnershipregistry.core.common.Money;
import nl.partnershipregistry.core.common.Quantity;
import nl.partnershipregistry.core.organisation.OrganisationFact;
import nl.partnershipregistry.core.partnership.event.PartnershipEvent;
import nl.partnershipregistry.core.partnership.event.PartnershipEvents;

/**
 * How the registry's messages look in JSON, in the event store, in exports and on the web.
 *
 * <ul>
 *   <li>identifiers (records with one {@code String value}) are plain strings: {@code "stbk"};
 *   <li>a {@link FactDate} is its text: {@code "2008"}, {@code "2008-03"} or {@code "2008-03-15"},
 *       never a number;
 *   <li>{@link Money} is a plain number of euros: {@code 450000} or {@code 1250.50}, never text;
 *   <li>a {@link Quantity} is {@code {"amount":150,"unit":"PLACES"}}, with {@code "exactness"} only
 *       when the source hedges ({@code "APPROXIMATE"}, {@code "AT_LEAST"}): an exact quantity is
 *       written as it always was, and one without the property reads as exact;
 *   <li>numbers with a fraction are read as exact decimals and written in plain notation, never
 *       through a {@code double}: an amount reads back digit for digit;
 *   <li>every event carries its type's simple name in {@code "type"}, so that a correction's
 *       replacement (any partnership fact) reads back as the right record;
 *   <li>instants are ISO-8601 text (read by {@link IsoInstants} in the shape the registry writes).
 * </ul>
 *
 * The domain module knows nothing of Jackson; this module teaches Jackson the domain.
 */
public final class RegistryJackson {

  /** The property that names an event's type. */
  public static final String TYPE_PROPERTY = "type";

  private RegistryJackson() {}

  /** A mapper for stored events: lenient about properties it does not know (older versions). */
  public static ObjectMapper eventMapper() {
    return JsonMapper.builder()
        .addModule(new JavaTimeModule())
        .addModule(module())
        .addModule(
            new SimpleModule("registry-instants")
                .addDeserializer(Instant.class, new WrittenInstantDeserializer()))
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
        .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
        .build();
  }

  /** The registry's Jackson module, for mappers configured elsewhere (the web edge). */
  public static SimpleModule module() {
    SimpleModule module =
        new SimpleModule("partnership-registry") {
          @Override
          public void setupModule(SetupContext context) {
            super.setupModule(context);
            context.addSerializers(new StringValueSerializers());
            context.addDeserializers(new StringValueDeserializers());
          }
        };
    module.setMixInAnnotation(PartnershipEvent.class, TypedEvent.class);
    module.setMixInAnnotation(OrganisationFact.class, TypedEvent.class);
    module.setMixInAnnotation(Quantity.class, QuantityJson.class);
    for (Class<?> type : PartnershipEvents.types()) {
      module.registerSubtypes(new NamedType(type, type.getSimpleName()));
    }
    for (Class<?> type : OrganisationFact.class.getPermittedSubclasses()) {
      module.registerSubtypes(new NamedType(type, type.getSimpleName()));
    }
    module.addSerializer(FactDate.class, ToStringSerializer.instance);
    module.addDeserializer(FactDate.class, new FactDateDeserializer());
    module.addSerializer(Money.class, new MoneySerializer());
    module.addDeserializer(Money.class, new MoneyDeserializer());
    return module;
  }

  /**
   * Whether a type is an identifier: a record whose only component is {@code String value}, read
   * and written as a plain string. The one definition, for the codec and for what the command
   * reader says a field must hold.
   */
  public static boolean isStringValue(Class<?> type) {
    if (!type.isRecord()) {
      return false;
    }
    RecordComponent[] components = type.getRecordComponents();
    return components.length == 1
        && components[0].getName().equals("value")
        && components[0].getType() == String.class;
  }

  @JsonTypeInfo(
      use = JsonTypeInfo.Id.NAME,
      include = JsonTypeInfo.As.PROPERTY,
      property = TYPE_PROPERTY)
  private interface TypedEvent {}

  private interface QuantityJson {
    @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = ExactFilter.class)
    Exactness exactness();
  }

  /** Leaves an exact quantity's exactness out, as it was before the property existed. */
  static final class ExactFilter {
    @Override
    public boolean equals(Object value) {
      return value == null || value == Exactness.EXACT;
    }

    @Override
    public int hashCode() {
      return 0;
    }
  }

  private static final class FactDateDeserializer extends StdScalarDeserializer<FactDate> {

    FactDateDeserializer() {
      super(FactDate.class);
    }

    @Override
    public FactDate deserialize(JsonParser parser, DeserializationContext context)
        throws IOException {
      // Dates are text: 2011 where "2011" belongs is refused, as the registry never writes it.
      if (parser.currentToken() != JsonToken.VALUE_STRING) {
        return (FactDate) context.handleUnexpectedToken(FactDate.class, parser);
      }
      return FactDate.parse(parser.getText());
    }
  }

  /**
   * Instants as the registry writes them read by {@link IsoInstants}, any other form by the
   * standard {@code java.time} deserializer, with the same result.
   */
  private static final class WrittenInstantDeserializer extends StdScalarDeserializer<Instant> {

    WrittenInstantDeserializer() {
      super(Instant.class);
    }

    @Override
    public Instant deserialize(JsonParser parser, DeserializationContext context)
        throws IOException {
      if (parser.currentToken() == JsonToken.VALUE_STRING) {
        Instant quick = IsoInstants.quick(parser.getText());
        if (quick != null) {
          return quick;
        }
      }
      return com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer.INSTANT.deserialize(
          parser, context);
    }
  }

  private static final class MoneySerializer extends StdSerializer<Money> {

    MoneySerializer() {
      super(Money.class);
    }

    @Override
    public void serialize(Money value, JsonGenerator generator, SerializerProvider provider)
        throws IOException {
      generator.writeNumber(value.euros());
    }
  }

  /** A number of euros, read exactly; text ({@code "1250.50"}) is refused, not coerced. */
  private static final class MoneyDeserializer extends StdScalarDeserializer<Money> {

    MoneyDeserializer() {
      super(Money.class);
    }

    @Override
    public Money deserialize(JsonParser parser, DeserializationContext context) throws IOException {
      JsonToken token = parser.currentToken();
      if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
        BigDecimal euros = parser.getDecimalValue();
        return new Money(euros);
      }
      return (Money) context.handleUnexpectedToken(Money.class, parser);
    }
  }

  private static final class StringValueSerializers extends Serializers.Base {

    @Override
    public JsonSerializer<?> findSerializer(
        SerializationConfig config, JavaType type, BeanDescription description) {
      return isStringValue(type.getRawClass()) ? new StringValueSerializer() : null;
    }
  }

  private static final class StringValueSerializer extends StdSerializer<Record> {

    StringValueSerializer() {
      super(Record.class);
    }

    @Override
    public void serialize(Record value, JsonGenerator generator, SerializerProvider provider)
        throws IOException {
      generator.writeString(value.toString());
    }
  }

  private static final class StringValueDeserializers extends Deserializers.Base {

    @Override
    public JsonDeserializer<?> findBeanDeserializer(
        JavaType type, DeserializationConfig config, BeanDescription description) {
      Class<?> raw = type.getRawClass();
      return isStringValue(raw) ? new StringValueDeserializer(raw) : null;
    }
  }

  private static final class StringValueDeserializer extends StdScalarDeserializer<Object> {

    private final transient Constructor<?> constructor;

    StringValueDeserializer(Class<?> type) {
      super(type);
      try {
        this.constructor = type.getDeclaredConstructor(String.class);
      } catch (NoSuchMethodException e) {
        throw new IllegalStateException(type + " has no canonical String constructor", e);
      }
    }

    @Override
    public Object deserialize(JsonParser parser, DeserializationContext context)
        throws IOException {
      // Identifiers are text: a number or a boolean where one belongs is a mistake, not an id.
      if (parser.currentToken() != JsonToken.VALUE_STRING) {
        return context.handleUnexpectedToken(handledType(), parser);
      }
      try {
        return constructor.newInstance(parser.getValueAsString());
      } catch (InvocationTargetException e) {
        if (e.getCause() instanceof RuntimeException runtime) {
          throw runtime;
        }
        throw new IOException(e.getCause());
      } catch (InstantiationException | IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
