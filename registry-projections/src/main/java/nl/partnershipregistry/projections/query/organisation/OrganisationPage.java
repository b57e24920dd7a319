package nl.partnershipregistry.projections.query.organisation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.partnershipregistry.core.organisation.OrganisationId;
import nl.partnershipregistry.core.organisation.OrganisationType;
import nl.partnershipregistry.core.organisation.SchoolLevel;

/**
 * One page of the organisations, sorted by name. {@code total} counts every match; {@code
 * countsByType} counts the organisations matching the text and group, whatever their type.
 */
public record OrganisationPage(
    LocalDate asOf,
    Instant asKnownOn,
    List<Listing> items,
    int page,
    int size,
    long total,
    Map<OrganisationType, Long> countsByType) {

  /**
   * An organisation as it stood on the valid date: its name then and the names it carried before,
   * its group then (null for none), the organisation it merged into (null if it did not), and the
   * number of partnerships it has been a partner in (itself, not its group).
   */
  public record Listing(
      OrganisationId organisationId,
      String name,
      List<String> formerNames,
      OrganisationType type,
      SchoolLevel schoolLevel,
      OrganisationId groupId,
      String groupName,
      OrganisationId mergedInto,
      String mergedIntoName,
      int partnerships) {}
}
