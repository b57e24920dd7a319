package nl.partnershipregistry.api.pages;

import java.security.Principal;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * What every page's layout needs: the CSRF token for its forms (sign-out on every page), who is
 * signed in and in which roles, the language and the address to come back to after switching it,
 * and the formats and sentences of that language ({@code fmt}, {@code findings}).
 */
@ControllerAdvice(basePackageClasses = PageModel.class)
public class PageModel {

  private final MessageSource messages;

  public PageModel(MessageSource messages) {
    this.messages = messages;
  }

  @ModelAttribute("_csrf")
  Mono<CsrfToken> csrf(ServerWebExchange exchange) {
    Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
    return token == null ? Mono.empty() : token;
  }

  @ModelAttribute("user")
  Mono<String> user(ServerWebExchange exchange) {
    return exchange.getPrincipal().map(Principal::getName);
  }

  /** The signed-in user's roles ({@code REGISTRAR}, {@code AUDITOR}, ...): what the nav offers. */
  @ModelAttribute("roles")
  Mono<List<String>> roles(ServerWebExchange exchange) {
    return exchange
        .getPrincipal()
        .filter(Authentication.class::isInstance)
        .map(
            principal ->
                ((Authentication) principal)
                    .getAuthorities().stream()
                        .map(GrantedAuthority::getAuthority)
                        .map(role -> role.startsWith("ROLE_") ? role.substring(5) : role)
                        .toList())
        .defaultIfEmpty(List.of());
  }

  @ModelAttribute("fmt")
  Formats formats(Locale locale) {
    return new Formats(locale);
  }

  /** What the registry found, said in the page's language. */
  @ModelAttribute("findings")
  FindingSentences findings(Locale locale) {
    return new FindingSentences(messages, locale);
  }

  @ModelAttribute("lang")
  String language(Locale locale) {
    return locale.getLanguage();
  }

  @ModelAttribute("here")
  String here(ServerWebExchange exchange) {
    String query = exchange.getRequest().getURI().getRawQuery();
    return exchange.getRequest().getPath().value() + (query == null ? "" : "?" + query);
  }
}
