package nl.partnershipregistry.projections.analysis;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.partnershipregistry.core.common.FactDate;
import nl.partnershipregistry.core.organisation.OrganisationId;
import nl.partnershipregistry.core.partnership.Existence;
import nl.partnershipregistry.core.partnership.PartnershipAsOf;
import nl.partnershipregistry.core.partnership.event.PartnershipDiscontinued;
import nl.partnershipregistry.core.partnership.event.PartnershipRegistered;
import nl.partnershipregistry.core.partnership.vocabulary.FundingType;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipId;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipKind;
import nl.partnershipregistry.core.partnership.vocabulary.Phase;

/**
 * A partnership's summary on a valid date as known at an instant, for the questions across
 * partnerships (the registry list, its counts, the organisations, the survival curves): a few
 * fields of {@link PartnershipAsOf}, read from it and from nothing else, so that the list says what
 * the partnership's own state says.
 *
 * @param existence whether the partnership existed on the valid date ({@link Existence}); before
 *     its registration counts, only the registration's name, kind, date and {@code startKnown} are
 *     filled in, to identify it
 * @param names the names it carried up to the valid date, oldest first, the last its name
 * @param startedOn the registration's date: the start, or where {@code startKnown} is false the
 *     earliest evidence that the partnership existed
 * @param startKnown false when no source dates the start and {@code startedOn} is only the earliest
 *     evidence
 * @param discontinuedOn the discontinuation in effect on the valid date, or null while it runs
 * @param everPartners every organisation that was a partner at some time up to the valid date
 * @param fundingByType funding awarded and renewed up to the valid date, by type, in euros, where
 *     amounts are known
 * @param typesWithoutAmount the types of the funding awarded or renewed up to the valid date whose
 *     amount is unknown
 */
public record SummaryAsOf(
    PartnershipId partnershipId,
    Existence existence,
    String name,
    List<String> names,
    PartnershipKind kind,
    String region,
    String sector,
    String goal,
    FactDate startedOn,
    boolean startKnown,
    Phase phase,
    FactDate phaseSince,
    FactDate discontinuedOn,
    Set<OrganisationId> activePartners,
    Set<OrganisationId> everPartners,
    Map<FundingType, BigDecimal> fundingByType,
    Set<FundingType> typesWithoutAmount) {

  /** Whether its registration counts by the valid date: it started, or existed by then. */
  public boolean hasStarted() {
    return existence.existed();
  }

  /**
   * The summary on a date before the registration counts: the partnership identified by its
   * registration as known, with the existence it has on {@code asOf} ({@link Existence#of}).
   */
  public SummaryAsOf beforeItCounts(PartnershipRegistered registration, LocalDate asOf) {
    return new SummaryAsOf(
        partnershipId,
        Existence.of(registration, false, asOf),
        registration.name(),
        List.of(registration.name()),
        registration.kind(),
        null,
        null,
        null,
        registration.occurredOn(),
        registration.startKnown(),
        null,
        null,
        null,
        Set.of(),
        Set.of(),
        Map.of(),
        Set.of());
  }

  /** The summary of a partnership's state. */
  public static SummaryAsOf of(PartnershipId partnershipId, PartnershipAsOf state) {
    Set<OrganisationId> active = new LinkedHashSet<>();
    Set<OrganisationId> ever = new LinkedHashSet<>();
    for (PartnershipAsOf.Participation participation : state.participations()) {
      ever.add(participation.organisationId());
      if (participation.isActive()) {
        active.add(participation.organisationId());
      }
    }
    Map<FundingType, BigDecimal> byType = new LinkedHashMap<>();
    Set<FundingType> withoutAmount = EnumSet.noneOf(FundingType.class);
    for (PartnershipAsOf.Funding funding : state.fundings()) {
      if (funding.amount() == null) {
        withoutAmount.add(funding.type());
      } else {
        byType.merge(funding.type(), funding.amount().euros(), BigDecimal::add);
      }
    }
    PartnershipRegistered registration = state.registration().orElse(null);
    return new SummaryAsOf(
        partnershipId,
        registration == null ? Existence.UNKNOWN : Existence.of(registration, true, LocalDate.MAX),
        state.name(),
        state.names(),
        state.kind(),
        state.region(),
        state.sector(),
        state.goal(),
        registration == null ? null : registration.occurredOn(),
        registration != null && registration.startKnown(),
        state.phase(),
        state.currentPhase().map(PartnershipAsOf.PhasePeriod::since).orElse(null),
        state.discontinuation().map(PartnershipDiscontinued::occurredOn).orElse(null),
        Set.copyOf(active),
        Set.copyOf(ever),
        Map.copyOf(byType),
        Set.copyOf(withoutAmount));
  }
}
