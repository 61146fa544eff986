package cn.officeflow.crisis;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;

/**
 * A 舆情监测 system's account for tests: a user whose only group is {@code integrations} (系统对接) with just
 * the rights to start crisis_pr by its message — until the lead's integrations role group and guard land on
 * main, this is what correlating {@code PublicOpinionAlert} needs.
 */
final class IntegrationUser {

  static final String ID = "crisis-monitor-bot";
  static final String PASSWORD = "Monitor@2026";
  static final String GROUP = "integrations";

  private IntegrationUser() {}

  static synchronized String ensure(ProcessEngine engine) {
    IdentityService identity = engine.getIdentityService();
    AuthorizationService authorizations = engine.getAuthorizationService();
    if (identity.createGroupQuery().groupId(GROUP).count() == 0) {
      Group group = identity.newGroup(GROUP);
      group.setName("系统对接");
      group.setType("role");
      identity.saveGroup(group);
    }
    if (identity.createUserQuery().userId(ID).count() == 0) {
      User user = identity.newUser(ID);
      user.setFirstName("舆情监测");
      user.setLastName("系统");
      user.setPassword(PASSWORD);
      identity.saveUser(user);
      identity.createMembership(ID, GROUP);
      grant(
          authorizations,
          Resources.PROCESS_DEFINITION,
          CrisisVariables.PROCESS_KEY,
          Permissions.READ,
          Permissions.CREATE_INSTANCE);
      grant(authorizations, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
    }
    return ID;
  }

  private static void grant(
      AuthorizationService authorizations,
      Resource resource,
      String resourceId,
      Permission... permissions) {
    Authorization a = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
    a.setUserId(ID);
    a.setResource(resource);
    a.setResourceId(resourceId);
    for (Permission p : permissions) {
      a.addPermission(p);
    }
    authorizations.saveAuthorization(a);
  }
}
