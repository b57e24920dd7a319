package nl.partnershipregistry.api.pages;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fields of a page's form that could not be read, in the order they were read, each with the
 * message that says what to enter ({@code error.asOf} unless the page names another): named in the
 * page's error summary and at each field ({@code layout :: errorSummary}, {@code layout ::
 * textField}).
 */
public final class FieldErrors implements Iterable<Map.Entry<String, String>> {

  private final Map<String, String> messages = new LinkedHashMap<>();

  /** The field could not be read: its message is {@code error.<field>}. */
  void add(String field) {
    add(field, "error." + field);
  }

  /** The field could not be read, for the reason the message key says. */
  void add(String field, String message) {
    messages.put(field, message);
  }

  public boolean contains(String field) {
    return messages.containsKey(field);
  }

  /** The message key of a field that could not be read. */
  public String message(String field) {
    return messages.get(field);
  }

  public boolean isEmpty() {
    return messages.isEmpty();
  }

  @Override
  public Iterator<Map.Entry<String, String>> iterator() {
    return messages.entrySet().iterator();
  }
}
