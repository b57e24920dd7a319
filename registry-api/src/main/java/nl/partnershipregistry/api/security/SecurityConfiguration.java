package nl.partnershipregistry.api.security;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import nl.partnershipregistry.api.problems.Problems;
import nl.partnershipregistry.api.web.WebProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UserDetailsRepositoryReactiveAuthenticationManager;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.userdetails.MapReactiveUserDetailsService;
import org.springframework.security.core.userdetails.ReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.web.server.ServerWebExchange;

/**
 * Roles: a registrar records facts, auditors, researchers and funders read. Requests authenticate
 * with HTTP Basic on every call (no session). The index, the API description and health (its status
 * only) are open. Refusals are problem details: 401 without valid credentials, 403 for a reader who
 * writes, 429 after repeated failed sign-ins ({@link SignInThrottle}).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
@EnableConfigurationProperties(SecurityProperties.class)
public class SecurityConfiguration {

  private static final String[] READERS = {"REGISTRAR", "AUDITOR", "RESEARCHER", "FUNDER"};

  @Bean
  SecurityWebFilterChain securityFilterChain(
      ServerHttpSecurity http,
      ReactiveAuthenticationManager authenticationManager,
      SecurityProperties properties,
      WebProperties web) {
    CrossOriginGuard crossOrigin = new CrossOriginGuard(web.allowedOrigins());
    SignInThrottle throttle = new SignInThrottle(properties.signInThrottle(), Clock.systemUTC());
    ServerAuthenticationEntryPoint signIn =
        (exchange, e) ->
            Problems.write(
                exchange,
                HttpStatus.UNAUTHORIZED,
                "Authentication required",
                "Sign in with HTTP Basic as a registry user.",
                true);
    // Other sites are kept out by the origin check below (decision 33); pages with a sign-in form
    // will add CSRF tokens for their own paths.
    return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
        .addFilterBefore(crossOrigin, SecurityWebFiltersOrder.CORS)
        .cors(
            cors -> {
              if (crossOrigin.allowsAny()) {
                cors.configurationSource(crossOrigin.corsConfiguration());
              } else {
                cors.disable();
              }
            })
        .authenticationManager(authenticationManager)
        .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
        .logout(ServerHttpSecurity.LogoutSpec::disable)
        .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
        .addFilterBefore(
            (exchange, chain) -> {
              String user = basicUser(exchange);
              Duration wait =
                  user == null ? Duration.ZERO : throttle.waitFor(user, clientAddress(exchange));
              if (wait.isZero()) {
                return chain.filter(exchange);
              }
              long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
              exchange
                  .getResponse()
                  .getHeaders()
                  .set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
              return Problems.write(
                  exchange,
                  HttpStatus.TOO_MANY_REQUESTS,
                  "Too many failed sign-ins",
                  "Sign-in for this user or from this address failed too often; try again in "
                      + seconds
                      + " s.",
                  false);
            },
            SecurityWebFiltersOrder.HTTP_BASIC)
        .httpBasic(
            basic ->
                basic
                    .authenticationEntryPoint(signIn)
                    .authenticationFailureHandler(
                        (filterExchange, e) -> {
                          ServerWebExchange exchange = filterExchange.getExchange();
                          String user = basicUser(exchange);
                          if (user != null) {
                            throttle.failed(user, clientAddress(exchange));
                          }
                          return signIn.commence(exchange, e);
                        })
                    .authenticationSuccessHandler(
                        (filterExchange, authentication) -> {
                          throttle.succeeded(authentication.getName());
                          return filterExchange.getChain().filter(filterExchange.getExchange());
                        }))
        .exceptionHandling(
            handling ->
                handling
                    .authenticationEntryPoint(signIn)
                    .accessDeniedHandler(
                        (exchange, e) ->
                            Problems.write(
                                exchange,
                                HttpStatus.FORBIDDEN,
                                "Not allowed for your role",
                                isRead(exchange)
                                    ? "Reading needs one of the roles registrar, auditor,"
                                        + " researcher or funder."
                                    : "Recording facts needs the registrar role; auditors,"
                                        + " researchers and funders read.",
                                false)))
        .authorizeExchange(
            exchanges ->
                exchanges
                    .pathMatchers(
                        HttpMethod.GET,
                        "/",
                        "/index.html",
                        "/assets/**",
                        "/favicon.ico",
                        "/api",
                        "/v3/api-docs/**",
                        "/swagger-ui.html",
                        "/swagger-ui/**",
                        "/webjars/**",
                        "/actuator/health/**",
                        "/actuator/health")
                    .permitAll()
                    .pathMatchers(HttpMethod.GET, "/api/**", "/actuator/**")
                    .hasAnyRole(READERS)
                    .pathMatchers(HttpMethod.HEAD, "/api/**")
                    .hasAnyRole(READERS)
                    .pathMatchers("/api/**")
                    .hasRole("REGISTRAR")
                    // Any other path: a signed-in user learns it does not exist (404), a stranger
                    // is asked to sign in.
                    .anyExchange()
                    .authenticated())
        .build();
  }

  private static boolean isRead(ServerWebExchange exchange) {
    HttpMethod method = exchange.getRequest().getMethod();
    return HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method);
  }

  /** The user name of HTTP Basic credentials, or null when the request carries none. */
  static String basicUser(ServerWebExchange exchange) {
    String header = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    try {
      String credentials =
          new String(
              Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
      int colon = credentials.indexOf(':');
      return colon < 0 ? null : credentials.substring(0, colon);
    } catch (IllegalArgumentException notBase64) {
      return null;
    }
  }

  static String clientAddress(ServerWebExchange exchange) {
    InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
    return remote == null ? "unknown" : remote.getHostString();
  }

  @Bean
  MapReactiveUserDetailsService users(SecurityProperties properties) {
    List<UserDetails> users = new ArrayList<>();
    for (SecurityProperties.User user : properties.users()) {
      if (user.name() == null || user.name().isBlank() || user.password() == null) {
        throw new IllegalStateException(
            "registry.security.users: each user needs a name and a password");
      }
      String password =
          user.password().startsWith("{") ? user.password() : "{noop}" + user.password();
      users.add(
          User.withUsername(user.name())
              .password(password)
              .roles(user.roles().stream().map(Enum::name).toArray(String[]::new))
              .build());
    }
    if (users.isEmpty()) {
      throw new IllegalStateException("registry.security.users is empty: nobody could sign in");
    }
    return new MapReactiveUserDetailsService(users);
  }

  /**
   * Checks passwords as configured, without rewriting them, and remembers accepted credentials for
   * five minutes. The accounts are given to the check as a plain lookup: given the accounts' store
   * itself, which can also store passwords, Spring Security encodes a password that is not in its
   * default encoding with bcrypt at each check, to store it anew (tens of milliseconds of processor
   * time, for nothing, since the accounts come from the configuration).
   */
  @Bean
  ReactiveAuthenticationManager authenticationManager(
      MapReactiveUserDetailsService users, PasswordEncoder encoder) {
    ReactiveUserDetailsService lookup = users::findByUsername;
    UserDetailsRepositoryReactiveAuthenticationManager checker =
        new UserDetailsRepositoryReactiveAuthenticationManager(lookup);
    checker.setPasswordEncoder(encoder);
    return new RememberingAuthenticationManager(checker, Duration.ofMinutes(5), Clock.systemUTC());
  }

  /** Checks a password by its {@code {id}} prefix: {@code {noop}}, {@code {bcrypt}}, ... */
  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }
}
