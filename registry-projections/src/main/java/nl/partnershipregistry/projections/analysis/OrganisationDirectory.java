package nl.partnershipregistry.projections.analysis;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.partnershipregistry.core.common.FactDate;
import nl.partnershipregistry.core.common.FactId;
import nl.partnershipregistry.core.organisation.OrganisationFact;
import nl.partnershipregistry.core.organisation.OrganisationId;
import nl.partnershipregistry.core.organisation.OrganisationJoinedGroup;
import nl.partnershipregistry.core.organisation.OrganisationLeftGroup;
import nl.partnershipregistry.core.organisation.OrganisationMerged;
import nl.partnershipregistry.core.organisation.OrganisationRegistered;
import nl.partnershipregistry.core.organisation.OrganisationRenamed;
import nl.partnershipregistry.core.organisation.OrganisationType;
import nl.partnershipregistry.core.organisation.SchoolLevel;
import nl.partnershipregistry.projections.views.StoredEvent;

/**
 * Organisations as the registry knew them at an instant, as they stood on a valid date: names,
 * types, school levels, the group each belonged to and mergers. A registration counts on every
 * date: its date is only the earliest the sources know the organisation existed, and a partnership
 * may name it earlier, so its first name and its type hold until a later fact changes them. A
 * group's dependence counts as one: {@link #dependencyUnit} is the group of an organisation (after
 * following its mergers), or the organisation itself.
 */
public final class OrganisationDirectory {

  /** A stretch in which an organisation belonged to a group. */
  public record Membership(OrganisationId groupId, FactDate joinedOn, FactDate leftOn) {}

  /** A name the organisation carried from {@code since} (its registration's date for the first). */
  public record Name(String name, FactDate since) {}

  /**
   * One organisation on the valid date; {@code names} are the names it carried up to then, oldest
   * first, the last its name on the date.
   */
  public record OrganisationAsOf(
      OrganisationId organisationId,
      String name,
      List<Name> names,
      OrganisationType type,
      SchoolLevel schoolLevel,
      OrganisationId groupId,
      OrganisationId mergedInto,
      FactDate mergedOn,
      List<Membership> memberships,
      List<FactId> factIds) {}

  private final Map<OrganisationId, OrganisationAsOf> organisations;

  private OrganisationDirectory(Map<OrganisationId, OrganisationAsOf> organisations) {
    this.organisations = organisations;
  }

  /** A directory with no organisations: every id stands for itself. */
  public static OrganisationDirectory empty() {
    return new OrganisationDirectory(Map.of());
  }

  public static OrganisationDirectory of(
      Collection<List<StoredEvent<OrganisationFact>>> streams, Instant asKnownOn, LocalDate asOf) {
    Map<OrganisationId, OrganisationAsOf> organisations = new HashMap<>();
    for (List<StoredEvent<OrganisationFact>> stream : streams) {
      List<StoredEvent<OrganisationFact>> known =
          new ArrayList<>(
              stream.stream()
                  .filter(e -> !e.recordedAt().isAfter(asKnownOn))
                  .filter(
                      e ->
                          e.event() instanceof OrganisationRegistered
                              || !e.event().occurredOn().countsFrom().isAfter(asOf))
                  .toList());
      known.sort(
          Comparator.comparing(
                  (StoredEvent<OrganisationFact> e) -> e.event(), OrganisationFact.TIMELINE_ORDER)
              .thenComparingLong(StoredEvent::position));
      replay(known).ifPresent(o -> organisations.put(o.organisationId(), o));
    }
    return new OrganisationDirectory(organisations);
  }

  public Optional<OrganisationAsOf> find(OrganisationId id) {
    return Optional.ofNullable(organisations.get(id));
  }

  /** Every organisation the registry knew, in no particular order. */
  public Collection<OrganisationAsOf> all() {
    return organisations.values();
  }

  /** The organisations that merged into {@code id} (directly), by id. */
  public List<OrganisationId> mergedInto(OrganisationId id) {
    return organisations.values().stream()
        .filter(o -> id.equals(o.mergedInto()))
        .map(OrganisationAsOf::organisationId)
        .sorted(Comparator.comparing(OrganisationId::value))
        .toList();
  }

  /** The organisation's name on the valid date, or its id when the registry does not know it. */
  public String nameOf(OrganisationId id) {
    return find(id).map(OrganisationAsOf::name).orElse(id.value());
  }

  public Optional<OrganisationType> typeOf(OrganisationId id) {
    return find(id).map(OrganisationAsOf::type);
  }

  public boolean isEmployer(OrganisationId id) {
    return typeOf(id).filter(OrganisationType.EMPLOYER::equals).isPresent();
  }

  public boolean isSchool(OrganisationId id) {
    return typeOf(id).filter(OrganisationType.SCHOOL::equals).isPresent();
  }

  /** The organisation an organisation became through mergers, or itself. */
  public OrganisationId successorOf(OrganisationId id) {
    OrganisationId current = id;
    Set<OrganisationId> seen = new HashSet<>();
    while (seen.add(current)) {
      OrganisationAsOf organisation = organisations.get(current);
      if (organisation == null || organisation.mergedInto() == null) {
        return current;
      }
      current = organisation.mergedInto();
    }
    return current;
  }

  /** The group whose dependence an organisation's counts in: its group, or itself. */
  public OrganisationId dependencyUnit(OrganisationId id) {
    OrganisationId survivor = successorOf(id);
    OrganisationAsOf organisation = organisations.get(survivor);
    return organisation == null || organisation.groupId() == null
        ? survivor
        : organisation.groupId();
  }

  /** Every organisation that counts in the same group as {@code id}, itself included. */
  public Set<OrganisationId> sameGroupAs(OrganisationId id) {
    OrganisationId unit = dependencyUnit(id);
    Set<OrganisationId> members = new HashSet<>();
    members.add(id);
    members.add(unit);
    for (OrganisationId other : organisations.keySet()) {
      if (dependencyUnit(other).equals(unit)) {
        members.add(other);
      }
    }
    return members;
  }

  private static Optional<OrganisationAsOf> replay(List<StoredEvent<OrganisationFact>> facts) {
    OrganisationId id = null;
    String name = null;
    List<Name> names = new ArrayList<>();
    OrganisationType type = null;
    SchoolLevel level = null;
    OrganisationId group = null;
    OrganisationId mergedInto = null;
    FactDate mergedOn = null;
    List<Membership> memberships = new ArrayList<>();
    List<FactId> factIds = new ArrayList<>();
    for (StoredEvent<OrganisationFact> stored : facts) {
      OrganisationFact fact = stored.event();
      factIds.add(fact.factId());
      if (fact instanceof OrganisationRegistered r) {
        id = r.organisationId();
        name = r.name();
        names.add(new Name(r.name(), r.occurredOn()));
        type = r.organisationType();
        level = r.schoolLevel();
      } else if (fact instanceof OrganisationRenamed r) {
        name = r.name();
        names.add(new Name(r.name(), r.occurredOn()));
      } else if (fact instanceof OrganisationJoinedGroup j) {
        group = j.groupId();
        memberships.add(new Membership(j.groupId(), j.occurredOn(), null));
      } else if (fact instanceof OrganisationLeftGroup l) {
        group = null;
        for (int i = memberships.size() - 1; i >= 0; i--) {
          Membership m = memberships.get(i);
          if (m.groupId().equals(l.groupId()) && m.leftOn() == null) {
            memberships.set(i, new Membership(m.groupId(), m.joinedOn(), l.occurredOn()));
            break;
          }
        }
      } else if (fact instanceof OrganisationMerged m) {
        mergedInto = m.intoId();
        mergedOn = m.occurredOn();
      }
    }
    if (id == null) {
      return Optional.empty();
    }
    return Optional.of(
        new OrganisationAsOf(
            id,
            name,
            List.copyOf(names),
            type,
            level,
            group,
            mergedInto,
            mergedOn,
            List.copyOf(memberships),
            List.copyOf(factIds)));
  }
}
