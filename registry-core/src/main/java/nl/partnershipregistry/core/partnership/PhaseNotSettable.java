package nl.partnershipregistry.core.partnership;

import nl.partnershipregistry.core.common.DomainRuleViolation;
import nl.partnershipregistry.core.partnership.vocabulary.Phase;

/**
 * A phase change, revival or registration names a phase it cannot set: discontinued (which has its
 * own command), unknown (what no phase named means), or initiated once another phase is known.
 */
public class PhaseNotSettable extends DomainRuleViolation {

  public PhaseNotSettable(Phase phase) {
    super(
        "the phase cannot be changed to %s: %s"
            .formatted(
                phase,
                switch (phase) {
                  case DISCONTINUED -> "record a discontinuation with its reason instead";
                  case UNKNOWN -> "leave the phase out where no source names it";
                  default -> "a partnership is initiated only before any other phase is known";
                }));
  }
}
