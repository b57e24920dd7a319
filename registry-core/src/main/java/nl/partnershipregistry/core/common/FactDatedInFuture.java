package nl.partnershipregistry.core.common;

import java.time.LocalDate;

/** A fact is dated after the day it is recorded. */
public class FactDatedInFuture extends DomainRuleViolation {

  public FactDatedInFuture(FactDate date, LocalDate recordedOn) {
    super(
        "the fact is dated %s, after the day it is recorded (%s); the registry records what has happened"
            .formatted(date, recordedOn));
  }
}
