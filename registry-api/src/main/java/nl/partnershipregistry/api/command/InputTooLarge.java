package nl.partnershipregistry.api.command;

/**
 * Input over the registry's size limits: a command (a request body, a line of an import) or a whole
 * import. The web answers it with 413, whatever the way in, so that one limit is refused in one
 * way.
 */
public class InputTooLarge extends RuntimeException {

  public InputTooLarge(String problem) {
    super(problem);
  }
}
