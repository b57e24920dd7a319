package nl.partnershipregistry.api.command;

/**
 * A command that cannot be read: not JSON, an unknown command, a missing, unknown or malformed
 * field. It names the field where it can, so that a client or an import report can point at it.
 */
public class InvalidCommand extends RuntimeException {

  private final String field;

  public InvalidCommand(String field, String problem) {
    super(problem);
    this.field = field;
  }

  /** The offending field's path ({@code quantity.amount}), or null for the whole command. */
  public String field() {
    return field;
  }
}
