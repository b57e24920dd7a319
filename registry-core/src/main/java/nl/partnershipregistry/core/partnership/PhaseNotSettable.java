package nl.partnershipregistry.core.partnership;

import nl.partnershipregistry.core.common.DomainRuleViolation;

/** A phase change names a phase that has its own command. */
public class PhaseNotSettable extends DomainRuleViolation {

  public PhaseNotSettable(Phase phase) {
    super(
        "the phase cannot be changed to %s: %s"
            .formatted(
                phase,
                phase == Phase.DISCONTINUED
                    ? "record a discontinuation with its reason instead"
                    : "a partnership is initiated only by its registration"));
  }
}
