package nl.partnershipregistry.api.command;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import nl.partnershipregistry.core.common.FactDate;
import nl.partnershipregistry.core.common.InvalidValue;
import nl.partnershipregistry.core.common.Money;
import nl.partnershipregistry.core.common.Require;
import nl.partnershipregistry.eventstore.serialization.RegistryJackson;

/**
 * Reads commands from JSON, for the web edge and the import alike. The registry, not the client,
 * says who recorded a fact and when: {@code recorded} is set here and refused in the input. Unknown
 * fields are refused too, so that a misspelt field is not silently lost.
 *
 * <p>The JSON is read strictly: the bytes must be UTF-8 and the text valid Unicode (no half of a
 * surrogate pair on its own), each field is given once, a value has the kind its field holds (no
 * {@code "5"} for a number, no {@code 2011} for a date), and fractions are read as exact decimals.
 * What is refused is named by its field, in words that say nothing of how the registry is built.
 */
public class CommandReader {

  /** The largest command, in bytes, when no other limit is configured. */
  public static final int DEFAULT_MAX_BYTES = 1024 * 1024;

  private static final String TYPE = RegistryJackson.TYPE_PROPERTY;
  private static final String RECORDED = "recorded";

  /** The registry's JSON reader: it reads the commands and says what fields their types have. */
  private static final ObjectMapper READING = strictMapper();

  private final int maxBytes;

  public CommandReader() {
    this(DEFAULT_MAX_BYTES);
  }

  /**
   * A reader of commands of at most {@code maxBytes} bytes of UTF-8: the same limit as the web's
   * for a request body ({@code spring.codec.max-in-memory-size}), so that a command is refused as
   * too large in one way only.
   */
  public CommandReader(int maxBytes) {
    this.maxBytes = maxBytes;
  }

  /** The largest command (a request body, a line of an import), in bytes. */
  public int maxBytes() {
    return maxBytes;
  }

  /** The registry's JSON, refusing what a lenient reader would guess at: {@code "name": 42}. */
  private static ObjectMapper strictMapper() {
    ObjectMapper mapper =
        RegistryJackson.eventMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS);
    mapper
        .coercionConfigFor(LogicalType.Textual)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    mapper
        .coercionConfigFor(LogicalType.Integer)
        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    mapper
        .coercionConfigFor(LogicalType.Float)
        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    mapper
        .coercionConfigFor(LogicalType.Boolean)
        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
    mapper
        .coercionConfigFor(LogicalType.Enum)
        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
    mapper
        .coercionConfigFor(LogicalType.Collection)
        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
    mapper
        .coercionConfigFor(LogicalType.POJO)
        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
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
   * Reads a web request's body, UTF-8 bytes, as the given command. The aggregate's identifier comes
   * from the path, if given; a different one in the body is refused.
   */
  public Object readBody(
      CommandCatalogue command,
      byte[] body,
      String aggregateId,
      String recordedBy,
      Instant recordedAt) {
    return read(command, parse(body), aggregateId, recordedBy, recordedAt);
  }

  /** Parses a JSON object from UTF-8 bytes (a body, a line of an import); see {@link #parse}. */
  public ObjectNode parse(byte[] utf8) {
    if (utf8 == null || utf8.length == 0) {
      throw new InvalidInput(null, "the command is empty; expected a JSON object");
    }
    if (utf8.length > maxBytes) {
      throw tooLarge(utf8.length);
    }
    return parse(decode(utf8));
  }

  /** Parses a JSON object, refusing empty, oversized, malformed or non-object input. */
  public ObjectNode parse(String text) {
    if (text == null || text.isBlank()) {
      throw new InvalidInput(null, "the command is empty; expected a JSON object");
    }
    // Counted in bytes as the web counts a body: a character takes up to three.
    if ((long) text.length() * 3 > maxBytes) {
      long bytes = utf8Length(text);
      if (bytes > maxBytes) {
        throw tooLarge(bytes);
      }
    }
    JsonNode json;
    try {
      json = READING.readTree(text);
    } catch (JsonProcessingException e) {
      throw unreadable(e);
    }
    if (json == null || !json.isObject()) {
      throw new InvalidInput(null, "expected a JSON object with the command's fields");
    }
    requireUnicode(json, "");
    return (ObjectNode) json;
  }

  private InputTooLarge tooLarge(long bytes) {
    return new InputTooLarge(
        "The command is " + bytes + " bytes; a command holds at most " + maxBytes + " bytes.");
  }

  private static long utf8Length(String text) {
    long bytes = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      bytes += c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
    }
    return bytes;
  }

  /**
   * UTF-8 bytes as text, refusing what is not UTF-8 (a stray byte, a cut-off or overlong sequence,
   * an encoded surrogate) rather than replacing it: the field it is in is named.
   */
  public static String decode(byte[] utf8) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(utf8);
    CharBuffer out = CharBuffer.allocate(utf8.length);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      int position = in.position();
      String before = new String(utf8, 0, position, StandardCharsets.UTF_8);
      String field = fieldAtEnd(before);
      throw new InvalidInput(
          field,
          (field == null ? "the command " : "")
              + "is not valid UTF-8: byte "
              + (position + 1)
              + " does not begin a character");
    }
    out.flip();
    return out.toString();
  }

  /** The field whose value a piece of JSON, cut off in the middle, was in; null for none. */
  private static String fieldAtEnd(String cutOff) {
    JsonParser parser;
    try {
      parser = new JsonFactory().createParser(cutOff);
    } catch (IOException e) {
      return null;
    }
    try (parser) {
      while (parser.nextToken() != null) {
        // to the end, or to where the cut-off JSON breaks
      }
    } catch (IOException e) {
      // the end of the piece: the parser stands at the field
    }
    String path = path(parser.getParsingContext());
    return path.isEmpty() ? null : path;
  }

  /** A path as the registry names fields: {@code quantity.amount}, {@code findings.2}. */
  private static String path(JsonStreamContext context) {
    List<String> names = new ArrayList<>();
    for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
      if (c.inObject() && c.getCurrentName() != null) {
        names.add(0, abbreviate(c.getCurrentName()));
      } else if (c.inArray() && c.getCurrentIndex() >= 0) {
        names.add(0, String.valueOf(c.getCurrentIndex()));
      }
    }
    return String.join(".", names);
  }

  /** Text the registry could not store as it is: half of a surrogate pair, in a value or a name. */
  private static void requireUnicode(JsonNode node, String path) {
    if (node.isTextual()) {
      int at = Require.loneSurrogate(node.textValue());
      if (at >= 0) {
        throw new InvalidInput(
            path.isEmpty() ? null : path,
            "is not valid Unicode text: character "
                + (at + 1)
                + " is half of a surrogate pair on its own");
      }
    } else if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> field = fields.next();
        String name = field.getKey();
        if (Require.loneSurrogate(name) >= 0) {
          throw new InvalidInput(
              path.isEmpty() ? null : path,
              "has a field name that is not valid Unicode text (half of a surrogate pair)");
        }
        requireUnicode(field.getValue(), path.isEmpty() ? name : path + "." + name);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        requireUnicode(node.get(i), path.isEmpty() ? String.valueOf(i) : path + "." + i);
      }
    }
  }

  /** Malformed JSON, in words: where it breaks, never the parser's own message. */
  private static InvalidInput unreadable(JsonProcessingException e) {
    String field =
        e.getProcessor() instanceof JsonParser parser ? path(parser.getParsingContext()) : "";
    String at =
        e.getLocation() != null && e.getLocation().getLineNr() > 0
            ? " (line "
                + e.getLocation().getLineNr()
                + ", column "
                + e.getLocation().getColumnNr()
                + ")"
            : "";
    String original = String.valueOf(e.getOriginalMessage());
    if (original.startsWith("Duplicate field")) {
      return new InvalidInput(
          field.isEmpty() ? null : field, "is given twice; each field is given once" + at);
    }
    if (e instanceof StreamConstraintsException) {
      String what =
          original.contains("esting depth")
              ? "is nested too deeply"
              : original.contains("umber")
                  ? "holds a number with too many digits"
                  : "holds a value longer than allowed";
      return new InvalidInput(null, "the command " + what + at);
    }
    return new InvalidInput(
        field.isEmpty() ? null : field,
        (field.isEmpty() ? "the command " : "") + "is not valid JSON" + at);
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
      if (given != null
          && !given.isNull()
          && (!given.isTextual() || !given.asText().equals(aggregateId))) {
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
    // Checked before reading, so that a misspelt field is named rather than the missing one: the
    // reader checks unknown fields of an object only after making it from the fields it knows.
    requireKnownFields(
        json, READING.constructType(command.commandClass()), "", command.commandName());
    try {
      return READING.treeToValue(json, command.commandClass());
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
      // A value object naming its own part: quantity.amount within the field quantity.
      String last = path.substring(path.lastIndexOf('.') + 1);
      if (invalid.field().startsWith(last + ".")) {
        return new InvalidInput(
            path.substring(0, path.length() - last.length()) + invalid.field(), problem);
      }
      // A value inside the field at the path: its own message names what it is.
      return new InvalidInput(path, invalid.getMessage());
    }
    if (e instanceof UnrecognizedPropertyException unknown) {
      return new InvalidInput(
          path(unknown),
          "is not a field here; its fields are "
              + unknown.getKnownPropertyIds().stream()
                  .map(String::valueOf)
                  .filter(name -> !name.equals(RECORDED))
                  .sorted()
                  .collect(Collectors.joining(", ")));
    }
    if (e instanceof InvalidTypeIdException typeId) {
      return new InvalidInput(
          path(typeId).isEmpty() ? TYPE : path(typeId) + "." + TYPE,
          typeId.getTypeId() == null
              ? "names the kind of fact and is missing"
              : "'" + abbreviate(typeId.getTypeId()) + "' is not a kind of fact");
    }
    if (e instanceof InvalidFormatException format) {
      Class<?> target = format.getTargetType();
      Object value = format.getValue();
      if (target != null && target.isEnum() && value instanceof String text) {
        return new InvalidInput(
            path(format), "'" + abbreviate(text) + "' is not " + describe(target));
      }
      return new InvalidInput(path(format), "must be " + describe(target) + given(value));
    }
    if (e instanceof MismatchedInputException mismatch
        && String.valueOf(mismatch.getOriginalMessage())
            .startsWith("Cannot map `null` into type")) {
      // A yes/no or a number left out (or given as null): required, not of the wrong kind.
      String type = mismatch.getOriginalMessage().replaceAll(".*into type `([a-z]+)`.*", "$1");
      return new InvalidInput(
          path(mismatch),
          "is required"
              + switch (type) {
                case "boolean" -> ": true or false";
                case "int", "long", "short" -> ": a whole number";
                default -> "";
              });
    }
    if (e instanceof MismatchedInputException mismatch) {
      return new InvalidInput(
          path(mismatch),
          mismatch.getTargetType() == null
              ? "has the wrong kind of value"
              : "must be " + describe(mismatch.getTargetType()));
    }
    if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      return new InvalidInput(path(mapping), "has an invalid value");
    }
    if (e instanceof JsonProcessingException processing) {
      return unreadable(processing);
    }
    return new InvalidInput(null, "the command cannot be read");
  }

  /**
   * Refuses the first field of {@code json}, or of an object or list of objects inside it, that its
   * type does not have, naming it by its path and listing the fields the type has. A fact of a kind
   * named in the JSON (a correction's replacement) is left to the reader.
   */
  private static void requireKnownFields(JsonNode json, JavaType type, String path, String what) {
    if (json instanceof ArrayNode list && type.isCollectionLikeType()) {
      for (int i = 0; i < list.size(); i++) {
        requireKnownFields(list.get(i), type.getContentType(), path + "[" + i + "]", what);
      }
      return;
    }
    Class<?> raw = kindNamedIn(json, type.getRawClass());
    if (!(json instanceof ObjectNode object)
        || !raw.isRecord()
        || RegistryJackson.isStringValue(raw)) {
      return;
    }
    Map<String, JavaType> fields = new LinkedHashMap<>();
    for (BeanPropertyDefinition property : properties(READING.constructType(raw))) {
      fields.put(property.getName(), property.getPrimaryType());
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      String at = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
      JavaType fieldType = fields.get(field.getKey());
      if (fieldType == null && !field.getKey().equals(RECORDED) && !field.getKey().equals(TYPE)) {
        throw new InvalidInput(
            abbreviate(at),
            "is not a field of " + what + "; its fields are " + String.join(", ", fieldsOf(raw)));
      }
      if (fieldType != null) {
        requireKnownFields(field.getValue(), fieldType, at, at);
      }
    }
  }

  /**
   * The kind of fact a JSON object names in its {@code type} field, where the field's type is a
   * kind of fact (a correction's replacement); otherwise, or when it names no known kind, {@code
   * declared}.
   */
  private static Class<?> kindNamedIn(JsonNode json, Class<?> declared) {
    JsonNode named = json.get(TYPE);
    if (!declared.isInterface() || named == null || !named.isTextual()) {
      return declared;
    }
    var config = READING.getDeserializationConfig();
    return READING
        .getSubtypeResolver()
        .collectAndResolveSubtypesByClass(
            config, config.introspectClassAnnotations(declared).getClassInfo())
        .stream()
        .filter(kind -> named.asText().equals(kind.getName()))
        .<Class<?>>map(kind -> kind.getType())
        .findFirst()
        .orElse(declared);
  }

  /**
   * The fields a client gives for {@code type}, in their order, as the registry's JSON reader
   * itself reads the type (not the fields the registry sets, such as {@code recorded}).
   */
  static List<String> fieldsOf(Class<?> type) {
    return properties(READING.constructType(type)).stream()
        .map(BeanPropertyDefinition::getName)
        .filter(name -> !name.equals(RECORDED))
        .toList();
  }

  private static List<BeanPropertyDefinition> properties(JavaType type) {
    return READING.getDeserializationConfig().introspect(type).findProperties();
  }

  /** What a field holds, in a registrar's words rather than a Java type's name. */
  static String describe(Class<?> type) {
    if (type == null) {
      return "a value of another kind";
    }
    if (type == String.class || type == char.class || type == Character.class) {
      return "text";
    }
    if (type == int.class
        || type == Integer.class
        || type == long.class
        || type == Long.class
        || type == short.class
        || type == Short.class
        || type == BigInteger.class) {
      return "a whole number, without quotes";
    }
    if (type == BigDecimal.class
        || type == Money.class
        || type == double.class
        || type == Double.class
        || type == float.class
        || type == Float.class) {
      return "a number, without quotes";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "true or false";
    }
    if (type == FactDate.class) {
      return "a date in quotes: \"2008\", \"2008-03\" or \"2008-03-15\", circa \"2009~\","
          + " no later than \"[..2021-05]\", no earlier than \"[2015..]\""
          + " or between \"[2005..2008]\"";
    }
    if (type == Instant.class) {
      return "a moment in quotes, such as \"2026-11-23T10:00:00Z\"";
    }
    if (type.isEnum()) {
      return "one of "
          + Arrays.stream(type.getEnumConstants())
              .map(String::valueOf)
              .collect(Collectors.joining(", "));
    }
    if (Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "a list, in [ ]";
    }
    if (RegistryJackson.isStringValue(type)) {
      return "an identifier in quotes (" + Require.IDENTIFIER_RULE + ")";
    }
    if (type.isRecord()) {
      return "an object with the fields " + String.join(", ", fieldsOf(type));
    }
    if (type.isInterface()) {
      return "a fact: an object naming its kind in \"" + TYPE + "\"";
    }
    return "a value of another kind";
  }

  /** The value a client gave where another kind belonged, as a reminder: {@code ; got text}. */
  private static String given(Object value) {
    if (value instanceof String text) {
      return "; got the text '" + abbreviate(text) + "'";
    }
    if (value instanceof Number number) {
      return "; got the number " + abbreviate(String.valueOf(number));
    }
    if (value instanceof Boolean flag) {
      return "; got " + flag;
    }
    return "";
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

  /**
   * Client text in a message, cut short: a message never repeats a huge input, nor text that is not
   * valid Unicode.
   */
  static String abbreviate(String text) {
    String shown = text.length() <= 80 ? text : text.substring(0, 77) + "...";
    StringBuilder valid = new StringBuilder(shown.length());
    for (int i = 0; i < shown.length(); i++) {
      char c = shown.charAt(i);
      boolean pair =
          Character.isHighSurrogate(c)
              && i + 1 < shown.length()
              && Character.isLowSurrogate(shown.charAt(i + 1));
      if (pair) {
        valid.append(c).append(shown.charAt(++i));
      } else {
        valid.append(Character.isSurrogate(c) ? '\uFFFD' : c);
      }
    }
    return valid.toString();
  }
}
