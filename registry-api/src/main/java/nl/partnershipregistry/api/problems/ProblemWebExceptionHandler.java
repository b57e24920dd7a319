package nl.partnershipregistry.api.problems;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * Problem details also for failures outside controllers: a path no controller serves (404), a
 * method it does not accept (405), a body that cannot be read before the controller runs. Runs
 * before Spring Boot's own error page. The refusal's own headers ({@code Retry-After}) go with it,
 * as they do from a controller ({@link ProblemAdvice}).
 */
@Component
@Order(-2)
public class ProblemWebExceptionHandler implements WebExceptionHandler {

  @Override
  public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
    if (!exchange.getResponse().isCommitted()) {
      exchange.getResponse().getHeaders().addAll(Problems.headers(failure));
    }
    return Problems.write(
        exchange, Problems.of(failure, exchange.getRequest().getPath().value()), false);
  }
}
