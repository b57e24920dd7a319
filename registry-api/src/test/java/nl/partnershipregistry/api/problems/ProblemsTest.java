package nl.partnershipregistry.api.problems;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletionException;
import nl.partnershipregistry.api.command.InputTooLarge;
import nl.partnershipregistry.api.command.InvalidInput;
import nl.partnershipregistry.core.common.FactId;
import nl.partnershipregistry.core.common.FactIdAlreadyUsed;
import nl.partnershipregistry.core.common.InvalidValue;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.ProblemDetail;

class ProblemsTest {

  @Test
  void an_invalid_field_is_400_naming_the_field() {
    ProblemDetail problem = Problems.of(new InvalidInput("occurredOn", "is not a date"));

    assertThat(problem.getStatus()).isEqualTo(400);
    assertThat(problem.getProperties()).containsEntry("field", "occurredOn");
    assertThat(problem.getDetail()).isEqualTo("occurredOn: is not a date");
  }

  @Test
  void an_invalid_value_from_the_domain_is_400_naming_the_field() {
    ProblemDetail problem = Problems.of(new InvalidValue("amount", "must not be negative"));

    assertThat(problem.getStatus()).isEqualTo(400);
    assertThat(problem.getProperties()).containsEntry("field", "amount");
  }

  @Test
  void a_reused_fact_id_is_a_409_conflict_naming_the_rule() {
    ProblemDetail problem =
        Problems.of(new CompletionException(new FactIdAlreadyUsed(FactId.of("f1"))));

    assertThat(problem.getStatus()).isEqualTo(409);
    assertThat(problem.getProperties()).containsEntry("rule", "FactIdAlreadyUsed");
  }

  @Test
  void a_concurrent_change_is_409_and_says_to_send_again() {
    ProblemDetail problem = Problems.of(new ConcurrencyException("sequence 4 taken"));

    assertThat(problem.getStatus()).isEqualTo(409);
    assertThat(problem.getDetail()).contains("send the command again");
    assertThat(problem.getDetail()).doesNotContain("sequence 4");
  }

  @Test
  void an_unknown_aggregate_is_404() {
    assertThat(Problems.of(new AggregateNotFoundException("nobody", "gone")).getStatus())
        .isEqualTo(404);
  }

  @Test
  void a_command_or_an_import_over_its_limit_is_413_whoever_finds_it() {
    ProblemDetail problem =
        Problems.of(new InputTooLarge("The command is 2000000 bytes; at most 1048576."));

    assertThat(problem.getStatus()).isEqualTo(413);
    assertThat(problem.getDetail()).contains("1048576");
  }

  @Test
  void a_body_over_the_limit_is_413() {
    assertThat(Problems.of(new DataBufferLimitException("too big")).getStatus()).isEqualTo(413);
  }

  @Test
  void an_unexpected_failure_is_500_with_a_reference_and_no_internals() {
    ProblemDetail problem = Problems.of(new IllegalStateException("secret internal detail"));

    assertThat(problem.getStatus()).isEqualTo(500);
    assertThat(problem.getDetail()).contains("Reference: ").doesNotContain("secret");
  }
}
