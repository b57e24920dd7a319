package nl.partnershipregistry.core.partnership;

import nl.partnershipregistry.core.common.DomainRuleViolation;
import nl.partnershipregistry.core.common.FactDate;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipId;

/**
 * A fact is dated before the partnership started, or, where its start is unknown, before the
 * earliest evidence that it existed.
 */
public class FactBeforePartnershipStart extends DomainRuleViolation {

  public FactBeforePartnershipStart(
      String what, PartnershipId partnership, FactDate date, FactDate started) {
    this(what, partnership, date, started, true);
  }

  public FactBeforePartnershipStart(
      String what, PartnershipId partnership, FactDate date, FactDate registered, boolean known) {
    super(
        known
            ? "%s is dated %s, before partnership %s started (%s); correct the start or the date"
                .formatted(what, date, partnership, registered)
            : ("%s is dated %s, before the earliest evidence that partnership %s existed (%s, its"
                    + " start is unknown); if the fact's source shows it existing then, first"
                    + " correct the registration to that earlier date")
                .formatted(what, date, partnership, registered));
  }
}
