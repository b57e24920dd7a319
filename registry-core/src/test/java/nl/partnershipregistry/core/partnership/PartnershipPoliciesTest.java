package nl.partnershipregistry.core.partnership;

import static nl.partnershipregistry.core.partnership.Facts.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import nl.partnershipregistry.core.common.Violation;
import nl.partnershipregistry.core.partnership.PartnershipPolicies.Policy;
import nl.partnershipregistry.core.partnership.event.PartnershipEvent;
import nl.partnershipregistry.core.partnership.vocabulary.FundingType;
import org.junit.jupiter.api.Test;

/**
 * The rules as named policies over the one fold: each is checked, and a fact that breaks one does
 * not take effect for the facts after it.
 */
class PartnershipPoliciesTest {

  private static List<Violation> violationsOf(PartnershipEvent... events) {
    PartnershipHistory history = new PartnershipHistory();
    for (PartnershipEvent event : events) {
      history.add(event);
    }
    return history.violations();
  }

  @Test
  void every_named_policy_is_checked() throws IllegalAccessException {
    List<Policy> named = new ArrayList<>();
    for (Field field : PartnershipPolicies.class.getDeclaredFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == Policy.class) {
        named.add((Policy) field.get(null));
      }
    }
    assertThat(named).hasSizeGreaterThan(20);
    assertThat(PartnershipPolicies.ALL).containsExactlyInAnyOrderElementsOf(named);
  }

  @Test
  void a_join_that_breaks_a_rule_does_not_make_a_second_membership() {
    // Joined in 2003, "joined" again in 2004 (refused as a command; here in a history as such),
    // left in 2005: the departure ends the only membership, so the 2006 commitment has no partner.
    List<Violation> violations =
        violationsOf(
            registered(),
            admit(id("j1"), HITECS, year(2003)).toFact(),
            admit(id("j2"), HITECS, year(2004)).toFact(),
            leave(id("l"), HITECS, year(2005)).toFact(),
            commit(id("c"), "c1", HITECS, year(2006)).toFact());

    assertThat(violations)
        .extracting(v -> v.factId().value() + " " + v.problem().getClass().getSimpleName())
        .containsExactly("j2 PartnerAlreadyActive", "c PartnerNotActive");
  }

  @Test
  void a_disbursement_over_the_award_is_not_counted_for_the_next() {
    // 60,000 of an award of 100,000 (AWARDED_EUROS) is refused as too much after 50,000; the next
    // 50,000 fits.
    List<Violation> violations =
        violationsOf(
            registered(),
            award(id("a"), "f1", FundingType.SUBSIDY, year(2003)).toFact(),
            disburse(id("d1"), "f1", year(2004), 50_000).toFact(),
            disburse(id("d2"), "f1", year(2005), 60_000).toFact(),
            disburse(id("d3"), "f1", year(2006), 50_000).toFact());

    assertThat(violations)
        .extracting(v -> v.factId().value() + " " + v.problem().getClass().getSimpleName())
        .containsExactly("d2 FundingExceeded");
  }
}
