package cn.officeflow.platform.engine;

import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** The user the engine is acting for: the authenticated user of the request (REST, Tasklist). */
public final class CurrentUser {

  public static final String SYSTEM = "system";

  private CurrentUser() {
  }

  public static Optional<String> id(IdentityService identity) {
    Authentication authentication = identity.getCurrentAuthentication();
    return Optional.ofNullable(authentication).map(Authentication::getUserId);
  }

  public static java.util.List<String> groups(IdentityService identity) {
    Authentication authentication = identity.getCurrentAuthentication();
    return authentication == null || authentication.getGroupIds() == null ? java.util.List.of()
        : authentication.getGroupIds();
  }

  public static String idOrSystem(IdentityService identity) {
    return id(identity).orElse(SYSTEM);
  }
}
