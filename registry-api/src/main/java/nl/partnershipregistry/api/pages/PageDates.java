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
    try {
      return value.get();
    } catch (InvalidInput e) {
      errors.add(e.field());
      return null;
    }
  }
}
