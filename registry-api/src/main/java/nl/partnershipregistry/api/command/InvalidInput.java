package nl.partnershipregistry.api.command;

/**
 * Input that cannot be read: a command that is not JSON, names an unknown command, or has a
 * missing, unknown or malformed field; a query parameter that is not a date or not one of its
 * values. It names the field or parameter where it can, so that a client or an import report can
 * point at it.
 */
public class InvalidInput extends RuntimeException {

  private final String field;

  public InvalidInput(String field, String problem) {
    super(problem);
    this.field = field;
  }

  /** The offending field's path ({@code quantity.amount}), or null for the whole command. */
  public String field() {
    return field;
  }
}
