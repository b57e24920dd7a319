package nl.partnershipregistry.api.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StreamLimitTest {

  final StreamLimit limit = new StreamLimit(3);

  @Test
  void a_user_gets_as_many_places_as_allowed_and_no_more() {
    List<StreamLimit.Place> places = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      places.add(limit.take("auditor").orElseThrow());
    }

    assertThat(limit.take("auditor")).isEmpty();
    assertThat(limit.take("researcher")).as("another user counts apart").isPresent();
  }

  @Test
  void a_place_given_back_twice_frees_one_place() {
    StreamLimit.Place first = limit.take("auditor").orElseThrow();
    limit.take("auditor").orElseThrow();
    limit.take("auditor").orElseThrow();

    first.close();
    first.close();

    assertThat(limit.held("auditor")).isEqualTo(2);
    Optional<StreamLimit.Place> again = limit.take("auditor");
    assertThat(again).isPresent();
    assertThat(limit.take("auditor")).isEmpty();
  }

  @Test
  void a_limit_below_one_is_refused_at_start() {
    assertThatThrownBy(() -> new StreamLimit(0))
        .hasMessage("registry.events.streams-per-user must be 1 or more, not 0");
  }
}
