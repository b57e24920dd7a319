package nl.partnershipregistry.api.command;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Set;
import java.util.stream.Collectors;
import nl.partnershipregistry.core.common.InvalidValue;
import nl.partnershipregistry.eventstore.serialization.RegistryJackson;

/**
 * Reads commands from JSON, for the web edge and the import alike. The registry, not the client,
 * says who recorded a fact and when: {@code recorded} is set here and refused in the input. Unknown
 * fields are refused too, so that a misspelt field is not silently lost.
 */
public class CommandReader {

  /** The longest text a command may hold at all; fields have their own, smaller limits. */
  public static final int MAX_LINE_CHARS = 1_000_000;

  private static final String TYPE = RegistryJackson.TYPE_PROPERTY;
  private static final String RECORDED = "recorded";

  private final ObjectMapper mapper = strictMapper();

  /** The registry's JSON, refusing what a lenient reader would guess at: {@code "name": 42}. */
  private static ObjectMapper strictMapper() {
    ObjectMapper mapper =
        RegistryJackson.eventMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    mapper
        .coercionConfigFor(LogicalType.Textual)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    mapper
        .coercionConfigFor(LogicalType.Integer)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    return mapper;
  }

  /**
   * The command a parsed import line names in {@code type}; refused when it names none or an
   * unknown one.
   */
  public CommandCatalogue commandOf(ObjectNode json) {
    JsonNode type = json.get(TYPE);
    if (type == null || !type.isTextual()) {
      throw new InvalidInput(TYPE, "names the command and is missing");
    }
    return CommandCatalogue.named(type.asText())
        .orElseThrow(
            () ->
                new InvalidInput(
                    TYPE,
                    "'"
                        + abbreviate(type.asText())
                        + "' is not a command; the commands are "
                        + String.join(", ", CommandCatalogue.names())));
  }

  /** Reads a parsed import line as the command it names (see {@link #commandOf}). */
  public Object readLine(
      CommandCatalogue command, ObjectNode json, String recordedBy, Instant recordedAt) {
    return read(command, json, null, recordedBy, recordedAt);
  }

  /**
   * Reads a web request's body as the given command. The aggregate's identifier comes from the
   * path, if given; a different one in the body is refused.
   */
  public Object readBody(
      CommandCatalogue command,
      String body,
      String aggregateId,
      String recordedBy,
      Instant recordedAt) {
    return read(command, (ObjectNode) parse(body), aggregateId, recordedBy, recordedAt);
  }

  /** Parses a JSON object, refusing empty, oversized, malformed or non-object input. */
  public ObjectNode parse(String text) {
    if (text == null || text.isBlank()) {
      throw new InvalidInput(null, "the command is empty; expected a JSON object");
    }
    if (text.length() > MAX_LINE_CHARS) {
      throw new InvalidInput(
          null, "the command is " + text.length() + " characters; at most " + MAX_LINE_CHARS);
    }
    JsonNode json;
    try {
      json = mapper.readTree(text);
    } catch (JsonProcessingException e) {
      throw new InvalidInput(null, "is not valid JSON: " + e.getOriginalMessage());
    }
    if (json == null || !json.isObject()) {
      throw new InvalidInput(null, "expected a JSON object with the command's fields");
    }
    return (ObjectNode) json;
  }

  private Object read(
      CommandCatalogue command,
      ObjectNode json,
      String aggregateId,
      String recordedBy,
      Instant recordedAt) {
    JsonNode type = json.remove(TYPE);
    if (type != null && !type.asText().equals(command.commandName())) {
      throw new InvalidInput(
          TYPE, "names " + abbreviate(type.asText()) + " but this is " + command.commandName());
    }
    if (json.has(RECORDED)) {
      throw new InvalidInput(
          RECORDED, "is set by the registry (who recorded the fact, and when), not by the client");
    }
    String identifierField = command.target().identifierField();
    if (aggregateId != null) {
      JsonNode given = json.get(identifierField);
      if (given != null && !given.isNull() && !given.asText().equals(aggregateId)) {
        throw new InvalidInput(
            identifierField,
            "is " + abbreviate(given.asText()) + " but the path says " + aggregateId);
      }
      json.put(identifierField, aggregateId);
    }
    ObjectNode recorded = json.objectNode().put("at", recordedAt.toString()).put("by", recordedBy);
    json.set(RECORDED, recorded);
    if (json.get("replacement") instanceof ObjectNode replacement) {
      // A correction's replacement is a fact of the same partnership, recorded by the same user.
      if (replacement.has(RECORDED)) {
        throw new InvalidInput("replacement.recorded", "is set by the registry");
      }
      replacement.set(RECORDED, recorded.deepCopy());
      if (!replacement.has(identifierField) && json.hasNonNull(identifierField)) {
        replacement.set(identifierField, json.get(identifierField));
      }
    }
    // Checked before reading, so that a misspelt field is named rather than the missing one.
    Set<String> fields =
        Arrays.stream(command.commandClass().getRecordComponents())
            .map(RecordComponent::getName)
            .collect(Collectors.toSet());
    for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!fields.contains(name)) {
        throw unknownField(command, abbreviate(name));
      }
    }
    try {
      return mapper.treeToValue(json, command.commandClass());
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw translate(command, e);
    }
  }

  private static InvalidInput translate(CommandCatalogue command, Exception e) {
    InvalidValue invalid = cause(e, InvalidValue.class);
    if (invalid != null) {
      String problem = invalid.getMessage().substring(invalid.field().length() + 2);
      String path = e instanceof JsonMappingException mapping ? path(mapping) : "";
      if (path.isEmpty() || path.equals(invalid.field()) || path.endsWith("." + invalid.field())) {
        return new InvalidInput(path.isEmpty() ? invalid.field() : path, problem);
      }
      // A value inside the field at the path: its own message names what it is.
      return new InvalidInput(path, invalid.getMessage());
    }
    if (e instanceof UnrecognizedPropertyException unknown) {
      return new InvalidInput(
          path(unknown),
          "is not a field of "
              + simpleName(unknown.getReferringClass())
              + "; its fields are "
              + unknown.getKnownPropertyIds().stream()
                  .map(String::valueOf)
                  .filter(name -> !name.equals(RECORDED))
                  .sorted()
                  .collect(Collectors.joining(", ")));
    }
    if (e instanceof InvalidFormatException format) {
      String expected =
          format.getTargetType() != null && format.getTargetType().isEnum()
              ? "one of "
                  + Arrays.stream(format.getTargetType().getEnumConstants())
                      .map(String::valueOf)
                      .collect(Collectors.joining(", "))
              : "a " + simpleName(format.getTargetType());
      return new InvalidInput(
          path(format),
          "'" + abbreviate(String.valueOf(format.getValue())) + "' is not " + expected);
    }
    if (e instanceof MismatchedInputException mismatch) {
      return new InvalidInput(
          path(mismatch),
          "has the wrong kind of value; expected " + simpleName(mismatch.getTargetType()));
    }
    if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      String detail = mapping.getCause() != null ? mapping.getCause().getMessage() : null;
      return new InvalidInput(
          path(mapping), detail != null ? abbreviate(detail) : "has an invalid value");
    }
    String message =
        e instanceof JacksonException jackson ? jackson.getOriginalMessage() : e.getMessage();
    return new InvalidInput(null, abbreviate(String.valueOf(message)));
  }

  private static InvalidInput unknownField(CommandCatalogue command, String name) {
    String fields =
        Arrays.stream(command.commandClass().getRecordComponents())
            .map(RecordComponent::getName)
            .filter(field -> !field.equals(RECORDED))
            .collect(Collectors.joining(", "));
    return new InvalidInput(
        name, "is not a field of " + command.commandName() + "; its fields are " + fields);
  }

  private static String path(JsonMappingException e) {
    return e.getPath().stream()
        .map(
            reference ->
                reference.getFieldName() != null
                    ? reference.getFieldName()
                    : String.valueOf(reference.getIndex()))
        .collect(Collectors.joining("."));
  }

  private static String simpleName(Class<?> type) {
    if (type == null) {
      return "value";
    }
    if (type.isRecord() && type.getRecordComponents().length == 1) {
      return "text";
    }
    return type.getSimpleName();
  }

  private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return null;
  }

  /** Client text in a message, cut short: a message never repeats a huge input. */
  static String abbreviate(String text) {
    return text.length() <= 80 ? text : text.substring(0, 77) + "...";
  }
}
