package nl.partnershipregistry.core.partnership;

import nl.partnershipregistry.core.common.DomainRuleViolation;
import nl.partnershipregistry.core.common.FactDate;

/** A fact is dated before the partnership started. */
public class FactBeforePartnershipStart extends DomainRuleViolation {

  public FactBeforePartnershipStart(
      String what, PartnershipId partnership, FactDate date, FactDate started) {
    super(
        "%s is dated %s, before partnership %s started (%s); correct the start or the date"
            .formatted(what, date, partnership, started));
  }
}
