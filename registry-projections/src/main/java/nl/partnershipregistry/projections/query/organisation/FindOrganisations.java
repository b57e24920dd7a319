package nl.partnershipregistry.projections.query.organisation;

import java.time.Instant;
import java.time.LocalDate;
import nl.partnershipregistry.core.common.InvalidValue;
import nl.partnershipregistry.core.organisation.OrganisationId;
import nl.partnershipregistry.core.organisation.OrganisationType;

/**
 * Which organisations does the registry know? Every criterion is optional: {@code text} (part of a
 * name it carries or carried up to {@code asOf}, or of its id, ignoring case and accents), {@code
 * type}, {@code group} (the group itself and the organisations in it on {@code asOf}). Pages count
 * from 0; {@code size} is 20 by default and at most 200. Answered with an {@link OrganisationPage}.
 */
public record FindOrganisations(
    String text,
    OrganisationType type,
    OrganisationId group,
    LocalDate asOf,
    Instant asKnownOn,
    Integer page,
    Integer size) {

  public static final int DEFAULT_SIZE = 20;
  public static final int MAX_SIZE = 200;

  public FindOrganisations {
    if (page != null && page < 0) {
      throw new InvalidValue("page", "must not be negative");
    }
    if (size != null && (size < 1 || size > MAX_SIZE)) {
      throw new InvalidValue("size", "must lie between 1 and " + MAX_SIZE);
    }
  }

  int pageOrDefault() {
    return page == null ? 0 : page;
  }

  int sizeOrDefault() {
    return size == null ? DEFAULT_SIZE : size;
  }
}
