package nl.partnershipregistry.core.partnership;

import nl.partnershipregistry.core.common.DomainRuleViolation;
import nl.partnershipregistry.core.common.FactDate;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipId;
import nl.partnershipregistry.core.partnership.vocabulary.Phase;

/** A phase change repeats the phase the partnership is already in. */
public class AlreadyInPhase extends DomainRuleViolation {

  public AlreadyInPhase(PartnershipId partnership, Phase phase, FactDate since) {
    super("partnership %s is already in phase %s since %s".formatted(partnership, phase, since));
  }
}
