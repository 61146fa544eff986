package cn.officeflow.platform.engine;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** The user the engine is acting for: the authenticated user of the request (REST, Tasklist). */
public final class CurrentUser {

  public static final String SYSTEM = "system";

  private CurrentUser() {}

  public static Optional<String> id(IdentityService identity) {
    Authentication authentication = identity.getCurrentAuthentication();
    return Optional.ofNullable(authentication).map(Authentication::getUserId);
  }

  public static List<String> groups(IdentityService identity) {
    Authentication authentication = identity.getCurrentAuthentication();
    return authentication == null || authentication.getGroupIds() == null
        ? List.of()
        : authentication.getGroupIds();
  }

  /** Whether the current user belongs to at least one of {@code wanted}. */
  public static boolean inAnyGroup(IdentityService identity, Collection<String> wanted) {
    return groups(identity).stream().anyMatch(wanted::contains);
  }

  /** 403 (AuthorizationException) unless the current user belongs to one of {@code roles}. */
  public static void requireAnyGroup(
      IdentityService identity, Collection<String> roles, String action) {
    if (!inAnyGroup(identity, roles)) {
      throw new AuthorizationException(
          "用户 "
              + id(identity).orElse("anonymous")
              + " 无权"
              + action
              + "（需要角色："
              + String.join("、", roles.stream().sorted().toList())
              + "）");
    }
  }

  /**
   * Who starts the process: the authenticated caller, written into {@code variable} (so that a start
   * variable of that name can never name someone else), or — for a process the engine starts itself
   * (a call activity, a timer, start-up) — what the calling model put into the variable.
   */
  public static String initiator(DelegateExecution execution, String variable) {
    Optional<String> caller = id(execution.getProcessEngineServices().getIdentityService());
    if (caller.isPresent() && execution.getProcessInstance().getSuperExecution() == null) {
      execution.setVariable(variable, caller.get());
      return caller.get();
    }
    return execution.getVariable(variable) instanceof String name && !name.isBlank() ? name : null;
  }

  public static String idOrSystem(IdentityService identity) {
    return id(identity).orElse(SYSTEM);
  }
}
