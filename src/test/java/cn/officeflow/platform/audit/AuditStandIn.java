package cn.officeflow.platform.audit;

import static org.awaitility.Awaitility.await;

import cn.officeflow.platform.worklist.BusinessRecord;
import cn.officeflow.platform.worklist.BusinessRecords;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A stand-in process for the audit tests (start → 审核 by staff → end) and its business records (title and
 * number per business key), so that the audit's search by title and 文号 runs against a process of its own
 * instead of dragging a real model (and its coverage) into the audit tests.
 */
public final class AuditStandIn {

  public static final String KEY = "audit_standin";
  public static final String TASK = "Task_Check";

  /** business key → (title, number) */
  public static final Map<String, String[]> RECORDS = new ConcurrentHashMap<>();

  private AuditStandIn() {}

  public static void deploy(ProcessEngine engine) {
    if (engine
            .getRepositoryService()
            .createProcessDefinitionQuery()
            .processDefinitionKey(KEY)
            .count()
        > 0) {
      return;
    }
    engine
        .getRepositoryService()
        .createDeployment()
        .addModelInstance(
            KEY + ".bpmn",
            Bpmn.createExecutableProcess(KEY)
                .name("审计测试流程")
                .camundaHistoryTimeToLive(180)
                .startEvent("Start")
                .name("发起")
                .userTask(TASK)
                .name("审核")
                .camundaCandidateGroups("staff")
                .endEvent("End")
                .name("办结")
                .done())
        .deploy();
  }

  /** Starts an instance whose record has this title and number; returns the process instance id. */
  public static String start(ProcessEngine engine, String title, String number) {
    String businessKey = UUID.randomUUID().toString();
    RECORDS.put(businessKey, new String[] {title, number});
    return engine
        .getRuntimeService()
        .startProcessInstanceByKey(KEY, businessKey, Map.of("subject", title))
        .getId();
  }

  /** The user claims the task (an operation in the log, as themselves) and it is completed. */
  public static void finish(ProcessEngine engine, String processInstanceId, String user) {
    Task task =
        engine
            .getTaskService()
            .createTaskQuery()
            .processInstanceId(processInstanceId)
            .singleResult();
    engine.getIdentityService().setAuthentication(user, List.of("staff"));
    try {
      engine.getTaskService().claim(task.getId(), user);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    engine.getTaskService().complete(task.getId());
  }

  /**
   * The first of the user's records of this type that matches, waiting for it: the access audit filter writes
   * after the controller, so the client may have its answer a moment before the record is there.
   */
  public static AuditEvent awaitEvent(
      AuditLog log, String user, AuditEventType type, Predicate<AuditEvent> matching) {
    List<AuditEvent> found = new ArrayList<>();
    await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () -> {
              found.clear();
              log.search(user, type, null, null, 200).stream().filter(matching).forEach(found::add);
              return !found.isEmpty();
            });
    return found.get(0);
  }

  @TestConfiguration(proxyBeanMethods = false)
  public static class Records {
    @Bean
    BusinessRecords auditStandInRecords() {
      return new BusinessRecords() {
        @Override
        public Set<String> processKeys() {
          return Set.of(KEY);
        }

        @Override
        public Optional<BusinessRecord> describe(String businessKey) {
          return Optional.ofNullable(RECORDS.get(businessKey))
              .map(r -> new BusinessRecord(r[0], r[1], "DONE", "已办结", null, null, null));
        }
      };
    }
  }
}
