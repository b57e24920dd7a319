package nl.partnershipregistry.api.web;

import nl.partnershipregistry.api.operations.ProjectionOperations;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** {@code POST /api/projections/rebuild}: rebuilds the read models from the event store. */
@RestController
public class OperationsController {

  private final ProjectionOperations operations;

  public OperationsController(ProjectionOperations operations) {
    this.operations = operations;
  }

  @PostMapping("/api/projections/rebuild")
  @ResponseStatus(HttpStatus.ACCEPTED)
  public Mono<ProjectionOperations.Rebuild> rebuild() {
    return Mono.fromCallable(operations::rebuild).subscribeOn(Schedulers.boundedElastic());
  }
}
