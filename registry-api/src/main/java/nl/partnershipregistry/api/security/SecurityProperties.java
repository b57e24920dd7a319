package nl.partnershipregistry.api.security;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may use the registry, under {@code registry.security} in {@code application.yml}.
 *
 * @param users the accounts; passwords are plain text or prefixed as Spring Security encodes them
 *     ({@code {bcrypt}$2a$...}), and each account has one or more roles
 * @param signInThrottle how repeated failed sign-ins are slowed down
 */
@ConfigurationProperties("registry.security")
public record SecurityProperties(
    @DefaultValue List<User> users, @DefaultValue SignInThrottle signInThrottle) {

  /**
   * After {@code failures} failed sign-ins within {@code within} for one user or from one address,
   * further sign-ins for it are refused (429) for {@code firstBlock}, twice as long at each block
   * that follows, at most {@code longestBlock}.
   */
  public record SignInThrottle(
      @DefaultValue("10") int failures,
      @DefaultValue("1m") Duration within,
      @DefaultValue("2s") Duration firstBlock,
      @DefaultValue("60s") Duration longestBlock) {}

  /**
   * @param name the login name, also what the registry records as {@code recordedBy}
   * @param password plain text, or encoded with its {@code {id}} prefix
   * @param roles any of registrar (writes), auditor, researcher and funder (read)
   */
  public record User(String name, String password, Set<Role> roles) {}

  /** What a user may do: a registrar records facts; the other roles read. */
  public enum Role {
    REGISTRAR,
    AUDITOR,
    RESEARCHER,
    FUNDER
  }
}
