package nl.partnershipregistry.api.pages;

import java.net.URI;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The way in: the welcome page (what the registry is, the way to sign in, the API's description),
 * the sign-in form, the language switch, and the page that says a role may not see something.
 */
@Controller
public class WelcomePages {

  /** Signed in: the registry; otherwise the welcome page. */
  @GetMapping("/")
  Mono<Rendering> welcome(ServerWebExchange exchange) {
    return exchange
        .getPrincipal()
        .map(signedIn -> Rendering.redirectTo("/registry").build())
        .defaultIfEmpty(Rendering.view("welcome").build());
  }

  /** The form; {@code ?error} after a failed attempt, {@code ?signed-out} after signing out. */
  @GetMapping("/sign-in")
  Rendering signIn(ServerWebExchange exchange) {
    MultiValueMap<String, String> query = exchange.getRequest().getQueryParams();
    return Rendering.view("sign-in")
        .modelAttribute("failed", query.containsKey("error"))
        .modelAttribute("signedOut", query.containsKey("signed-out"))
        .build();
  }

  /**
   * Switches the language and goes back to the page it was switched on. A link, not a form: the
   * language is a preference of the browser, not a change to the registry.
   */
  @GetMapping("/language")
  Mono<Void> language(
      @RequestParam(name = "to") String code,
      @RequestParam(required = false) String back,
      ServerWebExchange exchange) {
    Locale locale = Languages.spoken(code);
    if (locale != null) {
      Languages.remember(exchange, locale);
    }
    exchange.getResponse().setStatusCode(HttpStatus.SEE_OTHER);
    exchange.getResponse().getHeaders().setLocation(URI.create(localPath(back)));
    return exchange.getResponse().setComplete();
  }

  @GetMapping("/not-allowed")
  Rendering notAllowed() {
    return Rendering.view("not-allowed").status(HttpStatus.FORBIDDEN).build();
  }

  /** Only a path of this site: never another host ({@code //evil.example}, {@code https:}). */
  static String localPath(String back) {
    if (back == null
        || !back.startsWith("/")
        || back.startsWith("//")
        || back.startsWith("/\\")
        || back.chars().anyMatch(c -> c < 0x20)) {
      return "/";
    }
    try {
      URI uri = URI.create(back);
      return uri.getHost() == null && uri.getScheme() == null ? back : "/";
    } catch (IllegalArgumentException e) {
      return "/";
    }
  }
}
