package nl.partnershipregistry.api.web;

import java.security.Principal;
import nl.partnershipregistry.api.importing.ImportReport;
import nl.partnershipregistry.api.importing.Importer;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code POST /api/import}: a JSON Lines file of commands (see {@code docs/import.md}), applied in
 * order as the lines arrive. Only as JSON Lines ({@code application/x-ndjson} or {@code
 * application/jsonl}): a content type a browser may send from any site's form or script without
 * asking first ({@code text/plain}) is refused. Answers 200 with the report when every line was
 * applied or already recorded, 422 with the same report when some were rejected (the others are
 * applied).
 */
@RestController
public class ImportController {

  private final Importer importer;

  public ImportController(Importer importer) {
    this.importer = importer;
  }

  @PostMapping(
      path = "/api/import",
      consumes = {"application/x-ndjson", "application/jsonl"})
  public Mono<ResponseEntity<ImportReport>> importLines(
      @RequestBody(required = false) Flux<String> lines, Principal principal) {
    Flux<String> body = lines == null ? Flux.empty() : lines;
    return Mono.fromCallable(() -> importer.start(principal.getName()))
        .flatMap(
            run ->
                body.publishOn(Schedulers.boundedElastic())
                    .doOnNext(run::apply)
                    .then(Mono.fromCallable(run::report)))
        .map(
            report ->
                ResponseEntity.status(
                        report.clean() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_ENTITY)
                    .body(report));
  }
}
