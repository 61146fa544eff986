package cn.officeflow.platform.engine;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Runs platform work as the engine itself (no authenticated user, so no authorization checks), then
 * restores the caller's authentication. For internal machinery that a user's request triggers but the
 * user has no permission of their own for — e.g. starting the internal {@code notification_delivery}
 * process, which nobody may start from Tasklist or REST.
 */
public final class SystemAuthentication {

  private SystemAuthentication() {}

  public static <T> T call(IdentityService identity, Supplier<T> action) {
    Authentication previous = identity.getCurrentAuthentication();
    if (previous == null) {
      return action.get();
    }
    identity.clearAuthentication();
    try {
      return action.get();
    } finally {
      identity.setAuthentication(previous);
    }
  }
}
