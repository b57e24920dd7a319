package nl.partnershipregistry.api.pages;

import java.util.function.Supplier;
import nl.partnershipregistry.api.command.InvalidInput;

/**
 * A page's reading of its parameters: a value the JSON API's rules refuse ({@code asOf=1 June})
 * leaves the field's name in the page's errors, to be named in its error summary and at the field,
 * and the answer shown is the default's (today, as known now).
 */
final class PageDates {

  private PageDates() {}

  static <T> T read(FieldErrors errors, Supplier<T> value) {
    return read(errors, null, value);
  }

  /**
   * The value, or null with the field among the errors when it cannot be read, named by {@code
   * message} (a text's key) where the field's usual message would not say enough.
   */
  static <T> T read(FieldErrors errors, String message, Supplier<T> value) {
    try {
      return value.get();
    } catch (InvalidInput e) {
      if (message == null) {
        errors.add(e.field());
      } else {
        errors.add(e.field(), message);
      }
      return null;
    }
  }
}
