package nl.partnershipregistry.core.partnership;

import java.time.LocalDate;
import nl.partnershipregistry.core.common.DomainRuleViolation;
import nl.partnershipregistry.core.common.FactDate;

/** A fact is dated after the day it is recorded. */
public class FactDatedInFuture extends DomainRuleViolation {

  public FactDatedInFuture(FactDate date, LocalDate recordedOn) {
    super(
        "the fact is dated %s, after the day it is recorded (%s); the registry records what has happened"
            .formatted(date, recordedOn));
  }
}
