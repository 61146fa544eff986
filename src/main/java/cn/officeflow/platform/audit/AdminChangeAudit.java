package cn.officeflow.platform.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.UserOperationLogEntryEventEntity;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Administrative changes into the access audit log, whatever the way in (Camunda Admin, /engine-rest, Modeler's
 * deploy, Java API): the engine writes a user operation log entry for every change of a user, group,
 * membership, tenant, authorization or deployment made by an authenticated user (history level full), and
 * the Spring Boot starter publishes every history event as a Spring event ({@code camunda.bpm.eventing.history},
 * on by default and set in application.yaml) inside the engine's transaction. The entries of one operation
 * (one per property) are collected and written as one {@link AuditEventType#ADMIN} record just before the
 * transaction commits — rolled back with the change, committed with it. The source address is that of the
 * HTTP request the change came with (none for changes the application makes itself).
 */
@Component
public class AdminChangeAudit {

  /** The entity types of administrative changes (Camunda's names). */
  static final Set<String> ADMIN_ENTITIES =
      Set.of(
          EntityTypes.USER,
          EntityTypes.GROUP,
          EntityTypes.GROUP_MEMBERSHIP,
          EntityTypes.TENANT,
          EntityTypes.TENANT_MEMBERSHIP,
          EntityTypes.AUTHORIZATION,
          EntityTypes.DEPLOYMENT);

  /** Properties whose values are never written (none carries a password today; kept out if one ever does). */
  private static final Set<String> SECRET = Set.of("password", "salt");

  private final AuditLog log;

  public AdminChangeAudit(AuditLog log) {
    this.log = log;
  }

  @EventListener
  public void onHistoryEvent(HistoryEvent event) {
    if (!(event instanceof UserOperationLogEntryEventEntity entry)
        || !ADMIN_ENTITIES.contains(entry.getEntityType())) {
      return;
    }
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      record(List.of(entry));
      return;
    }
    @SuppressWarnings("unchecked")
    Map<String, List<UserOperationLogEntryEventEntity>> pending =
        (Map<String, List<UserOperationLogEntryEventEntity>>)
            TransactionSynchronizationManager.getResource(this);
    if (pending == null) {
      Map<String, List<UserOperationLogEntryEventEntity>> operations = new LinkedHashMap<>();
      TransactionSynchronizationManager.bindResource(this, operations);
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void beforeCommit(boolean readOnly) {
              operations.values().forEach(AdminChangeAudit.this::record);
              operations.clear();
            }

            @Override
            public void afterCompletion(int status) {
              TransactionSynchronizationManager.unbindResourceIfPossible(AdminChangeAudit.this);
            }
          });
      pending = operations;
    }
    // one operation = several entries (one per property), linked by the operation id
    pending
        .computeIfAbsent(
            entry.getOperationId() == null ? entry.getId() : entry.getOperationId(),
            id -> new ArrayList<>())
        .add(entry);
  }

  private void record(List<UserOperationLogEntryEventEntity> entries) {
    UserOperationLogEntryEventEntity first = entries.get(0);
    StringBuilder detail = new StringBuilder();
    for (UserOperationLogEntryEventEntity e : entries) {
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
      HttpServletRequest request = attributes.getRequest();
      return request.getRemoteAddr();
    }
    return null;
  }
}
