package nl.partnershipregistry.api.pages;

import java.util.Optional;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The pages' questions, asked of the query gateway as the JSON API asks them: the same queries to
 * the same handlers, off the event loop (the handlers read MongoDB with the blocking driver).
 */
@Component
public class PageQueries {

  private final QueryGateway queries;

  public PageQueries(QueryGateway queries) {
    this.queries = queries;
  }

  <R> Mono<R> ask(Object query, Class<R> answer) {
    return Mono.fromFuture(() -> queries.query(query, ResponseTypes.instanceOf(answer)))
        .subscribeOn(Schedulers.boundedElastic());
  }

  <R> Mono<Optional<R>> askOptional(Object query, Class<R> answer) {
    return Mono.fromFuture(() -> queries.query(query, ResponseTypes.optionalInstanceOf(answer)))
        .subscribeOn(Schedulers.boundedElastic());
  }
}
