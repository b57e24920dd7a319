package nl.partnershipregistry.core.partnership.command;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import nl.partnershipregistry.core.common.InvalidValue;
import nl.partnershipregistry.core.partnership.event.PartnershipFact;

/**
 * Which command records which fact, read from the sealed {@link PartnershipCommand} hierarchy: each
 * command's {@code toFact()} names its fact type, and the command's fields are the fact's, by name
 * and type. A fact that comes in as a value rather than through its command (the {@code
 * replacement} of a {@link CorrectFact}) is checked by making its command from it, so it meets the
 * same rules as the fact recorded directly: a missing date or an empty name is refused the same
 * way.
 */
public final class FactCommands {

  private static final Map<Class<?>, Constructor<?>> COMMAND_OF_FACT = table();

  private FactCommands() {}

  /** The command type that records this fact type, if one does. */
  public static Optional<Class<?>> commandOf(Class<? extends PartnershipFact> factType) {
    return Optional.ofNullable(COMMAND_OF_FACT.get(factType)).map(Constructor::getDeclaringClass);
  }

  /**
   * The fact as its command would record it (text stripped, values checked), or {@link
   * InvalidValue} naming the field as {@code <field>.<the fact's field>}.
   */
  public static PartnershipFact checked(PartnershipFact fact, String field) {
    Constructor<?> command = COMMAND_OF_FACT.get(fact.getClass());
    if (command == null) {
      throw new InvalidValue(field, "is not a fact a command records");
    }
    RecordComponent[] components = fact.getClass().getRecordComponents();
    Object[] values = new Object[components.length];
    for (int i = 0; i < components.length; i++) {
      values[i] = read(components[i], fact);
    }
    try {
      return ((PartnershipCommand) command.newInstance(values)).toFact();
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof InvalidValue invalid) {
        throw new InvalidValue(field + "." + invalid.field(), problem(invalid));
      }
      throw new IllegalStateException("making " + command.getName() + " failed", e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot make " + command.getName(), e);
    }
  }

  private static String problem(InvalidValue invalid) {
    String prefix = invalid.field() + ": ";
    String message = invalid.getMessage();
    return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
  }

  private static Object read(RecordComponent component, Object record) {
    try {
      return component.getAccessor().invoke(record);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot read " + component.getName(), e);
    }
  }

  private static Map<Class<?>, Constructor<?>> table() {
    Map<Class<?>, Constructor<?>> table = new HashMap<>();
    for (Class<?> command : PartnershipCommand.class.getPermittedSubclasses()) {
      Class<?> fact = factType(command);
      Class<?>[] types =
          Arrays.stream(fact.getRecordComponents())
              .map(RecordComponent::getType)
              .toArray(Class<?>[]::new);
      String[] factNames = names(fact);
      String[] commandNames = names(command);
      if (!Arrays.equals(factNames, commandNames)) {
        throw new IllegalStateException(
            command.getSimpleName() + " does not have the fields of " + fact.getSimpleName());
      }
      try {
        if (table.put(fact, command.getDeclaredConstructor(types)) != null) {
          throw new IllegalStateException("two commands record " + fact.getSimpleName());
        }
      } catch (NoSuchMethodException e) {
        throw new IllegalStateException(
            command.getSimpleName() + " cannot be made from a " + fact.getSimpleName(), e);
      }
    }
    return Map.copyOf(table);
  }

  private static Class<?> factType(Class<?> command) {
    try {
      Method toFact = command.getMethod("toFact");
      return toFact.getReturnType();
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(command.getSimpleName() + " has no toFact()", e);
    }
  }

  private static String[] names(Class<?> record) {
    return Arrays.stream(record.getRecordComponents())
        .map(RecordComponent::getName)
        .toArray(String[]::new);
  }
}
