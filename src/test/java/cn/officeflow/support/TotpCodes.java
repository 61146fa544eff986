package cn.officeflow.support;

import cn.officeflow.platform.security.account.Totp;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The administrators' authenticator app in tests: remembers the TOTP secret shown at enrolment (per
 * application port and user) and gives a code that was not used yet — each code is accepted only once, so a
 * second login within the same 30 seconds takes the next step's code (one step of drift is allowed).
 */
public final class TotpCodes {

  private static final Map<String, String> SECRETS = new ConcurrentHashMap<>();
  private static final Map<String, Long> LAST_STEP = new ConcurrentHashMap<>();

  private TotpCodes() {}

  public static void enrolled(int port, String user, String secret) {
    SECRETS.put(port + "|" + user, secret);
  }

  public static String secret(int port, String user) {
    String secret = SECRETS.get(port + "|" + user);
    if (secret == null) {
      throw new IllegalStateException("no TOTP secret enrolled for " + user + " on port " + port);
    }
    return secret;
  }

  /** A fresh code of the user's secret at the engine clock's time. */
  public static synchronized String next(int port, String user) {
    String key = port + "|" + user;
    long step = Totp.step(Instant.ofEpochMilli(ClockUtil.getCurrentTime().getTime()));
    Long last = LAST_STEP.get(key);
    if (last != null && last >= step) {
      step = last + 1;
    }
    LAST_STEP.put(key, step);
    return Totp.code(secret(port, user), step);
  }
}
