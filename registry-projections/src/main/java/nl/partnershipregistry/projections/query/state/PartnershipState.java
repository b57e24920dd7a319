package nl.partnershipregistry.projections.query.state;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.partnershipregistry.core.common.DateRange;
import nl.partnershipregistry.core.common.FactDate;
import nl.partnershipregistry.core.common.FactId;
import nl.partnershipregistry.core.common.Money;
import nl.partnershipregistry.core.common.Quantity;
import nl.partnershipregistry.core.organisation.OrganisationId;
import nl.partnershipregistry.core.organisation.OrganisationType;
import nl.partnershipregistry.core.organisation.SchoolLevel;
import nl.partnershipregistry.core.partnership.Existence;
import nl.partnershipregistry.core.partnership.vocabulary.CommitmentId;
import nl.partnershipregistry.core.partnership.vocabulary.CommitmentType;
import nl.partnershipregistry.core.partnership.vocabulary.DiscontinuationReason;
import nl.partnershipregistry.core.partnership.vocabulary.FundingId;
import nl.partnershipregistry.core.partnership.vocabulary.FundingType;
import nl.partnershipregistry.core.partnership.vocabulary.GovernanceForm;
import nl.partnershipregistry.core.partnership.vocabulary.KatapultType;
import nl.partnershipregistry.core.partnership.vocabulary.KeyPersonId;
import nl.partnershipregistry.core.partnership.vocabulary.KeyPersonRole;
import nl.partnershipregistry.core.partnership.vocabulary.PartnerRole;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipId;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipKind;
import nl.partnershipregistry.core.partnership.vocabulary.Phase;
import nl.partnershipregistry.core.partnership.vocabulary.SubsidyInstrument;

/**
 * A partnership on a valid date as the registry knew it at an instant.
 *
 * <p>{@code existence} says whether it existed on the valid date ({@link Existence}, the registry's
 * one reading). Before it started ({@code NOT_YET_STARTED}, or {@code UNKNOWN} when the sources
 * leave open whether it existed then), {@code name} and {@code kind} identify it as registered,
 * {@code startedOn} or {@code existingBy} say from when it is known, and every other field is
 * empty: there was nothing yet to describe.
 *
 * <p>{@code startedOn} is the start; when no source dates it, {@code startedOn} is null and {@code
 * existingBy} is the date of the earliest source that shows the partnership existing ("existing by
 * 2015"), from which the registry follows it.
 *
 * <p>{@code phaseFactId} is the basis of the phase: the fact that set it (a phase change, the
 * discontinuation, a revival, or the registration, which starts every partnership as initiated).
 */
public record PartnershipState(
    PartnershipId partnershipId,
    LocalDate asOf,
    Instant asKnownOn,
    Existence existence,
    String name,
    PartnershipKind kind,
    String region,
    String sector,
    String goal,
    FactDate startedOn,
    FactDate existingBy,
    Phase phase,
    FactDate phaseSince,
    FactId phaseFactId,
    Discontinuation discontinuation,
    List<ActivePartner> partners,
    List<CommitmentInForce> commitmentsInForce,
    List<FundingInForce> fundingInForce,
    List<KeyPerson> keyPersons,
    Governance governance,
    KatapultProfile katapult) {

  /** Why and when it ended, if it was discontinued on the valid date. */
  public record Discontinuation(
      DiscontinuationReason reason,
      String explanation,
      PartnershipId successor,
      FactDate discontinuedOn,
      FactId factId) {}

  /**
   * An active partner; {@code groupId} is the group whose dependence it counts in (itself when it
   * belongs to none).
   */
  public record ActivePartner(
      OrganisationId organisationId,
      String name,
      OrganisationType type,
      SchoolLevel schoolLevel,
      PartnerRole role,
      FactDate since,
      OrganisationId groupId,
      String groupName,
      List<FactId> factIds) {}

  /** A promise whose period includes the valid date and that was not settled by then. */
  public record CommitmentInForce(
      CommitmentId commitmentId,
      OrganisationId organisationId,
      CommitmentType type,
      Quantity quantity,
      DateRange period,
      String description,
      FactId factId) {}

  /** Money whose period includes the valid date and that had not ended by then. */
  public record FundingInForce(
      FundingId fundingId,
      FundingType type,
      SubsidyInstrument instrument,
      String funder,
      Money amount,
      DateRange period,
      Money disbursed,
      List<FactId> factIds) {}

  /**
   * A key person in the role on the valid date, at an organisation (named as on that date); {@code
   * withMandate} null where the source says nothing of a mandate.
   */
  public record KeyPerson(
      KeyPersonId keyPersonId,
      String name,
      KeyPersonRole role,
      OrganisationId organisationId,
      String organisationName,
      Boolean withMandate,
      FactDate since,
      FactId factId) {}

  /** The formal platform: its form and entity now, and since when. */
  public record Governance(
      GovernanceForm form,
      String entityName,
      FactDate establishedOn,
      FactDate since,
      List<FactId> factIds) {}

  /**
   * Katapult's type as the centre of gravity of the active activities: led from inside or outside
   * education by majority, formal or non-formal learning by majority; null when there are no active
   * activities or an axis is tied. Its place on the two axes: {@code ledFromOutsideShare} is the
   * share of the active activities led from outside education, {@code formalLearningShare} the
   * share in formal learning (fractions to four decimals, 0.5 on an axis's middle); both null when
   * there are no active activities.
   */
  public record KatapultProfile(
      KatapultType type,
      int activeActivities,
      Map<KatapultType, Integer> activitiesByType,
      int flexibleFormats,
      List<FactId> factIds,
      BigDecimal ledFromOutsideShare,
      BigDecimal formalLearningShare) {}
}
