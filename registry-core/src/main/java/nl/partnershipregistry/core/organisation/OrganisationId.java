package nl.partnershipregistry.core.organisation;

import nl.partnershipregistry.core.common.Require;

/** Identifies an organisation, for example {@code hitecs} or {@code hva}. */
public record OrganisationId(String value) {

  public OrganisationId {
    Require.identifier(value, "organisationId");
  }

  public static OrganisationId of(String value) {
    return new OrganisationId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
