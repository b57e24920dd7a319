package nl.partnershipregistry.api.web;

import java.util.List;
import nl.partnershipregistry.api.operations.ProjectionOperations;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;
import reactor.core.publisher.Mono;

/** {@code POST /api/projections/rebuild}: rebuilds the read models from the event store. */
@RestController
public class OperationsController {

  private final ProjectionOperations operations;

  public OperationsController(ProjectionOperations operations) {
    this.operations = operations;
  }

  /**
   * Takes no body; a request that declares one must declare JSON, so that no form on another site
   * can ask for a rebuild.
   */
  @PostMapping("/api/projections/rebuild")
  @ResponseStatus(HttpStatus.ACCEPTED)
  public Mono<ProjectionOperations.Rebuild> rebuild(
      @RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) MediaType contentType) {
    if (contentType != null && !MediaType.APPLICATION_JSON.isCompatibleWith(contentType)) {
      return Mono.error(
          new UnsupportedMediaTypeStatusException(
              contentType, List.of(MediaType.APPLICATION_JSON), HttpMethod.POST));
    }
    return OffTheEventLoop.call(operations::rebuild);
  }
}
