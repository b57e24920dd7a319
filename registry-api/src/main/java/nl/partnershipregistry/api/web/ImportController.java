package nl.partnershipregistry.api.web;

import java.security.Principal;
import nl.partnershipregistry.api.importing.ImportReport;
import nl.partnershipregistry.api.importing.Importer;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code POST /api/import}: a JSON Lines file of commands (see {@code docs/import.md}), applied in
 * order as the lines arrive. Only as JSON Lines ({@code application/x-ndjson} or {@code
 * application/jsonl}): a content type a browser may send from any site's form or script without
 * asking first ({@code text/plain}) is refused. The body is read as bytes and split into lines by
 * the {@link Importer}, which bounds each line and the whole file. Answers 200 with the report when
 * every line was applied or already recorded, 422 with the same report when some were rejected (the
 * others are applied), 413 for a file over {@code registry.import.max-size}.
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
      @RequestBody(required = false) Flux<DataBuffer> file,
      @RequestHeader(value = HttpHeaders.CONTENT_LENGTH, required = false) Long length,
      Principal principal) {
    if (length != null && length > importer.maxImportBytes()) {
      return Mono.error(importer.tooLarge(length));
    }
    Flux<DataBuffer> body = file == null ? Flux.empty() : file;
    return importer
        .importFile(body, principal.getName())
        .map(
            report ->
                ResponseEntity.status(
                        report.clean() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_ENTITY)
                    .body(report));
  }
}
