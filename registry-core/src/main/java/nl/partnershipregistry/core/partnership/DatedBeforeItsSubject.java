package nl.partnershipregistry.core.partnership;

import nl.partnershipregistry.core.common.DomainRuleViolation;
import nl.partnershipregistry.core.common.FactDate;

/**
 * A fact about a commitment, funding, activity, cohort or key person is dated before that subject
 * was recorded.
 */
public class DatedBeforeItsSubject extends DomainRuleViolation {

  public DatedBeforeItsSubject(
      String what, String kind, String identifier, FactDate date, FactDate subjectDate) {
    super(
        "%s is dated %s, before %s %s began (%s)"
            .formatted(what, date, kind, identifier, subjectDate));
  }
}
