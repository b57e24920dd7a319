package nl.partnershipregistry.api.security;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import nl.partnershipregistry.api.web.Problems;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UserDetailsRepositoryReactiveAuthenticationManager;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.userdetails.MapReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import reactor.core.publisher.Mono;

/**
 * Roles: a registrar records facts, auditors, researchers and funders read. Requests authenticate
 * with HTTP Basic on every call (no session). The index, the API description and health are open.
 * Refusals are problem details: 401 without valid credentials, 403 for a reader who writes.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
@EnableConfigurationProperties(SecurityProperties.class)
public class SecurityConfiguration {

  private static final String[] READERS = {"REGISTRAR", "AUDITOR", "RESEARCHER", "FUNDER"};

  @Bean
  SecurityWebFilterChain securityFilterChain(
      ServerHttpSecurity http, ReactiveAuthenticationManager authenticationManager) {
    return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
        .authenticationManager(authenticationManager)
        .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
        .logout(ServerHttpSecurity.LogoutSpec::disable)
        .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
        .httpBasic(
            basic ->
                basic.authenticationEntryPoint(
                    (exchange, e) ->
                        Problems.write(
                            exchange,
                            HttpStatus.UNAUTHORIZED,
                            "Authentication required",
                            "Sign in with HTTP Basic as a registry user.",
                            true)))
        .exceptionHandling(
            handling ->
                handling
                    .authenticationEntryPoint(
                        (exchange, e) ->
                            Problems.write(
                                exchange,
                                HttpStatus.UNAUTHORIZED,
                                "Authentication required",
                                "Sign in with HTTP Basic as a registry user.",
                                true))
                    .accessDeniedHandler(
                        (exchange, e) ->
                            Problems.write(
                                exchange,
                                HttpStatus.FORBIDDEN,
                                "Not allowed for your role",
                                "Recording facts needs the registrar role; auditors,"
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
                        "/actuator/health",
                        "/actuator/info")
                    .permitAll()
                    .pathMatchers(HttpMethod.GET, "/api/**", "/actuator/**")
                    .hasAnyRole(READERS)
                    .pathMatchers(HttpMethod.HEAD, "/api/**")
                    .hasAnyRole(READERS)
                    .pathMatchers("/api/**")
                    .hasRole("REGISTRAR")
                    .anyExchange()
                    .denyAll())
        .build();
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
   * Checks passwords as configured, without rewriting them (Spring Security would otherwise
   * re-encode a plain password with bcrypt after the first sign-in), and remembers accepted
   * credentials for five minutes.
   */
  @Bean
  ReactiveAuthenticationManager authenticationManager(
      MapReactiveUserDetailsService users, PasswordEncoder encoder) {
    UserDetailsRepositoryReactiveAuthenticationManager checker =
        new UserDetailsRepositoryReactiveAuthenticationManager(users);
    checker.setPasswordEncoder(encoder);
    checker.setUserDetailsPasswordService((user, newPassword) -> Mono.just(user));
    return new RememberingAuthenticationManager(checker, Duration.ofMinutes(5), Clock.systemUTC());
  }

  /** Checks a password by its {@code {id}} prefix: {@code {noop}}, {@code {bcrypt}}, ... */
  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }
}
