package nl.partnershipregistry.api.pages;

import java.net.URI;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.authentication.logout.RedirectServerLogoutSuccessHandler;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.security.web.server.csrf.XorServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import reactor.core.publisher.Mono;

/**
 * Signing in for the pages: a form at {@code /sign-in}, a session cookie, a CSRF token on every
 * form, and signing out with a form at {@code /sign-out}. This chain sees only the page paths and
 * comes before the JSON API's chain, which keeps HTTP Basic without a session. A page request
 * without a session goes to the sign-in page, never to a browser's login prompt; a page a role may
 * not see says so in words ({@code /not-allowed}). Every reader sees the registry and the audit
 * pages; only a registrar reaches the import form, whose multipart post carries its CSRF token in a
 * form field.
 */
@Configuration(proxyBeanMethods = false)
public class PageSecurityConfiguration {

  /** The paths this chain answers for; everything else is the JSON API's. */
  static final String[] PAGE_PATHS = {
    "/",
    "/sign-in",
    "/sign-out",
    "/language",
    "/not-allowed",
    "/registry",
    "/registry/**",
    "/organisations",
    "/organisations/**",
    "/survival",
    "/audit",
    "/audit/**",
    "/import",
    "/assets/pages/**"
  };

  private static final String[] READERS = {"REGISTRAR", "AUDITOR", "RESEARCHER", "FUNDER"};

  @Bean
  @Order(Ordered.HIGHEST_PRECEDENCE)
  SecurityWebFilterChain pagesFilterChain(
      ServerHttpSecurity http, ReactiveAuthenticationManager authenticationManager) {
    RedirectServerAuthenticationSuccessHandler toRegistry =
        new RedirectServerAuthenticationSuccessHandler("/registry");
    return http.securityMatcher(ServerWebExchangeMatchers.pathMatchers(PAGE_PATHS))
        .authenticationManager(authenticationManager)
        .securityContextRepository(new WebSessionServerSecurityContextRepository())
        .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
        .csrf(csrf -> csrf.csrfTokenRequestHandler(tokenAlsoInMultipartForms()))
        .formLogin(
            form ->
                form.loginPage("/sign-in")
                    .authenticationSuccessHandler(toRegistry)
                    .authenticationFailureHandler(
                        new RedirectServerAuthenticationFailureHandler("/sign-in?error")))
        .logout(logout -> logout.logoutUrl("/sign-out").logoutSuccessHandler(signedOut()))
        .exceptionHandling(
            handling ->
                handling
                    .authenticationEntryPoint(
                        new RedirectServerAuthenticationEntryPoint("/sign-in"))
                    .accessDeniedHandler(notAllowed()))
        .authorizeExchange(
            exchanges ->
                exchanges
                    .pathMatchers(HttpMethod.GET, "/", "/sign-in", "/language", "/assets/pages/**")
                    .permitAll()
                    .pathMatchers(HttpMethod.GET, "/not-allowed")
                    .authenticated()
                    .pathMatchers(HttpMethod.GET, "/registry", "/registry/**")
                    .hasAnyRole(READERS)
                    .pathMatchers(
                        HttpMethod.GET, "/organisations", "/organisations/**", "/survival")
                    .hasAnyRole(READERS)
                    // The audit endpoints of the JSON API are open to every reader.
                    .pathMatchers(HttpMethod.GET, "/audit", "/audit/**")
                    .hasAnyRole(READERS)
                    .pathMatchers("/import")
                    .hasRole("REGISTRAR")
                    .anyExchange()
                    .authenticated())
        .build();
  }

  /** The CSRF token read also from a multipart form's field: the import page uploads a file. */
  private static XorServerCsrfTokenRequestAttributeHandler tokenAlsoInMultipartForms() {
    XorServerCsrfTokenRequestAttributeHandler handler =
        new XorServerCsrfTokenRequestAttributeHandler();
    handler.setTokenFromMultipartDataEnabled(true);
    return handler;
  }

  private static RedirectServerLogoutSuccessHandler signedOut() {
    RedirectServerLogoutSuccessHandler handler = new RedirectServerLogoutSuccessHandler();
    handler.setLogoutSuccessUrl(URI.create("/sign-in?signed-out"));
    return handler;
  }

  /** A signed-in user without the role: a page in words, with status 403. */
  private static ServerAccessDeniedHandler notAllowed() {
    return (exchange, denied) ->
        Mono.fromRunnable(
            () -> {
              exchange.getResponse().setStatusCode(HttpStatus.SEE_OTHER);
              exchange.getResponse().getHeaders().setLocation(URI.create("/not-allowed"));
            });
  }
}
