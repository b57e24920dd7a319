package nl.partnershipregistry.api.pages;

import java.math.BigDecimal;
import nl.partnershipregistry.projections.query.state.PartnershipState;

/**
 * Where the Katapult profile's place falls in the page's square of the two axes: led from inside
 * education at the left, from outside at the right; non-formal learning at the bottom, formal at
 * the top. Only layout: the shares are the state answer's; without them there is no place.
 */
public record KatapultPlace(int x, int y) {

  static final int LEFT = 60;
  static final int TOP = 20;
  static final int SIDE = 200;

  static KatapultPlace of(PartnershipState.KatapultProfile profile) {
    if (profile == null
        || profile.ledFromOutsideShare() == null
        || profile.formalLearningShare() == null) {
      return null;
    }
    return new KatapultPlace(
        LEFT + offset(profile.ledFromOutsideShare()),
        TOP + SIDE - offset(profile.formalLearningShare()));
  }

  private static int offset(BigDecimal share) {
    return share.multiply(BigDecimal.valueOf(SIDE)).intValue();
  }
}
