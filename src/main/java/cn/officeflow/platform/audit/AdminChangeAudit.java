package cn.officeflow.platform.audit;

import cn.officeflow.platform.engine.AdminOperationEvents;
import cn.officeflow.platform.engine.AdminOperationHook;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Administrative changes (users, groups, memberships, tenants, authorizations, deployments; see {@link
 * AdminOperationEvents}) into the access audit log: one {@link AuditEventType#ADMIN} record per operation, in
 * the engine's transaction, naming who, what (operation and entity type, the changed properties) and the
 * source address of the HTTP request the change came with (none for changes the application makes itself).
 */
@Component
public class AdminChangeAudit implements AdminOperationHook {

  /** Properties whose values are never written (none carries a password today; kept out if one ever does). */
  private static final Set<String> SECRET = Set.of("password", "salt");

  private final AuditLog log;

  public AdminChangeAudit(AuditLog log) {
    this.log = log;
  }

  @Override
  public void onAdminOperation(List<UserOperationLogEntry> entries) {
    UserOperationLogEntry first = entries.get(0);
    StringBuilder detail = new StringBuilder();
    for (UserOperationLogEntry e : entries) {
      if (e.getProperty() == null) {
        continue;
      }
      if (!detail.isEmpty()) {
        detail.append("；");
      }
      detail.append(e.getProperty()).append('=');
      if (SECRET.contains(e.getProperty())) {
        detail.append("***");
      } else {
        if (e.getOrgValue() != null) {
          detail.append(e.getOrgValue()).append(" → ");
        }
        detail.append(e.getNewValue());
      }
    }
    String target =
        first.getEntityType()
            + (first.getDeploymentId() == null ? "" : " " + first.getDeploymentId());
    log.record(
        AuditEventType.ADMIN,
        first.getOperationType() + " " + first.getEntityType(),
        first.getUserId(),
        sourceAddress(),
        target,
        AuditEvent.SUCCESS,
        detail.isEmpty() ? null : detail.toString());
  }

  private static String sourceAddress() {
    if (RequestContextHolder.getRequestAttributes()
        instanceof ServletRequestAttributes attributes) {
      return attributes.getRequest().getRemoteAddr();
    }
    return null;
  }
}
