package nl.partnershipregistry.eventstore.serialization;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.axonframework.serialization.SerializationException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * Axon's {@link JacksonSerializer} for the registry's messages, made fit for reading events by the
 * hundred thousand: Axon's looks up a stored type's class and builds a Jackson reader for it for
 * every payload and every metadata it reads, and turns the stored JSON text into bytes first. This
 * one remembers the classes it found and their readers, and reads the stored text as it is. What it
 * reads, and what it writes, are the same as Axon's.
 */
public final class RegistrySerializer extends JacksonSerializer {

  private final ConcurrentMap<TypeName, Class<?>> classes = new ConcurrentHashMap<>();
  private final ConcurrentMap<Class<?>, ObjectReader> readers = new ConcurrentHashMap<>();

  private RegistrySerializer(JacksonSerializer.Builder builder) {
    super(builder);
  }

  /** A serializer of the registry's messages with {@code mapper}. */
  public static RegistrySerializer using(ObjectMapper mapper) {
    return new RegistrySerializer(JacksonSerializer.builder().objectMapper(mapper));
  }

  /** A serializer with {@link RegistryJackson#eventMapper()}. */
  public static RegistrySerializer forEvents() {
    return using(RegistryJackson.eventMapper());
  }

  @Override
  public <S, T> T deserialize(SerializedObject<S> serializedObject) {
    if (serializedObject.getData() instanceof String json
        && !SerializedType.emptyType().equals(serializedObject.getType())) {
      Class<?> type = classForType(serializedObject.getType());
      if (!UnknownSerializedType.class.isAssignableFrom(type)) {
        try {
          return getReader(type).readValue(json);
        } catch (IOException e) {
          throw new SerializationException("Error while deserializing object", e);
        }
      }
    }
    return super.deserialize(serializedObject);
  }

  /** The class of a stored type; classes found are remembered, unknown ones asked for again. */
  @Override
  @SuppressWarnings("rawtypes")
  public Class classForType(SerializedType type) {
    TypeName name = new TypeName(type.getName(), type.getRevision());
    Class<?> known = classes.get(name);
    if (known != null) {
      return known;
    }
    Class<?> found = super.classForType(type);
    if (!UnknownSerializedType.class.isAssignableFrom(found)) {
      classes.put(name, found);
    }
    return found;
  }

  @Override
  protected ObjectReader getReader(Class<?> type) {
    return readers.computeIfAbsent(type, super::getReader);
  }

  private record TypeName(String name, String revision) {}
}
