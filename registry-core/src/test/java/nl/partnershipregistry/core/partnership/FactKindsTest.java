package nl.partnershipregistry.core.partnership;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import nl.partnershipregistry.core.partnership.event.PartnershipEvent;
import nl.partnershipregistry.core.partnership.event.PartnershipFact;
import org.junit.jupiter.api.Test;

class FactKindsTest {

  /** Every concrete fact type of the sealed hierarchy, found by walking its permitted subtypes. */
  private static Set<Class<?>> concreteFactTypes() {
    Set<Class<?>> found = new HashSet<>();
    Deque<Class<?>> toVisit = new ArrayDeque<>();
    toVisit.add(PartnershipEvent.class);
    while (!toVisit.isEmpty()) {
      Class<?> type = toVisit.pop();
      if (type.isSealed()) {
        toVisit.addAll(java.util.List.of(type.getPermittedSubclasses()));
      } else if (PartnershipFact.class.isAssignableFrom(type) && !type.isInterface()) {
        found.add(type);
      }
    }
    return found;
  }

  @Test
  void every_kind_of_fact_has_its_entry_and_the_table_names_no_other() {
    Set<Class<?>> facts = concreteFactTypes();

    assertThat(facts).as("the walk found the fact types").hasSizeGreaterThan(25);
    assertThat(FactKinds.types()).containsExactlyInAnyOrderElementsOf(facts);
  }
}
