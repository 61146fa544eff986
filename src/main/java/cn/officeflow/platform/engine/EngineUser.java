package cn.officeflow.platform.engine;

import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * A user as the engine authorizes them: id, groups and tenants. Outside platform/engine the engine's own
 * authentication type (an internal class) is not used; this is.
 */
public record EngineUser(String id, List<String> groups, List<String> tenants) {

  public EngineUser {
    groups = groups == null ? List.of() : List.copyOf(groups);
    tenants = tenants == null ? List.of() : List.copyOf(tenants);
  }

  /** The engine's current authentication on this thread, if there is one with a user. */
  public static Optional<EngineUser> current(IdentityService identity) {
    return of(identity.getCurrentAuthentication());
  }

  static Optional<EngineUser> of(Authentication authentication) {
    if (authentication == null || authentication.getUserId() == null) {
      return Optional.empty();
    }
    return Optional.of(
        new EngineUser(
            authentication.getUserId(),
            authentication.getGroupIds(),
            authentication.getTenantIds()));
  }

  /** Makes this user the engine's current authentication on this thread. */
  public void authenticate(IdentityService identity) {
    identity.setAuthentication(id, groups, tenants);
  }
}
