package nl.partnershipregistry.api.web;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.partnershipregistry.api.command.InvalidInput;
import nl.partnershipregistry.core.common.InvalidValue;

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
      throw new InvalidInput(name, "is not an identifier: letters, digits, '.', '_' and '-'");
    }
  }
}
