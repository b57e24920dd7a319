package nl.partnershipregistry.api.security;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import nl.partnershipregistry.api.problems.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Keeps other sites' pages from acting with a user's credentials. A browser that holds a
 * registrar's HTTP Basic credentials sends them with any request a page of any site makes, and
 * marks such a request with the page's {@code Origin}. A request that would change something (any
 * method but GET and HEAD), and a browser's preflight asking whether it may send one, is refused
 * (403) unless it comes from the registry's own pages or from an origin in {@code
 * registry.web.allowed-origins}; those get the CORS answers browsers need. A read from elsewhere
 * goes through without them, so the browser keeps the answer from the page. Independent of how the
 * user signed in, so pages with a sign-in form and CSRF tokens are covered as well.
 */
final class CrossOriginGuard implements WebFilter {

  private final Set<String> allowed;

  CrossOriginGuard(List<String> allowedOrigins) {
    this.allowed =
        allowedOrigins.stream().map(CrossOriginGuard::normalised).collect(Collectors.toSet());
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    ServerHttpRequest request = exchange.getRequest();
    String origin = request.getHeaders().getOrigin();
    if (origin == null || isOwn(request, origin) || isAllowed(origin)) {
      return chain.filter(exchange);
    }
    HttpMethod method = request.getMethod();
    boolean read = HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method);
    if (read && !CorsUtils.isPreFlightRequest(request)) {
      return chain.filter(exchange);
    }
    return Problems.write(
        exchange,
        HttpStatus.FORBIDDEN,
        "Cross-origin request refused",
        "The registry takes requests that change something only from its own pages and from the"
            + " origins in registry.web.allowed-origins.",
        false);
  }

  /** The CORS answers for the allowed origins; none for any other. */
  CorsConfigurationSource corsConfiguration() {
    CorsConfiguration configuration = new CorsConfiguration();
    configuration.setAllowedOrigins(List.copyOf(allowed));
    configuration.setAllowedMethods(List.of("GET", "HEAD", "POST"));
    configuration.setAllowedHeaders(
        List.of("Authorization", "Content-Type", "Accept", "Last-Event-ID"));
    configuration.setAllowCredentials(true);
    configuration.setMaxAge(3600L);
    return exchange ->
        isAllowed(exchange.getRequest().getHeaders().getOrigin()) ? configuration : null;
  }

  /**
   * Whether the origin is the registry's own: the scheme, host and port the request was sent to,
   * or, where the request does not know its scheme (a request made inside the application), the
   * host and port it names.
   */
  private static boolean isOwn(ServerHttpRequest request, String origin) {
    if (request.getURI().getScheme() != null && request.getURI().getHost() != null) {
      return !CorsUtils.isCorsRequest(request);
    }
    String host = request.getHeaders().getFirst(HttpHeaders.HOST);
    try {
      URI from = new URI(origin.trim());
      String authority =
          from.getPort() == -1 ? from.getHost() : from.getHost() + ":" + from.getPort();
      return host != null && from.getHost() != null && host.equalsIgnoreCase(authority);
    } catch (URISyntaxException notAnOrigin) {
      return false;
    }
  }

  boolean allowsAny() {
    return !allowed.isEmpty();
  }

  private boolean isAllowed(String origin) {
    return origin != null && allowed.contains(normalised(origin));
  }

  private static String normalised(String origin) {
    String trimmed = origin.trim().toLowerCase(Locale.ROOT);
    return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
  }
}
