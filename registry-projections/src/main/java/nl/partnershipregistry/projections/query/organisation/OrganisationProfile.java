package nl.partnershipregistry.projections.query.organisation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import nl.partnershipregistry.core.common.FactDate;
import nl.partnershipregistry.core.organisation.OrganisationId;
import nl.partnershipregistry.core.organisation.OrganisationType;
import nl.partnershipregistry.core.organisation.SchoolLevel;
import nl.partnershipregistry.core.partnership.vocabulary.PartnerRole;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipId;
import nl.partnershipregistry.core.partnership.vocabulary.Phase;

/**
 * An organisation on {@code asOf} as known on {@code asKnownOn}. {@code registered} is false for an
 * organisation the registry knows only as a partner (then its name is its id and its type null).
 * {@code names} are oldest first, each from the date of the fact that gave it (the first from the
 * earliest date the sources know it existed). {@code groupId} is its group on {@code asOf}, {@code
 * memberships} every stretch in a group; {@code mergedInto} the organisation it merged into, {@code
 * mergedFrom} those that merged into it. {@code partnerships}: one line per membership of a
 * partnership that had started by {@code asOf}, sorted by partnership and date.
 */
public record OrganisationProfile(
    OrganisationId organisationId,
    LocalDate asOf,
    Instant asKnownOn,
    boolean registered,
    String name,
    List<Name> names,
    OrganisationType type,
    SchoolLevel schoolLevel,
    OrganisationId groupId,
    String groupName,
    List<Membership> memberships,
    OrganisationId mergedInto,
    String mergedIntoName,
    FactDate mergedOn,
    List<Related> mergedFrom,
    List<Participation> partnerships) {

  /** A name and the date from which the organisation carried it. */
  public record Name(String name, FactDate since) {}

  /** A stretch in a group; {@code leftOn} null while it lasts. */
  public record Membership(
      OrganisationId groupId, String groupName, FactDate joinedOn, FactDate leftOn) {}

  /** Another organisation, by id and name. */
  public record Related(OrganisationId organisationId, String name) {}

  /** The organisation's part in a partnership: its role, since and until when. */
  public record Participation(
      PartnershipId partnershipId,
      String partnershipName,
      Phase phase,
      PartnerRole role,
      FactDate joinedOn,
      FactDate leftOn) {}
}
