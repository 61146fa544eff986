package cn.officeflow.platform.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.UserOperationLogEntryEventEntity;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Administrative changes as they happen, whatever the way in (Camunda Admin, /engine-rest, Modeler's deploy,
 * Java API): the engine writes a user operation log entry for every change of a user, group, membership,
 * tenant, authorization or deployment made by an authenticated user (history level full), and the Spring Boot
 * starter publishes every history event as a Spring event ({@code camunda.bpm.eventing.history}, set in
 * application.yaml) inside the engine's transaction. The entries of one operation are collected and handed to
 * the {@link AdminOperationHook}s just before that transaction commits — so what a hook writes is rolled back
 * with the change and committed with it.
 */
@Component
public class AdminOperationEvents {

  /** The entity types of administrative changes (Camunda's names). */
  public static final Set<String> ADMIN_ENTITIES =
      Set.of(
          EntityTypes.USER,
          EntityTypes.GROUP,
          EntityTypes.GROUP_MEMBERSHIP,
          EntityTypes.TENANT,
          EntityTypes.TENANT_MEMBERSHIP,
          EntityTypes.AUTHORIZATION,
          EntityTypes.DEPLOYMENT);

  private final ObjectProvider<AdminOperationHook> hooks;

  public AdminOperationEvents(ObjectProvider<AdminOperationHook> hooks) {
    this.hooks = hooks;
  }

  @EventListener
  public void onHistoryEvent(HistoryEvent event) {
    if (!(event instanceof UserOperationLogEntryEventEntity entry)
        || !ADMIN_ENTITIES.contains(entry.getEntityType())) {
      return;
    }
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      deliver(List.of(entry));
      return;
    }
    @SuppressWarnings("unchecked")
    Map<String, List<UserOperationLogEntry>> pending =
        (Map<String, List<UserOperationLogEntry>>)
            TransactionSynchronizationManager.getResource(this);
    if (pending == null) {
      Map<String, List<UserOperationLogEntry>> operations = new LinkedHashMap<>();
      TransactionSynchronizationManager.bindResource(this, operations);
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void beforeCommit(boolean readOnly) {
              operations.values().forEach(AdminOperationEvents.this::deliver);
              operations.clear();
            }

            @Override
            public void afterCompletion(int status) {
              TransactionSynchronizationManager.unbindResourceIfPossible(AdminOperationEvents.this);
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

  private void deliver(List<UserOperationLogEntry> entries) {
    hooks.orderedStream().forEach(hook -> hook.onAdminOperation(entries));
  }
}
