package nl.partnershipregistry.api.problems;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import nl.partnershipregistry.api.command.InputTooLarge;
import nl.partnershipregistry.api.command.InvalidInput;
import nl.partnershipregistry.api.operations.ReadModelsNotReady;
import nl.partnershipregistry.core.common.DomainRuleViolation;
import nl.partnershipregistry.core.common.InvalidValue;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponse;
import org.springframework.web.reactive.resource.NoResourceFoundException;
import org.springframework.web.server.NotAcceptableStatusException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;
import reactor.core.publisher.Mono;

/**
 * The registry's refusals as RFC 7807 problem details, in one place: which failure gets which
 * status, title and extra members ({@code field} for an invalid field, {@code rule} for a broken
 * domain rule). Nothing internal reaches the client: an unexpected failure is logged with a
 * reference and answered with that reference only.
 */
public final class Problems {

  private static final Logger log = LoggerFactory.getLogger(Problems.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private Problems() {}

  /** The problem a failure amounts to. */
  public static ProblemDetail of(Throwable failure) {
    return of(failure, null);
  }

  /** The problem a failure at this path amounts to: an unknown address is named in words. */
  public static ProblemDetail of(Throwable failure, String path) {
    Throwable e = unwrap(failure);
    if (e instanceof NoResourceFoundException) {
      return problem(
          HttpStatus.NOT_FOUND,
          "Not found",
          "The registry has no address"
              + (path == null
                  ? ""
                  : " " + (path.length() > 200 ? path.substring(0, 200) + "..." : path))
              + "; the API's addresses are listed at /api and described at /v3/api-docs.");
    }
    if (e instanceof InvalidInput invalid) {
      return invalidField(invalid.field(), invalid.getMessage());
    }
    if (e instanceof InvalidValue invalid) {
      String problem = invalid.getMessage();
      String prefix = invalid.field() + ": ";
      return invalidField(
          invalid.field(),
          problem.startsWith(prefix) ? problem.substring(prefix.length()) : problem);
    }
    if (e instanceof DomainRuleViolation violation) {
      HttpStatus status =
          violation.conflictsWithRecord() ? HttpStatus.CONFLICT : HttpStatus.UNPROCESSABLE_ENTITY;
      ProblemDetail problem =
          problem(status, "Refused by rule " + violation.rule(), e.getMessage());
      problem.setType(URI.create("urn:partnership-registry:rule:" + violation.rule()));
      problem.setProperty("rule", violation.rule());
      return problem;
    }
    if (e instanceof AggregateNotFoundException notFound) {
      return problem(
          HttpStatus.NOT_FOUND,
          "Not found",
          "Nothing is registered under " + notFound.getAggregateIdentifier());
    }
    if (e instanceof NotFound notFound) {
      ProblemDetail problem = problem(HttpStatus.NOT_FOUND, "Not found", notFound.getMessage());
      if (notFound.firstRecordedAt() != null) {
        problem.setType(URI.create("urn:partnership-registry:not-yet-known"));
        problem.setTitle("Not yet known");
        problem.setProperty("firstRecordedAt", notFound.firstRecordedAt().toString());
      }
      return problem;
    }
    if (e instanceof ReadModelsNotReady notReady) {
      ProblemDetail problem =
          problem(HttpStatus.SERVICE_UNAVAILABLE, "Not ready", notReady.getMessage());
      problem.setType(URI.create("urn:partnership-registry:not-ready"));
      problem.setProperty("reason", notReady.reason());
      return problem;
    }
    if (e instanceof ConcurrencyException) {
      return problem(
          HttpStatus.CONFLICT,
          "Changed at the same time",
          "Someone else recorded a fact about the same aggregate at the same moment; send the"
              + " command again.");
    }
    if (e instanceof DataBufferLimitException || e.getCause() instanceof DataBufferLimitException) {
      return problem(
          HttpStatus.PAYLOAD_TOO_LARGE,
          "Body too large",
          "The request body is larger than allowed.");
    }
    if (e instanceof InputTooLarge tooLarge) {
      return problem(HttpStatus.PAYLOAD_TOO_LARGE, "Body too large", tooLarge.getMessage());
    }
    if (e instanceof UnsupportedMediaTypeStatusException unsupported) {
      List<String> accepted =
          unsupported.getSupportedMediaTypes().stream().map(MediaType::toString).toList();
      ProblemDetail problem =
          problem(
              HttpStatus.UNSUPPORTED_MEDIA_TYPE,
              "Unsupported content type",
              "Send the body as " + String.join(" or ", accepted) + " (Content-Type).");
      problem.setProperty("accepted", accepted);
      return problem;
    }
    if (e instanceof NotAcceptableStatusException notAcceptable) {
      List<String> offered =
          notAcceptable.getSupportedMediaTypes().stream()
              .map(type -> type.getType() + "/" + type.getSubtype())
              .distinct()
              .toList();
      ProblemDetail problem =
          problem(
              HttpStatus.NOT_ACCEPTABLE,
              "Not available in that format",
              "This address answers "
                  + String.join(" or ", offered)
                  + "; ask for it with Accept"
                  + (offered.contains("text/csv") ? " or ?format=csv" : "")
                  + ".");
      problem.setProperty("offered", offered);
      return problem;
    }
    if (e instanceof ServerWebInputException input) {
      ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Bad request", input.getReason());
      if (input.getMethodParameter() != null
          && input.getMethodParameter().getParameterName() != null) {
        problem.setProperty("field", input.getMethodParameter().getParameterName());
      }
      return problem;
    }
    if (e instanceof ResponseStatusException status) {
      HttpStatusCode code = status.getStatusCode();
      HttpStatus known = HttpStatus.resolve(code.value());
      return problem(
          code,
          known != null ? known.getReasonPhrase() : "Error",
          status.getReason() != null ? status.getReason() : null);
    }
    String reference = UUID.randomUUID().toString();
    log.error("Unexpected failure, reference {}", reference, failure);
    return problem(
        HttpStatus.INTERNAL_SERVER_ERROR,
        "Internal error",
        "The registry could not handle this request. Reference: " + reference);
  }

  /**
   * Headers a failure's answer carries: those of the refusal itself (a 429's {@code Retry-After}),
   * and {@code Retry-After} when the read models are not ready.
   */
  public static HttpHeaders headers(Throwable failure) {
    HttpHeaders headers = new HttpHeaders();
    Throwable e = unwrap(failure);
    if (e instanceof ErrorResponse response) {
      // Headers that belong to the refusal, such as a 429's Retry-After.
      headers.addAll(response.getHeaders());
    }
    if (e instanceof ReadModelsNotReady) {
      headers.set(
          HttpHeaders.RETRY_AFTER, String.valueOf(ReadModelsNotReady.RETRY_AFTER.toSeconds()));
    }
    return headers;
  }

  static ProblemDetail invalidField(String field, String message) {
    ProblemDetail problem =
        problem(
            HttpStatus.BAD_REQUEST,
            "Invalid request",
            field == null ? message : field + ": " + message);
    problem.setType(URI.create("urn:partnership-registry:invalid-request"));
    if (field != null) {
      problem.setProperty("field", field);
    }
    return problem;
  }

  static ProblemDetail problem(HttpStatusCode status, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatus(status);
    problem.setTitle(title);
    if (detail != null) {
      problem.setDetail(detail);
    }
    return problem;
  }

  /** Writes a problem outside a controller (security refusals, requests that reach none). */
  public static Mono<Void> write(
      ServerWebExchange exchange,
      HttpStatus status,
      String title,
      String detail,
      boolean challenge) {
    return write(exchange, problem(status, title, detail), challenge);
  }

  static Mono<Void> write(ServerWebExchange exchange, ProblemDetail problem, boolean challenge) {
    var response = exchange.getResponse();
    if (response.isCommitted()) {
      return Mono.empty();
    }
    problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
    response.setRawStatusCode(problem.getStatus());
    response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
    if (challenge) {
      response
          .getHeaders()
          .set(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"partnership registry\"");
    }
    byte[] body;
    try {
      var map = new java.util.LinkedHashMap<String, Object>();
      map.put("type", problem.getType().toString());
      map.put("title", problem.getTitle());
      map.put("status", problem.getStatus());
      if (problem.getDetail() != null) {
        map.put("detail", problem.getDetail());
      }
      map.put("instance", problem.getInstance().toString());
      if (problem.getProperties() != null) {
        map.putAll(problem.getProperties());
      }
      body = JSON.writeValueAsBytes(map);
    } catch (Exception e) {
      body = ("{\"status\":" + problem.getStatus() + "}").getBytes(StandardCharsets.UTF_8);
    }
    return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
  }

  private static Throwable unwrap(Throwable e) {
    Throwable current = e;
    while ((current instanceof java.util.concurrent.CompletionException
            || current instanceof java.util.concurrent.ExecutionException
            || current instanceof org.axonframework.commandhandling.CommandExecutionException
            || current instanceof org.axonframework.queryhandling.QueryExecutionException)
        && current.getCause() != null) {
      current = current.getCause();
    }
    return current;
  }
}
