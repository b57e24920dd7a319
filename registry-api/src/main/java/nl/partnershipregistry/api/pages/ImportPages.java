package nl.partnershipregistry.api.pages;

import java.security.Principal;
import nl.partnershipregistry.api.command.InputTooLarge;
import nl.partnershipregistry.api.importing.Importer;
import org.springframework.http.HttpStatus;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.http.codec.multipart.Part;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The registrar's import: a form that uploads a JSON Lines file (multipart, with the form's CSRF
 * token) and the line-numbered report of what it did. The file goes through the same {@link
 * Importer} as {@code POST /api/import}, recorded by the signed-in registrar. This is the pages'
 * one form that writes; only a registrar reaches it ({@link PageSecurityConfiguration}).
 */
@Controller
public class ImportPages {

  private final Importer importer;

  public ImportPages(Importer importer) {
    this.importer = importer;
  }

  @GetMapping("/import")
  Rendering form() {
    return Rendering.view("import").modelAttribute("error", "").build();
  }

  @PostMapping(path = "/import", consumes = "multipart/form-data")
  Mono<Rendering> importFile(ServerWebExchange exchange, Principal principal) {
    return exchange
        .getMultipartData()
        .map(parts -> java.util.Optional.ofNullable(parts.getFirst("file")))
        .flatMap(
            file -> {
              if (file.isEmpty()
                  || !(file.get() instanceof FilePart chosen)
                  || chosen.filename().isBlank()) {
                return Mono.just(refused("import.error.noFile"));
              }
              return importer
                  .importFile(((Part) chosen).content(), principal.getName())
                  .map(
                      report ->
                          Rendering.view("import")
                              .modelAttribute("error", "")
                              .modelAttribute("file", chosen.filename())
                              .modelAttribute("report", report)
                              .build())
                  .onErrorResume(
                      InputTooLarge.class, tooLarge -> Mono.just(refused("import.error.tooLarge")));
            });
  }

  /** The form again, with what is wrong at the field and in the summary. */
  private static Rendering refused(String error) {
    return Rendering.view("import")
        .modelAttribute("error", error)
        .status(HttpStatus.BAD_REQUEST)
        .build();
  }
}
