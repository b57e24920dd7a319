package nl.partnershipregistry.core.partnership;

import nl.partnershipregistry.core.common.DomainRuleViolation;
import nl.partnershipregistry.core.common.FactDate;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipId;

/**
 * A fact is dated while the partnership was discontinued; only evaluations, settlements of earlier
 * commitments and funding, and a revival may be.
 */
public class PartnershipNotRunning extends DomainRuleViolation {

  public PartnershipNotRunning(
      String what, PartnershipId partnership, FactDate date, FactDate discontinuedOn) {
    super(
        "%s is dated %s, but partnership %s was discontinued on %s; record a revival first, or date it before the discontinuation"
            .formatted(what, date, partnership, discontinuedOn));
  }
}
