package nl.partnershipregistry.projections.query.durability;

import static nl.partnershipregistry.projections.query.durability.DurabilityAnswers.finding;
import static nl.partnershipregistry.projections.query.durability.DurabilityAnswers.indicator;
import static nl.partnershipregistry.projections.query.durability.DurabilityIndicators.Verdict.AT_RISK;
import static nl.partnershipregistry.projections.query.durability.DurabilityIndicators.Verdict.HOLDS;
import static nl.partnershipregistry.projections.query.durability.DurabilityIndicators.Verdict.UNKNOWN;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import nl.partnershipregistry.core.common.FactId;
import nl.partnershipregistry.core.organisation.OrganisationId;
import nl.partnershipregistry.core.partnership.PartnershipAsOf;
import nl.partnershipregistry.core.partnership.vocabulary.CommitmentType;
import nl.partnershipregistry.core.partnership.vocabulary.KeyPersonRole;
import nl.partnershipregistry.projections.analysis.OrganisationDirectory;
import nl.partnershipregistry.projections.query.common.Finding;
import nl.partnershipregistry.projections.query.durability.DurabilityIndicators.Condition;
import nl.partnershipregistry.projections.query.durability.DurabilityIndicators.Indicator;
import nl.partnershipregistry.projections.query.durability.DurabilityIndicators.Verdict;

/**
 * Is the top committed on both sides: executive backing and a programme manager with mandate on the
 * school side and on the employer side; a mandate no source gives leaves it unknown.
 */
public final class TopCommitmentCondition implements DurabilityCondition {

  @Override
  public Condition condition() {
    return Condition.TOP_COMMITMENT;
  }

  @Override
  public Indicator judge(Judged judged) {
    PartnershipAsOf partnership = judged.partnership();
    OrganisationDirectory organisations = judged.organisations();
    String rule =
        "holds when both the school side and the employer side have executive backing (an"
            + " executive sponsor in the role, or an executive-backing commitment in force) and a"
            + " programme manager with mandate (in the role with mandate, or promised and in"
            + " force); at risk when one is missing; unknown when neither side has any recorded,"
            + " or when none is missing but a programme manager's mandate is not known";
    List<FactId> facts = new ArrayList<>();
    Boolean schoolBacking = backing(judged, organisations::isSchool, facts);
    Boolean schoolManager = manager(judged, organisations::isSchool, facts);
    Boolean employerBacking = backing(judged, organisations::isEmployer, facts);
    Boolean employerManager = manager(judged, organisations::isEmployer, facts);
    List<Boolean> sides =
        Arrays.asList(schoolBacking, schoolManager, employerBacking, employerManager);
    boolean anyRecorded =
        !partnership.keyPersons().isEmpty()
            || partnership.commitments().stream()
                .anyMatch(
                    c ->
                        c.type() == CommitmentType.EXECUTIVE_BACKING
                            || c.type() == CommitmentType.PROGRAMME_MANAGER);
    Finding value =
        finding(
            Condition.TOP_COMMITMENT,
            "sides",
            yesNo(schoolBacking),
            yesNo(schoolManager),
            yesNo(employerBacking),
            yesNo(employerManager));
    Verdict verdict;
    if (!anyRecorded) {
      verdict = UNKNOWN;
    } else if (sides.contains(Boolean.FALSE)) {
      verdict = AT_RISK;
    } else {
      verdict = sides.contains(null) ? UNKNOWN : HOLDS;
    }
    return indicator(Condition.TOP_COMMITMENT, value, rule, verdict, facts);
  }

  private static Boolean backing(
      Judged judged, Predicate<OrganisationId> side, List<FactId> facts) {
    return present(
        judged,
        side,
        KeyPersonRole.EXECUTIVE_SPONSOR,
        false,
        CommitmentType.EXECUTIVE_BACKING,
        facts);
  }

  private static Boolean manager(
      Judged judged, Predicate<OrganisationId> side, List<FactId> facts) {
    return present(
        judged,
        side,
        KeyPersonRole.PROGRAMME_MANAGER,
        true,
        CommitmentType.PROGRAMME_MANAGER,
        facts);
  }

  /**
   * Whether the side has the role (or the promise of it in force): true, false, or null when its
   * only candidate is a programme manager whose mandate the source does not give.
   */
  private static Boolean present(
      Judged judged,
      Predicate<OrganisationId> side,
      KeyPersonRole role,
      boolean needsMandate,
      CommitmentType promise,
      List<FactId> facts) {
    boolean found = false;
    boolean perhaps = false;
    for (PartnershipAsOf.KeyPerson person : judged.partnership().keyPersons()) {
      if (!person.isActive() || person.assigned().keyPersonRole() != role) {
        continue;
      }
      Boolean mandate = person.assigned().withMandate();
      if (person.assigned().organisationId() == null) {
        // A person whose organisation no source names may be on this side: perhaps, never no.
        if (!needsMandate || !Boolean.FALSE.equals(mandate)) {
          facts.add(person.assigned().factId());
          perhaps = true;
        }
        continue;
      }
      if (!side.test(person.assigned().organisationId())) {
        continue;
      }
      if (!needsMandate || Boolean.TRUE.equals(mandate)) {
        facts.add(person.assigned().factId());
        found = true;
      } else if (mandate == null) {
        facts.add(person.assigned().factId());
        perhaps = true;
      }
    }
    for (PartnershipAsOf.Commitment commitment : judged.partnership().commitments()) {
      if (commitment.type() == promise
          && commitment.isInForce(judged.asOf())
          && side.test(commitment.organisationId())) {
        facts.add(commitment.factId());
        found = true;
      }
    }
    return found ? Boolean.TRUE : perhaps ? null : Boolean.FALSE;
  }

  private static Finding yesNo(Boolean value) {
    return Finding.of(value == null ? "finding.unknown" : value ? "finding.yes" : "finding.no");
  }
}
