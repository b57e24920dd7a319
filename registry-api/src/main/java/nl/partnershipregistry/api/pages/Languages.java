package nl.partnershipregistry.api.pages;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.SimpleLocaleContext;
import org.springframework.http.HttpCookie;
import org.springframework.http.ResponseCookie;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.i18n.LocaleContextResolver;

/**
 * The pages' language: the one chosen with the switch (a cookie, kept a year), else the best of the
 * browser's Accept-Language, else English. The registry speaks English and Dutch.
 */
public class Languages implements LocaleContextResolver {

  static final String COOKIE = "registry-language";
  static final Locale ENGLISH = Locale.ENGLISH;
  static final Locale DUTCH = Locale.forLanguageTag("nl");
  static final List<Locale> SPOKEN = List.of(ENGLISH, DUTCH);

  @Override
  public LocaleContext resolveLocaleContext(ServerWebExchange exchange) {
    HttpCookie chosen = exchange.getRequest().getCookies().getFirst(COOKIE);
    if (chosen != null) {
      Locale locale = spoken(chosen.getValue());
      if (locale != null) {
        return new SimpleLocaleContext(locale);
      }
    }
    for (Locale accepted : exchange.getRequest().getHeaders().getAcceptLanguageAsLocales()) {
      Locale locale = spoken(accepted.getLanguage());
      if (locale != null) {
        return new SimpleLocaleContext(locale);
      }
    }
    return new SimpleLocaleContext(ENGLISH);
  }

  @Override
  public void setLocaleContext(ServerWebExchange exchange, LocaleContext context) {
    remember(exchange, context == null ? null : context.getLocale());
  }

  /** Keeps the chosen language in a cookie for a year; null forgets it. */
  static void remember(ServerWebExchange exchange, Locale locale) {
    exchange
        .getResponse()
        .addCookie(
            ResponseCookie.from(COOKIE, locale == null ? "" : locale.getLanguage())
                .path("/")
                .maxAge(locale == null ? Duration.ZERO : Duration.ofDays(365))
                .httpOnly(true)
                .sameSite("Lax")
                .build());
  }

  /** The spoken language with this code (en, nl), or null. */
  static Locale spoken(String code) {
    if (code == null) {
      return null;
    }
    for (Locale locale : SPOKEN) {
      if (locale.getLanguage().equalsIgnoreCase(code.trim())) {
        return locale;
      }
    }
    return null;
  }
}
