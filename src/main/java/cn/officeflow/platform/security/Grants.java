package cn.officeflow.platform.security;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.function.Consumer;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.AuthorizationQuery;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;

/**
 * Adds permissions to the one GRANT authorization of a group or user on a resource (creating it when
 * missing); idempotent, so start-up and every deployment may call it again.
 */
final class Grants {

  private final AuthorizationService authorizations;

  Grants(AuthorizationService authorizations) {
    this.authorizations = authorizations;
  }

  void group(String groupId, Resource resource, String resourceId, Permission... permissions) {
    save(
        grants().groupIdIn(groupId), resource, resourceId, permissions, a -> a.setGroupId(groupId));
  }

  void user(String userId, Resource resource, String resourceId, Permission... permissions) {
    save(grants().userIdIn(userId), resource, resourceId, permissions, a -> a.setUserId(userId));
  }

  private AuthorizationQuery grants() {
    return authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT);
  }

  private void save(
      AuthorizationQuery ownerGrants,
      Resource resource,
      String resourceId,
      Permission[] permissions,
      Consumer<Authorization> owner) {
    Authorization existing =
        ownerGrants.resourceType(resource).resourceId(resourceId).singleResult();
    Authorization authorization = existing;
    if (authorization == null) {
      authorization = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
      owner.accept(authorization);
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
    }
    boolean changed = existing == null;
    for (Permission permission : permissions) {
      if (!authorization.isPermissionGranted(permission)) {
        authorization.addPermission(permission);
        changed = true;
      }
    }
    if (changed) {
      authorizations.saveAuthorization(authorization);
    }
  }
}
