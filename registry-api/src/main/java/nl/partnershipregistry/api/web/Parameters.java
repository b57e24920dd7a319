package nl.partnershipregistry.api.web;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.partnershipregistry.api.command.InvalidInput;
import nl.partnershipregistry.core.common.InvalidValue;
import nl.partnershipregistry.core.common.Require;

/** Query and path parameters read into the domain's types, with a 400 naming the parameter. */
final class Parameters {

  private Parameters() {}

  static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      throw new InvalidInput(
          name,
          "must be one of "
              + Arrays.stream(type.getEnumConstants())
                  .map(Enum::name)
                  .collect(Collectors.joining(", ")));
    }
  }

  static <T> T identifier(String name, String value, Function<String, T> constructor) {
    try {
      return constructor.apply(value);
    } catch (InvalidValue e) {
      throw new InvalidInput(name, "is not an identifier: " + Require.IDENTIFIER_RULE);
    }
  }

  /**
   * Builds a query from parameters; a value the query refuses ({@code page must not be negative})
   * is a bad request naming the parameter its message begins with.
   */
  static <Q> Q query(java.util.function.Supplier<Q> build) {
    try {
      return build.get();
    } catch (InvalidInput e) {
      throw e;
    } catch (IllegalArgumentException e) {
      String message = String.valueOf(e.getMessage());
      int space = message.indexOf(' ');
      // The domain's refusals read "size: must lie between 1 and 200".
      String field = space > 0 ? message.substring(0, space).replaceFirst(":$", "") : null;
      return throwInvalid(field, space > 0 ? message.substring(space + 1) : message);
    }
  }

  private static <Q> Q throwInvalid(String field, String problem) {
    throw new InvalidInput(field, problem);
  }
}
