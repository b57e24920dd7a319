package nl.partnershipregistry.api.web;

import java.util.List;
import java.util.Locale;
import nl.partnershipregistry.api.command.InvalidInput;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/**
 * The answer's format chosen in the address as well as by {@code Accept}: {@code ?format=csv} or
 * {@code ?format=json} on any question of the JSON API, and {@code ?format=jsonl} (JSON Lines)
 * where a question offers it (for a spreadsheet or a browser's address bar, which cannot set
 * headers); and every CSV answer a download with a file name made of its address ({@code
 * partnerships-stbk-timeline.csv}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ResponseFormat implements WebFilter {

  static final String PARAMETER = "format";

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    String path = exchange.getRequest().getPath().value();
    if (!path.startsWith("/api/")) {
      return chain.filter(exchange);
    }
    ServerWebExchange chosen = exchange;
    List<String> formats = exchange.getRequest().getQueryParams().get(PARAMETER);
    if (formats != null) {
      if (formats.size() != 1) {
        return Mono.error(new InvalidInput(PARAMETER, "is given more than once"));
      }
      MediaType type =
          switch (formats.get(0).strip().toLowerCase(Locale.ROOT)) {
            case "csv" -> new MediaType("text", "csv");
            case "json" -> MediaType.APPLICATION_JSON;
            case "jsonl" -> MediaType.APPLICATION_NDJSON;
            default -> null;
          };
      if (type == null) {
        return Mono.error(new InvalidInput(PARAMETER, "must be csv, json or jsonl"));
      }
      java.net.URI without =
          UriComponentsBuilder.fromUri(exchange.getRequest().getURI())
              .replaceQueryParam(PARAMETER)
              .build(true)
              .toUri();
      chosen =
          exchange
              .mutate()
              .request(request -> request.uri(without).headers(h -> h.setAccept(List.of(type))))
              .build();
    }
    ServerWebExchange answered = chosen;
    answered
        .getResponse()
        .beforeCommit(
            () -> {
              HttpHeaders headers = answered.getResponse().getHeaders();
              MediaType type = headers.getContentType();
              if (type != null
                  && type.getType().equals("text")
                  && type.getSubtype().equals("csv")
                  && !headers.containsKey(HttpHeaders.CONTENT_DISPOSITION)) {
                headers.setContentDisposition(
                    ContentDisposition.attachment().filename(fileName(path)).build());
              }
              return Mono.empty();
            });
    return chain.filter(answered);
  }

  /** {@code /api/partnerships/stbk/timeline} is {@code partnerships-stbk-timeline.csv}. */
  static String fileName(String path) {
    String name =
        path.substring("/api/".length())
            .replaceAll("[^A-Za-z0-9._-]+", "-")
            .replaceAll("-+", "-")
            .replaceAll("^-|-$", "");
    return (name.isEmpty() ? "answer" : name) + ".csv";
  }
}
