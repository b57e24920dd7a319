package nl.partnershipregistry.core.partnership;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The fold's registers: in the order first defined, a change leaving the register before alone. */
class RegisterTest {

  @Test
  void keeps_the_order_entries_were_first_defined_in_and_a_replaced_entry_its_place() {
    Register<String, String> register =
        Register.<String, String>empty().with("b", "1").with("a", "2").with("b", "3");

    assertThat(register.values()).containsExactly("3", "2");
    assertThat(register.get("b")).isEqualTo("3");
    assertThat(register.get("c")).isNull();
  }

  @Test
  void a_change_leaves_the_register_before_it_as_it_was_small_or_large() {
    for (int size : new int[] {3, Register.SMALL, Register.SMALL + 40}) {
      Register<Integer, String> before = Register.empty();
      for (int i = 0; i < size; i++) {
        before = before.with(i, "v" + i);
      }
      List<String> valuesBefore = new ArrayList<>(before.values());

      Register<Integer, String> added = before.with(size, "new");
      Register<Integer, String> replaced = before.with(0, "changed");

      assertThat(before.values()).as("size %d", size).isEqualTo(valuesBefore);
      assertThat(added.values()).hasSize(size + 1).endsWith("new");
      assertThat(replaced.values()).hasSize(size).startsWith("changed");
      assertThat(replaced.get(0)).isEqualTo("changed");
      assertThat(before.get(0)).isEqualTo("v0");
    }
  }

  @Test
  void past_the_small_size_the_order_and_the_entries_stay_as_they_were_defined() {
    Register<Integer, Integer> register = Register.empty();
    for (int i = 99; i >= 0; i--) {
      register = register.with(i, i * 10);
    }
    register = register.with(50, -1);

    List<Integer> expected =
        new ArrayList<>(IntStream.rangeClosed(0, 99).map(i -> (99 - i) * 10).boxed().toList());
    expected.set(99 - 50, -1);
    assertThat(register.values()).isEqualTo(expected);
    assertThat(register.get(7)).isEqualTo(70);
  }
}
