package nl.partnershipregistry.api.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.partnershipregistry.core.common.FactDate;
import nl.partnershipregistry.core.common.InvalidValue;
import nl.partnershipregistry.core.common.Money;
import nl.partnershipregistry.core.common.Recording;
import nl.partnershipregistry.core.partnership.command.RegisterPartnership;
import nl.partnershipregistry.core.partnership.event.PartnershipFact;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/commands.md}, the reference of every command an import line or a {@code POST} may
 * carry, is made from the code and must say what the code says: the commands of {@link
 * CommandCatalogue} with their fields in order; whether a field is required, found by making the
 * command without it (its own check refuses it, or not); each field's kind in the words a refusal
 * uses ({@link CommandReader#describe}); the value objects' fields likewise; and every enumeration
 * with its values and what each means (the value's documentation in the source). When the code
 * changes, regenerate the page: {@code ./mvnw -o test -pl registry-api -am
 * -Dtest=CommandReferenceTest -Dsurefire.failIfNoSpecifiedTests=false -Dregistry.docs.write=true}.
 */
class CommandReferenceTest {

  static final Path PAGE = Path.of("..", "docs", "commands.md");
  static final Path CORE_SOURCES = Path.of("..", "registry-core", "src", "main", "java");
  static final String RECORDED = "recorded";

  private final Map<String, Class<?>> valueTypes = new TreeMap<>();
  private final Map<String, Class<?>> enumerations = new TreeMap<>();

  @Test
  void the_command_reference_says_what_the_code_says() throws IOException {
    String generated = reference();
    if (Boolean.getBoolean("registry.docs.write")) {
      Files.writeString(PAGE, generated, StandardCharsets.UTF_8);
    }
    assertThat(Files.exists(PAGE)).as(PAGE + " exists").isTrue();
    assertThat(Files.readString(PAGE, StandardCharsets.UTF_8))
        .as(
            "docs/commands.md is not what the code says; regenerate it with ./mvnw -o test -pl"
                + " registry-api -am -Dtest=CommandReferenceTest"
                + " -Dsurefire.failIfNoSpecifiedTests=false -Dregistry.docs.write=true")
        .isEqualTo(generated);
  }

  @Test
  void every_value_of_every_enumeration_a_command_takes_says_what_it_means() throws IOException {
    reference();
    assertThat(enumerations).isNotEmpty();
    for (Class<?> type : enumerations.values()) {
      Map<String, String> meanings = constantDocumentation(type);
      for (Object constant : type.getEnumConstants()) {
        assertThat(meanings.get(((Enum<?>) constant).name()))
            .as(type.getSimpleName() + "." + constant + " documented in its source")
            .isNotBlank();
      }
    }
  }

  @Test
  void a_required_field_left_out_is_refused_naming_it_and_an_optional_one_is_not() {
    Class<?> type = RegisterPartnership.class;
    assertThat(required(type, component(type, "name"))).isTrue();
    assertThat(required(type, component(type, "occurredOn"))).isTrue();
    assertThat(required(type, component(type, "region"))).isFalse();
    assertThat(required(type, component(type, "goal"))).isFalse();
  }

  String reference() throws IOException {
    StringBuilder page = new StringBuilder();
    page.append("# Commands: every field, every value\n\n")
        .append(
            "Made from the code by `CommandReferenceTest` (which fails the build when this page and"
                + " the code differ). A command is one line of an [import](import.md), with its"
                + " name in `type`, or the body of a `POST` to its address (without `type` and"
                + " without the identifier, which is in the path); see the [event"
                + " catalogue](events.md) for what each records and the rules that may refuse it."
                + " `recorded` (who recorded the fact, and when) is never sent: the registry sets"
                + " it. A field marked *required* that is left out, or given as `null`, is refused"
                + " with 400 naming it; an optional one may be left out.\n\n");
    page.append("## Commands\n\n");
    for (CommandCatalogue command : CommandCatalogue.values()) {
      command(page, command);
    }
    page.append("## Values\n\nThe objects the commands hold, with their fields.\n\n");
    for (int done = 0; done < valueTypes.size(); ) {
      // Describing a value type may find others inside it; go on until none is new.
      List<Class<?>> types = new ArrayList<>(valueTypes.values());
      done = types.size();
      for (Class<?> type : types) {
        describeFields(new StringBuilder(), type);
      }
      if (valueTypes.size() == done) {
        break;
      }
    }
    for (Class<?> type : valueTypes.values()) {
      page.append("### `").append(type.getSimpleName()).append("`\n\n");
      page.append(describeFields(new StringBuilder(), type)).append('\n');
    }
    page.append(
        "## Enumerations\n\nThe values a field of each kind takes, and what each means.\n\n");
    for (Class<?> type : enumerations.values()) {
      page.append("### `").append(type.getSimpleName()).append("`\n\n");
      String about = typeDocumentation(type);
      if (!about.isEmpty()) {
        page.append(about).append("\n\n");
      }
      page.append("| value | meaning |\n|---|---|\n");
      Map<String, String> meanings = constantDocumentation(type);
      for (Object constant : type.getEnumConstants()) {
        String name = ((Enum<?>) constant).name();
        page.append("| `")
            .append(name)
            .append("` | ")
            .append(meanings.getOrDefault(name, ""))
            .append(" |\n");
      }
      page.append('\n');
    }
    return page.toString();
  }

  private void command(StringBuilder page, CommandCatalogue command) {
    Class<?> type = command.commandClass();
    page.append("### `").append(command.commandName()).append("`\n\n");
    page.append(command.summary()).append(" `POST ").append(command.path()).append('`');
    factOf(type).ifPresent(fact -> page.append("; records the fact `").append(fact).append('`'));
    page.append(".\n\n");
    describeFields(page, type);
    page.append('\n');
  }

  private StringBuilder describeFields(StringBuilder page, Class<?> type) {
    page.append("| field | required | value |\n|---|---|---|\n");
    for (RecordComponent component : type.getRecordComponents()) {
      if (component.getName().equals(RECORDED)) {
        continue;
      }
      page.append("| `")
          .append(component.getName())
          .append("` | ")
          .append(required(type, component) ? "required" : "optional")
          .append(" | ")
          .append(kind(component).replace("|", "\\|"))
          .append(" |\n");
    }
    return page;
  }

  private String kind(RecordComponent component) {
    Class<?> type = component.getType();
    if (List.class.isAssignableFrom(type)
        && component.getGenericType() instanceof ParameterizedType list) {
      Type element = list.getActualTypeArguments()[0];
      return "a list, in [ ], of " + kind((Class<?>) element);
    }
    return kind(type);
  }

  private String kind(Class<?> type) {
    if (type.isEnum()) {
      enumerations.put(type.getSimpleName(), type);
      return "one of [`" + type.getSimpleName() + "`](#" + anchor(type) + ")";
    }
    if (type.isRecord() && type.getRecordComponents().length > 1 && type != FactDate.class) {
      valueTypes.put(type.getSimpleName(), type);
      return "an object: [`" + type.getSimpleName() + "`](#" + anchor(type) + ")";
    }
    if (type == PartnershipFact.class) {
      return "a fact: the fact as it should have been recorded, an object with the event's name"
          + " in \"type\" and every field of that event (see the event catalogue)";
    }
    return CommandReader.describe(type);
  }

  private static String anchor(Class<?> type) {
    return type.getSimpleName().toLowerCase(java.util.Locale.ROOT);
  }

  private static java.util.Optional<String> factOf(Class<?> command) {
    try {
      Class<?> fact = command.getMethod("toFact").getReturnType();
      return java.util.Optional.of(fact.getSimpleName());
    } catch (NoSuchMethodException e) {
      try {
        return java.util.Optional.of(command.getMethod("toEvent").getReturnType().getSimpleName());
      } catch (NoSuchMethodException none) {
        return java.util.Optional.empty();
      }
    }
  }

  private static RecordComponent component(Class<?> type, String name) {
    return Arrays.stream(type.getRecordComponents())
        .filter(c -> c.getName().equals(name))
        .findFirst()
        .orElseThrow();
  }

  /**
   * Whether the record refuses to be made without this component: a complete example is made, then
   * the same without the component. A yes/no or a number (a primitive) cannot be left out of JSON.
   */
  static boolean required(Class<?> type, RecordComponent left) {
    if (left.getType().isPrimitive()) {
      return true;
    }
    RecordComponent[] components = type.getRecordComponents();
    Object[] values = new Object[components.length];
    for (int i = 0; i < components.length; i++) {
      values[i] = components[i].getName().equals(left.getName()) ? null : example(components[i]);
    }
    try {
      canonical(type).newInstance(values);
      return false;
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof InvalidValue invalid
          && (invalid.field().equals(left.getName())
              || invalid.field().startsWith(left.getName() + ".")
              || invalid.field().endsWith("." + left.getName()))) {
        return true;
      }
      throw new AssertionError(
          type.getSimpleName() + " without " + left.getName() + " failed otherwise", e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  /** A value this component accepts, to make a complete example of its record. */
  static Object example(RecordComponent component) {
    if (component.getName().equals("url")) {
      return "https://example.org/source.pdf";
    }
    if (List.class.isAssignableFrom(component.getType())
        && component.getGenericType() instanceof ParameterizedType list) {
      return List.of(example((Class<?>) list.getActualTypeArguments()[0]));
    }
    return example(component.getType());
  }

  static Object example(Class<?> type) {
    if (type == String.class) {
      return "text";
    }
    if (type == FactDate.class) {
      return FactDate.year(2008);
    }
    if (type == Money.class) {
      return new Money(BigDecimal.TEN);
    }
    if (type == Recording.class) {
      return new Recording(Instant.parse("2026-11-23T10:00:00Z"), "registrar");
    }
    if (type == BigDecimal.class) {
      return BigDecimal.ONE;
    }
    if (type == boolean.class || type == Boolean.class) {
      return Boolean.FALSE;
    }
    if (type == int.class || type == Integer.class) {
      return 1;
    }
    if (type == long.class || type == Long.class) {
      return 1L;
    }
    if (type == Instant.class) {
      return Instant.parse("2026-11-23T10:00:00Z");
    }
    if (type.isEnum()) {
      return type.getEnumConstants()[0];
    }
    if (type == PartnershipFact.class) {
      return ((nl.partnershipregistry.core.partnership.command.PartnershipCommand)
              example(RegisterPartnership.class))
          .toFact();
    }
    if (type.isRecord()) {
      RecordComponent[] components = type.getRecordComponents();
      Object[] values = new Object[components.length];
      for (int i = 0; i < components.length; i++) {
        values[i] = example(components[i]);
      }
      try {
        return canonical(type).newInstance(values);
      } catch (InvocationTargetException e) {
        throw new AssertionError("no example of " + type.getSimpleName(), e.getCause());
      } catch (ReflectiveOperationException e) {
        throw new AssertionError(e);
      }
    }
    throw new AssertionError("no example value of " + type.getName());
  }

  private static Constructor<?> canonical(Class<?> record) throws NoSuchMethodException {
    Class<?>[] types =
        Arrays.stream(record.getRecordComponents())
            .map(RecordComponent::getType)
            .toArray(Class<?>[]::new);
    return record.getDeclaredConstructor(types);
  }

  private static final Pattern CONSTANT =
      Pattern.compile(
          "/\\*\\*((?:(?!\\*/).)*)\\*/\\s*(?:@\\w+\\s*)*([A-Z][A-Z0-9_]*)\\s*(?:[,;(]|})",
          Pattern.DOTALL);

  private static final Pattern TYPE_DOC =
      Pattern.compile("/\\*\\*((?:(?!\\*/).)*)\\*/\\s*(?:@\\w+\\s*)*public enum", Pattern.DOTALL);

  /** Each constant's documentation, from the enumeration's source, in one line. */
  static Map<String, String> constantDocumentation(Class<?> type) {
    Map<String, String> meanings = new LinkedHashMap<>();
    String source = source(type);
    int body = source.indexOf("public enum");
    Matcher matcher = CONSTANT.matcher(source);
    while (matcher.find()) {
      if (matcher.start() > body) {
        meanings.putIfAbsent(matcher.group(2), oneLine(matcher.group(1)));
      }
    }
    return meanings;
  }

  static String typeDocumentation(Class<?> type) {
    Matcher matcher = TYPE_DOC.matcher(source(type));
    return matcher.find() ? oneLine(matcher.group(1)) : "";
  }

  private static String source(Class<?> type) {
    Path file = CORE_SOURCES.resolve(type.getName().replace('.', '/') + ".java");
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new AssertionError("cannot read the source of " + type.getName() + " at " + file, e);
    }
  }

  private static String oneLine(String javadoc) {
    return javadoc
        .replaceAll("(?m)^\\s*\\*\\s?", " ")
        .replaceAll("\\{@(?:code|link) ([^}]*)}", "`$1`")
        .replaceAll("<[^>]+>", "")
        .replaceAll("\\s+", " ")
        .replace("|", "\\|")
        .strip();
  }
}
