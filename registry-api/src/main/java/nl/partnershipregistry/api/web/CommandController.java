package nl.partnershipregistry.api.web;

import java.net.URI;
import java.security.Principal;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import nl.partnershipregistry.api.command.CommandCatalogue;
import nl.partnershipregistry.api.command.CommandCatalogue.Target;
import nl.partnershipregistry.api.command.CommandOutcome;
import nl.partnershipregistry.api.command.CommandReader;
import nl.partnershipregistry.api.command.CommandSender;
import nl.partnershipregistry.api.problems.NotFound;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.MethodNotAllowedException;
import reactor.core.publisher.Mono;

/**
 * Records facts: one {@code POST} per command of {@link CommandCatalogue}. The body is the
 * command's fields as JSON, read as UTF-8 bytes so that bytes that are not UTF-8 are refused rather
 * than replaced (see {@link CommandReader}); the aggregate comes from the path, who recorded it and
 * when from the registry. Answers 201 with the new aggregate's location for a registration, 202 for
 * a fact (the read models follow within moments), 200 when the same fact was recorded before, each
 * with the commit numbers the events were stored under.
 */
@RestController
public class CommandController {

  private final CommandReader reader;
  private final CommandSender sender;
  private final Clock clock;

  public CommandController(CommandReader reader, CommandSender sender, Clock clock) {
    this.reader = reader;
    this.sender = sender;
    this.clock = clock;
  }

  @PostMapping(
      path = {"/api/partnerships", "/api/organisations"},
      consumes = MediaType.APPLICATION_JSON_VALUE)
  public Mono<ResponseEntity<Receipt>> register(
      @RequestBody(required = false) byte[] body,
      Principal principal,
      org.springframework.http.server.reactive.ServerHttpRequest request) {
    Target target =
        request.getPath().value().startsWith(Target.ORGANISATION.collection())
            ? Target.ORGANISATION
            : Target.PARTNERSHIP;
    CommandCatalogue command = CommandCatalogue.at(target, "").orElseThrow();
    return handle(command, body, null, principal);
  }

  @PostMapping(
      path = "/api/{collection:partnerships|organisations}/{id}/{segment}",
      consumes = MediaType.APPLICATION_JSON_VALUE)
  public Mono<ResponseEntity<Receipt>> recordFact(
      @PathVariable String collection,
      @PathVariable String id,
      @PathVariable String segment,
      @RequestBody(required = false) byte[] body,
      Principal principal) {
    Target target = collection.equals("organisations") ? Target.ORGANISATION : Target.PARTNERSHIP;
    return handle(command(target, segment), body, id, principal);
  }

  /**
   * A GET at a command's address answers 405 (it takes POST); at an address that is neither a
   * command nor one of the questions (which have their own, more specific mappings), 404.
   */
  @GetMapping("/api/{collection:partnerships|organisations}/{id}/{segment}")
  public Mono<Void> noQuestionHere(
      @PathVariable String collection, @PathVariable String id, @PathVariable String segment) {
    Target target = collection.equals("organisations") ? Target.ORGANISATION : Target.PARTNERSHIP;
    if (CommandCatalogue.at(target, segment).filter(command -> !command.registers()).isPresent()) {
      return Mono.error(new MethodNotAllowedException(HttpMethod.GET, Set.of(HttpMethod.POST)));
    }
    return Mono.error(
        new NotFound(
            "The registry has no address "
                + target.collection()
                + "/{id}/"
                + (segment.length() > 40 ? segment.substring(0, 40) + "..." : segment)
                + "; the API's addresses are listed at /api and described at /v3/api-docs."));
  }

  private static CommandCatalogue command(Target target, String segment) {
    return CommandCatalogue.at(target, segment)
        .filter(command -> !command.registers())
        .orElseThrow(
            () ->
                new NotFound(
                    "No command at "
                        + target.collection()
                        + "/{id}/"
                        + (segment.length() > 40 ? segment.substring(0, 40) + "..." : segment)
                        + "; see /v3/api-docs for the commands"));
  }

  private Mono<ResponseEntity<Receipt>> handle(
      CommandCatalogue command, byte[] body, String id, Principal principal) {
    return OffTheEventLoop.call(
            () ->
                sender
                    .send(
                        command,
                        reader.readBody(command, body, id, principal.getName(), clock.instant()))
                    .join())
        .map(CommandController::answer);
  }

  private static ResponseEntity<Receipt> answer(CommandOutcome outcome) {
    HttpStatus status =
        !outcome.changed()
            ? HttpStatus.OK
            : outcome.command().registers() ? HttpStatus.CREATED : HttpStatus.ACCEPTED;
    return ResponseEntity.status(status)
        .location(URI.create(outcome.location()))
        .body(Receipt.of(outcome));
  }

  /**
   * What a client learns of its command.
   *
   * @param command the command's name
   * @param id the partnership or organisation it recorded a fact about
   * @param factId the recorded fact
   * @param changed false when the same fact was recorded before, so nothing was stored
   * @param commits the commit numbers the events were stored under (empty when unchanged)
   * @param location where the partnership or organisation can be read
   */
  public record Receipt(
      String command,
      String id,
      String factId,
      boolean changed,
      List<Long> commits,
      String location) {

    static Receipt of(CommandOutcome outcome) {
      return new Receipt(
          outcome.command().commandName(),
          outcome.aggregateId(),
          outcome.factId(),
          outcome.changed(),
          outcome.commits(),
          outcome.location());
    }
  }
}
