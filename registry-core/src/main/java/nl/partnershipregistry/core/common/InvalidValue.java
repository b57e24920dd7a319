package nl.partnershipregistry.core.common;

/**
 * A value that cannot stand in the registry: missing, blank, too long, negative or malformed. It
 * names the field so that the web edge and the import report can point at it.
 */
public class InvalidValue extends IllegalArgumentException {

  private final String field;

  public InvalidValue(String field, String problem) {
    super(field + ": " + problem);
    this.field = field;
  }

  /** The name of the offending field, as it appears in commands and events. */
  public String field() {
    return field;
  }
}
