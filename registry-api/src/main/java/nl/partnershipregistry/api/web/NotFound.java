package nl.partnershipregistry.api.web;

/** A partnership, organisation or other resource the registry does not hold: 404. */
public class NotFound extends RuntimeException {

  public NotFound(String message) {
    super(message);
  }
}
