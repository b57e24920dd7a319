package nl.partnershipregistry.core.organisation;

import java.util.Comparator;
import nl.partnershipregistry.core.common.FactDate;
import nl.partnershipregistry.core.common.FactId;
import nl.partnershipregistry.core.common.Recording;
import nl.partnershipregistry.core.common.SourceCitation;

/** A dated, sourced fact about an organisation. */
public sealed interface OrganisationFact
    permits OrganisationRegistered,
        OrganisationRenamed,
        OrganisationJoinedGroup,
        OrganisationLeftGroup,
        OrganisationMerged {

  OrganisationId organisationId();

  FactId factId();

  FactDate occurredOn();

  SourceCitation source();

  Recording recorded();

  /**
   * The order of an organisation's facts on its timeline, which its rules and every answer about it
   * read: by the first day of their dates, and on one day registration first, then names and
   * groups, the merger last.
   */
  Comparator<OrganisationFact> TIMELINE_ORDER =
      Comparator.comparing((OrganisationFact fact) -> fact.occurredOn().countsFrom())
          .thenComparingInt(OrganisationFact::sameDayRank);

  private static int sameDayRank(OrganisationFact fact) {
    if (fact instanceof OrganisationRegistered) {
      return 0;
    }
    return fact instanceof OrganisationMerged ? 2 : 1;
  }
}
