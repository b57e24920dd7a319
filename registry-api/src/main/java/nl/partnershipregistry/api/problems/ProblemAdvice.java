package nl.partnershipregistry.api.problems;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebExchange;

/** Every failure of a controller becomes a problem detail; {@link Problems} decides which. */
@RestControllerAdvice
public class ProblemAdvice {

  @ExceptionHandler(Throwable.class)
  ResponseEntity<ProblemDetail> handle(Throwable failure, ServerWebExchange exchange) {
    ProblemDetail problem = Problems.of(failure, exchange.getRequest().getPath().value());
    // A problem also to a client that asked for a stream of events, not an event holding one.
    return ResponseEntity.status(problem.getStatus())
        .headers(Problems.headers(failure))
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }
}
