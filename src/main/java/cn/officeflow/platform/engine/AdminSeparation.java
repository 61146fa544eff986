package cn.officeflow.platform.engine;

import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.CreateMembershipCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteAuthorizationCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteGroupCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteMembershipCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteUserCmd;
import org.camunda.bpm.engine.impl.cmd.SaveAuthorizationCmd;
import org.camunda.bpm.engine.impl.cmd.SaveGroupCmd;
import org.camunda.bpm.engine.impl.cmd.SaveUserCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;

/**
 * 三权分立 between the administrators' groups (system, security and audit administrators): Camunda's
 * authorizations say what each may do; this says what none of them may do to the others or to themselves —
 * otherwise a security administrator could grant herself the right to create users, and a system
 * administrator could add himself to the security administrators or reset their passwords. Only {@code
 * camunda-admin} (the bootstrap account) is exempt. Refused (403):
 * <ul>
 *   <li>an authorization (new, changed or deleted) for oneself, for one of one's own groups, for an
 *       administrators' group or for a member of one;</li>
 *   <li>a membership (added or removed) in an administrators' group, or of oneself in any group;</li>
 *   <li>creating, changing or deleting an administrators' group;</li>
 *   <li>changing or deleting another administrator's account (password, profile).</li>
 * </ul>
 */
public class AdminSeparation {

  static final String OWN_AUTHORIZATION = "三权分立：不能为自己、自己所在的组或管理员角色设置授权";
  static final String ADMIN_MEMBERSHIP = "三权分立：管理员角色的成员只能由初始管理员（camunda-admin）调整，也不能调整自己的组";
  static final String ADMIN_GROUP = "三权分立：管理员角色组只能由初始管理员（camunda-admin）维护";
  static final String OTHER_ADMIN = "三权分立：不能修改或删除其他管理员的账号";

  private final ProcessEngineConfigurationImpl configuration;
  private final Set<String> adminGroups;

  /** {@code adminGroups}: the administrators' groups, {@code camunda-admin} among them. */
  public AdminSeparation(ProcessEngineConfigurationImpl configuration, Set<String> adminGroups) {
    this.configuration = configuration;
    this.adminGroups = Set.copyOf(adminGroups);
  }

  void check(Command<?> command, String callerId, List<String> callerGroups) {
    IdentityService identity = configuration.getIdentityService();
    if (callerGroups.contains(UserCommandGuard.ADMIN_GROUP)) {
      return;
    }
    if (command instanceof SaveAuthorizationCmd) {
      Authorization authorization =
          UserCommandGuard.field(command, SaveAuthorizationCmd.class, "authorization");
      checkOwner(authorization, callerId, callerGroups);
    } else if (command instanceof DeleteAuthorizationCmd) {
      String id = UserCommandGuard.field(command, DeleteAuthorizationCmd.class, "authorizationId");
      Authorization authorization =
          SystemAuthentication.call(
              identity,
              () ->
                  authorizationService()
                      .createAuthorizationQuery()
                      .authorizationId(id)
                      .singleResult());
      if (authorization != null) {
        checkOwner(authorization, callerId, callerGroups);
      }
    } else if (command instanceof CreateMembershipCmd || command instanceof DeleteMembershipCmd) {
      Class<?> type = command.getClass();
      String userId = UserCommandGuard.field(command, type, "userId");
      String groupId = UserCommandGuard.field(command, type, "groupId");
      if (adminGroups.contains(groupId) || callerId.equals(userId)) {
        throw new AuthorizationException(ADMIN_MEMBERSHIP);
      }
    } else if (command instanceof SaveGroupCmd) {
      org.camunda.bpm.engine.identity.Group group =
          UserCommandGuard.field(command, SaveGroupCmd.class, "group");
      if (group != null && adminGroups.contains(group.getId())) {
        throw new AuthorizationException(ADMIN_GROUP);
      }
    } else if (command instanceof DeleteGroupCmd) {
      String groupId = UserCommandGuard.field(command, DeleteGroupCmd.class, "groupId");
      if (adminGroups.contains(groupId)) {
        throw new AuthorizationException(ADMIN_GROUP);
      }
    } else if (command instanceof SaveUserCmd) {
      User user = UserCommandGuard.field(command, SaveUserCmd.class, "user");
      if (user != null && !callerId.equals(user.getId()) && isAdministrator(user.getId())) {
        throw new AuthorizationException(OTHER_ADMIN);
      }
    } else if (command instanceof DeleteUserCmd) {
      String userId = UserCommandGuard.field(command, DeleteUserCmd.class, "userId");
      if (isAdministrator(userId)) {
        throw new AuthorizationException(OTHER_ADMIN);
      }
    }
  }

  private void checkOwner(Authorization authorization, String callerId, List<String> callerGroups) {
    if (authorization == null) {
      return;
    }
    String user = authorization.getUserId();
    String group = authorization.getGroupId();
    boolean own =
        (user != null && (user.equals(callerId) || isAdministrator(user)))
            || (group != null && (callerGroups.contains(group) || adminGroups.contains(group)));
    if (own) {
      throw new AuthorizationException(OWN_AUTHORIZATION);
    }
  }

  /** Whether {@code userId} is a member of an administrators' group ("*" is every user: yes). */
  private boolean isAdministrator(String userId) {
    IdentityService identity = configuration.getIdentityService();
    if (Authorization.ANY.equals(userId)) {
      return true;
    }
    return SystemAuthentication.call(
        identity,
        () ->
            identity.createGroupQuery().groupMember(userId).list().stream()
                .anyMatch(g -> adminGroups.contains(g.getId())));
  }

  private AuthorizationService authorizationService() {
    return configuration.getAuthorizationService();
  }
}
