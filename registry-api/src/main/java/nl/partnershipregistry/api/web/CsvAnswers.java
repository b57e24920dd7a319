package nl.partnershipregistry.api.web;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.partnershipregistry.core.common.FactId;
import nl.partnershipregistry.core.organisation.OrganisationId;
import nl.partnershipregistry.projections.query.audit.AuditTrail;
import nl.partnershipregistry.projections.query.cohort.CohortOutcomes;
import nl.partnershipregistry.projections.query.ledger.CommitmentLedger;
import nl.partnershipregistry.projections.query.ledger.TrackRecord;
import nl.partnershipregistry.projections.query.state.PartnershipState;
import nl.partnershipregistry.projections.query.survival.SurvivalCurves;

/**
 * More answers as CSV, written as {@link CsvTables} writes the others: a partnership's active
 * partners, its cohorts, the survival curves' steps, an organisation's track record and a
 * partnership's recordings. Each row is a line of the JSON answer; nothing is computed here.
 */
final class CsvAnswers {

  private CsvAnswers() {}

  /** The state's active partners, one row per partner. */
  static String partners(PartnershipState state) {
    Csv csv =
        new Csv(
            "organisationId",
            "name",
            "type",
            "schoolLevel",
            "role",
            "since",
            "groupId",
            "groupName",
            "facts");
    for (PartnershipState.ActivePartner partner : state.partners()) {
      csv.row(
          partner.organisationId().value(),
          partner.name(),
          partner.type(),
          partner.schoolLevel(),
          partner.role(),
          partner.since(),
          partner.groupId() == null ? null : partner.groupId().value(),
          partner.groupName(),
          partner.factIds());
    }
    return csv.toString();
  }

  /** One row per cohort. */
  static String cohorts(CohortOutcomes outcomes) {
    Csv csv =
        new Csv(
            "cohortId",
            "label",
            "enrolledOn",
            "enrolled",
            "droppedOut",
            "graduated",
            "stillEnrolled",
            "completionRate",
            "dropoutRate",
            "approximate",
            "enrolledExactness",
            "droppedOutExactness",
            "graduatedExactness",
            "facts");
    for (CohortOutcomes.Cohort cohort : outcomes.cohorts()) {
      CohortOutcomes.Outcome outcome = cohort.outcome();
      csv.row(
          cohort.cohortId().value(),
          cohort.label(),
          cohort.enrolledOn(),
          outcome.enrolled(),
          outcome.droppedOut(),
          outcome.graduated(),
          outcome.stillEnrolled(),
          outcome.completionRate(),
          outcome.dropoutRate(),
          outcome.approximate(),
          outcome.enrolledExactness(),
          outcome.droppedOutExactness(),
          outcome.graduatedExactness(),
          outcome.factIds());
    }
    return csv.toString();
  }

  /**
   * One row per group and step of every curve, the grouping ({@code overall}, {@code kind}, {@code
   * fundingProfile}, {@code employerConcentration}) and the group in the first columns; a curve
   * without steps is one row with the step's columns empty.
   */
  static String survival(SurvivalCurves curves) {
    Csv csv =
        new Csv(
            "grouping",
            "group",
            "partnerships",
            "discontinued",
            "censored",
            "medianYears",
            "years",
            "atRisk",
            "discontinuedAtStep",
            "censoredAtStep",
            "survival");
    survival(csv, "overall", List.of(curves.overall()));
    survival(csv, "kind", curves.byKind());
    survival(csv, "fundingProfile", curves.byFundingProfile());
    survival(csv, "employerConcentration", curves.byEmployerConcentration());
    return csv.toString();
  }

  private static void survival(Csv csv, String grouping, List<SurvivalCurves.Curve> curves) {
    for (SurvivalCurves.Curve curve : curves) {
      Object[] group = {
        grouping,
        curve.group(),
        curve.partnerships(),
        curve.discontinued(),
        curve.censored(),
        curve.medianYears()
      };
      if (curve.steps().isEmpty()) {
        csv.row(concat(group, new Object[5]));
      }
      for (SurvivalCurves.Step step : curve.steps()) {
        csv.row(
            concat(
                group,
                new Object[] {
                  step.years(), step.atRisk(), step.discontinued(), step.censored(), step.survival()
                }));
      }
    }
  }

  /** One row per commitment, with the partnership it was made in and the partner that made it. */
  static String trackRecord(TrackRecord record) {
    Csv csv =
        new Csv(
            CsvTables.columns(
                CsvTables.COMMITMENT_COLUMNS,
                "partnershipId",
                "partnershipName",
                "phase",
                "organisationId",
                "organisationName"));
    for (TrackRecord.PartnershipRecord partnership : record.partnerships()) {
      Map<OrganisationId, String> names =
          partnership.participations().stream()
              .filter(p -> p.organisationName() != null)
              .collect(
                  Collectors.toMap(
                      TrackRecord.Participation::organisationId,
                      TrackRecord.Participation::organisationName,
                      (first, second) -> first));
      for (CommitmentLedger.Line line : partnership.commitments()) {
        csv.row(
            CsvTables.cells(
                CsvTables.commitmentCells(line),
                partnership.partnershipId().value(),
                partnership.name(),
                partnership.phase(),
                line.organisationId() == null ? null : line.organisationId().value(),
                names.get(line.organisationId())));
      }
    }
    return csv.toString();
  }

  /**
   * One row per recording, in the order recorded: the commit that stored it, and for a correction
   * or retraction the fact it amends and why.
   */
  static String audit(AuditTrail trail) {
    Csv csv =
        new Csv(
            "commit",
            "indexInCommit",
            "recordedAt",
            "recordedBy",
            "type",
            "factId",
            "occurredOn",
            "amendedFactId",
            "reason");
    Map<FactId, AuditTrail.Amendment> amendments =
        trail.amendments().stream()
            .collect(
                Collectors.toMap(
                    AuditTrail.Amendment::amendmentId, Function.identity(), (a, b) -> a));
    for (AuditTrail.Recorded recorded : trail.recordings()) {
      AuditTrail.Amendment amendment = amendments.get(recorded.factId());
      csv.row(
          recorded.commit(),
          recorded.indexInCommit(),
          recorded.recordedAt(),
          recorded.recordedBy(),
          recorded.type(),
          recorded.factId(),
          recorded.occurredOn(),
          amendment == null ? null : amendment.amendedFactId(),
          amendment == null ? null : amendment.reason());
    }
    return csv.toString();
  }

  private static Object[] concat(Object[] first, Object[] second) {
    Object[] both = new Object[first.length + second.length];
    System.arraycopy(first, 0, both, 0, first.length);
    System.arraycopy(second, 0, both, first.length, second.length);
    return both;
  }
}
