package nl.partnershipregistry.api.command;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import nl.partnershipregistry.core.organisation.JoinGroup;
import nl.partnershipregistry.core.organisation.LeaveGroup;
import nl.partnershipregistry.core.organisation.MergeOrganisation;
import nl.partnershipregistry.core.organisation.OrganisationCommand;
import nl.partnershipregistry.core.organisation.RegisterOrganisation;
import nl.partnershipregistry.core.organisation.RenameOrganisation;
import nl.partnershipregistry.core.partnership.command.AdmitPartner;
import nl.partnershipregistry.core.partnership.command.AssignKeyPerson;
import nl.partnershipregistry.core.partnership.command.AwardFunding;
import nl.partnershipregistry.core.partnership.command.ChangeGovernance;
import nl.partnershipregistry.core.partnership.command.ChangePartnerRole;
import nl.partnershipregistry.core.partnership.command.ChangePhase;
import nl.partnershipregistry.core.partnership.command.ClawBackFunding;
import nl.partnershipregistry.core.partnership.command.CorrectFact;
import nl.partnershipregistry.core.partnership.command.DescribePartnership;
import nl.partnershipregistry.core.partnership.command.DisburseFunding;
import nl.partnershipregistry.core.partnership.command.DiscontinuePartnership;
import nl.partnershipregistry.core.partnership.command.EndActivity;
import nl.partnershipregistry.core.partnership.command.EndFunding;
import nl.partnershipregistry.core.partnership.command.EnrolCohort;
import nl.partnershipregistry.core.partnership.command.EstablishGovernance;
import nl.partnershipregistry.core.partnership.command.FulfilCommitment;
import nl.partnershipregistry.core.partnership.command.RecordBrokenCommitment;
import nl.partnershipregistry.core.partnership.command.RecordCommitment;
import nl.partnershipregistry.core.partnership.command.RecordDropouts;
import nl.partnershipregistry.core.partnership.command.RecordEvaluation;
import nl.partnershipregistry.core.partnership.command.RecordGraduations;
import nl.partnershipregistry.core.partnership.command.RecordKeyPersonDeparture;
import nl.partnershipregistry.core.partnership.command.RecordPartialFulfilment;
import nl.partnershipregistry.core.partnership.command.RecordPartnerDeparture;
import nl.partnershipregistry.core.partnership.command.RecordSuccession;
import nl.partnershipregistry.core.partnership.command.RegisterPartnership;
import nl.partnershipregistry.core.partnership.command.RenamePartnership;
import nl.partnershipregistry.core.partnership.command.RenewCommitment;
import nl.partnershipregistry.core.partnership.command.RenewFunding;
import nl.partnershipregistry.core.partnership.command.RetractFact;
import nl.partnershipregistry.core.partnership.command.RevivePartnership;
import nl.partnershipregistry.core.partnership.command.StartActivity;
import nl.partnershipregistry.core.partnership.command.WithdrawCommitment;

/**
 * Every command the registry accepts from outside, once: its name (the {@code type} of an import
 * line), its class, the aggregate it addresses, and its web address. The web edge, the import and
 * the API description all read this table.
 */
public enum CommandCatalogue {
  REGISTER_PARTNERSHIP(RegisterPartnership.class, "", "Registers a partnership."),
  DESCRIBE_PARTNERSHIP(
      DescribePartnership.class, "description", "Changes the region, sector or goal."),
  RENAME_PARTNERSHIP(RenamePartnership.class, "name", "Records a new name."),
  CHANGE_PHASE(ChangePhase.class, "phase", "Moves the partnership to another phase."),
  REVIVE_PARTNERSHIP(
      RevivePartnership.class, "revival", "Records that a discontinued partnership was revived."),
  DISCONTINUE_PARTNERSHIP(
      DiscontinuePartnership.class,
      "discontinuation",
      "Records how and why the partnership ended, with a coded reason."),
  ADMIT_PARTNER(AdmitPartner.class, "partners", "Records that an organisation joined, in a role."),
  CHANGE_PARTNER_ROLE(
      ChangePartnerRole.class, "partner-roles", "Records an active partner's new role."),
  RECORD_PARTNER_DEPARTURE(
      RecordPartnerDeparture.class, "partner-departures", "Records that a partner left."),
  RECORD_COMMITMENT(
      RecordCommitment.class, "commitments", "Records what an active partner promised."),
  FULFIL_COMMITMENT(
      FulfilCommitment.class, "commitment-fulfilments", "Records that a commitment was kept."),
  RECORD_PARTIAL_FULFILMENT(
      RecordPartialFulfilment.class,
      "commitment-partial-fulfilments",
      "Records that a commitment was kept in part, with what was delivered."),
  RECORD_BROKEN_COMMITMENT(
      RecordBrokenCommitment.class, "broken-commitments", "Records that a commitment was broken."),
  WITHDRAW_COMMITMENT(
      WithdrawCommitment.class,
      "commitment-withdrawals",
      "Records that a commitment was withdrawn before it was due."),
  RENEW_COMMITMENT(
      RenewCommitment.class, "commitment-renewals", "Records that a commitment was renewed."),
  AWARD_FUNDING(AwardFunding.class, "funding", "Records funding awarded, with its source type."),
  DISBURSE_FUNDING(
      DisburseFunding.class, "funding-disbursements", "Records a payment of awarded funding."),
  END_FUNDING(EndFunding.class, "funding-ends", "Records that a funding ended."),
  RENEW_FUNDING(RenewFunding.class, "funding-renewals", "Records that a funding was renewed."),
  CLAW_BACK_FUNDING(
      ClawBackFunding.class, "funding-clawbacks", "Records that funding was reclaimed."),
  START_ACTIVITY(StartActivity.class, "activities", "Records an activity, on Katapult's two axes."),
  END_ACTIVITY(EndActivity.class, "activity-ends", "Records that an activity ended."),
  ENROL_COHORT(EnrolCohort.class, "cohorts", "Records a cohort of participants enrolled."),
  RECORD_DROPOUTS(RecordDropouts.class, "cohort-dropouts", "Records participants who dropped out."),
  RECORD_GRADUATIONS(
      RecordGraduations.class, "cohort-graduations", "Records participants who graduated."),
  ASSIGN_KEY_PERSON(
      AssignKeyPerson.class, "key-persons", "Records a key person with role and mandate."),
  RECORD_KEY_PERSON_DEPARTURE(
      RecordKeyPersonDeparture.class, "key-person-departures", "Records that a key person left."),
  RECORD_SUCCESSION(
      RecordSuccession.class, "key-person-successions", "Records a key person's successor."),
  ESTABLISH_GOVERNANCE(
      EstablishGovernance.class, "governance", "Records a formal entity or platform set up."),
  CHANGE_GOVERNANCE(
      ChangeGovernance.class, "governance-changes", "Records a change of governance form."),
  RECORD_EVALUATION(
      RecordEvaluation.class, "evaluations", "Records an evaluation and its conclusions."),
  CORRECT_FACT(
      CorrectFact.class,
      "corrections",
      "Replaces an earlier fact with a corrected one, with a reason."),
  RETRACT_FACT(RetractFact.class, "retractions", "Withdraws an earlier fact, with a reason."),
  REGISTER_ORGANISATION(RegisterOrganisation.class, "", "Registers an organisation."),
  RENAME_ORGANISATION(RenameOrganisation.class, "name", "Records an organisation's new name."),
  JOIN_GROUP(JoinGroup.class, "groups", "Records that an organisation joined a group."),
  LEAVE_GROUP(LeaveGroup.class, "group-departures", "Records that it left a group."),
  MERGE_ORGANISATION(
      MergeOrganisation.class, "merger", "Records that it merged into another organisation.");

  /** The aggregates commands address, with their collection path and identifier field. */
  public enum Target {
    PARTNERSHIP("/api/partnerships", "partnershipId"),
    ORGANISATION("/api/organisations", "organisationId");

    private final String collection;
    private final String identifierField;

    Target(String collection, String identifierField) {
      this.collection = collection;
      this.identifierField = identifierField;
    }

    /** The web collection: {@code /api/partnerships}. */
    public String collection() {
      return collection;
    }

    /** The command field that names the aggregate: {@code partnershipId}. */
    public String identifierField() {
      return identifierField;
    }
  }

  private final Class<?> commandClass;
  private final String segment;
  private final String summary;

  CommandCatalogue(Class<?> commandClass, String segment, String summary) {
    this.commandClass = commandClass;
    this.segment = segment;
    this.summary = summary;
  }

  /** The command's name, as in import lines: {@code RecordCommitment}. */
  public String commandName() {
    return commandClass.getSimpleName();
  }

  public Class<?> commandClass() {
    return commandClass;
  }

  /** The aggregate the command is for, by its type: an organisation's or a partnership's. */
  public Target target() {
    return OrganisationCommand.class.isAssignableFrom(commandClass)
        ? Target.ORGANISATION
        : Target.PARTNERSHIP;
  }

  /** Whether the command creates its aggregate (posted to the collection, not to an item). */
  public boolean registers() {
    return segment.isEmpty();
  }

  /**
   * The web path: {@code /api/partnerships} for a registration, {@code
   * /api/partnerships/{id}/commitments} for the rest.
   */
  public String path() {
    return registers()
        ? target().collection()
        : target().collection() + "/{" + target().identifierField() + "}/" + segment;
  }

  /** The last part of the path of a command on an existing aggregate: {@code commitments}. */
  public String segment() {
    return segment;
  }

  public String summary() {
    return summary;
  }

  public static Optional<CommandCatalogue> named(String commandName) {
    return Arrays.stream(values()).filter(c -> c.commandName().equals(commandName)).findFirst();
  }

  public static Optional<CommandCatalogue> at(Target target, String segment) {
    return Arrays.stream(values())
        .filter(c -> c.target() == target && c.segment.equals(segment))
        .findFirst();
  }

  /** The command names, for messages that list what is accepted. */
  public static List<String> names() {
    return Arrays.stream(values()).map(CommandCatalogue::commandName).toList();
  }
}
