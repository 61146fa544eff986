package cn.officeflow.platform.security.account;

import java.time.Duration;
import java.time.Period;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The account rules of 等保 三级 ({@code officeflow.security.*}; application.yaml documents every key).
 *
 * @param lockout 5 failed passwords within 15 minutes lock the account for 15 minutes
 * @param throttle failures counted per source address (see {@link AccountSecurity})
 * @param password expiry (90 days) and history (the last 5 passwords are not used again)
 * @param adminGroups groups whose members are administrators: TOTP in the webapps, no HTTP Basic unless
 *     {@code adminBasicAuth}
 * @param adminBasicAuth whether administrators may use HTTP Basic on /engine-rest and /api (the H2 demo: yes)
 * @param basicCache how long a successful HTTP Basic login is remembered on this node (a client authenticates
 *     every request); a changed password, a lock or an unlock is effective at the latest after this time
 * @param totpIssuer the issuer name the authenticator app shows
 */
@ConfigurationProperties("officeflow.security")
public record AccountPolicy(
    @DefaultValue Lockout lockout,
    @DefaultValue Throttle throttle,
    @DefaultValue Password password,
    @DefaultValue({"camunda-admin", "system-admins", "security-admins", "audit-admins"})
        List<String> adminGroups,
    @DefaultValue("false") boolean adminBasicAuth,
    @DefaultValue("PT1M") Duration basicCache,
    @DefaultValue("OfficeFlow") String totpIssuer) {

  /**
   * @param maxFailures failures that lock the account
   * @param window failures older than this (counted from the first of them) are forgotten
   * @param duration how long the lock lasts; it ends by itself
   */
  public record Lockout(
      @DefaultValue("5") int maxFailures,
      @DefaultValue("PT15M") Duration window,
      @DefaultValue("PT15M") Duration duration) {}

  /**
   * @param maxFailuresPerName failures on one name from an address that never logged in as that name before
   *     this address is refused for that name (429) — fewer than the lockout, so that one stranger's address
   *     cannot lock the name
   * @param maxFailures failures from one address on names it is not known for (password spraying)
   * @param window failures older than this are forgotten
   * @param block how long an address is refused
   * @param knownFor an address where the user logged in successfully is known for this long: there the
   *     user gets the full {@code lockout.max-failures}
   */
  public record Throttle(
      @DefaultValue("3") int maxFailuresPerName,
      @DefaultValue("20") int maxFailures,
      @DefaultValue("PT15M") Duration window,
      @DefaultValue("PT15M") Duration block,
      @DefaultValue("P90D") Period knownFor) {}

  /**
   * @param maxAge a password older than this must be changed at the next login
   * @param history how many of the last passwords (the current one included) may not be used again
   */
  public record Password(@DefaultValue("P90D") Period maxAge, @DefaultValue("5") int history) {}
}
