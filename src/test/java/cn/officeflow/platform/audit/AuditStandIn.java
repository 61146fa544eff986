package cn.officeflow.platform.audit;

import cn.officeflow.platform.worklist.BusinessRecord;
import cn.officeflow.platform.worklist.BusinessRecords;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.ProcessEngine;
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
  static final String TASK = "Task_Check";

  /** business key → (title, number) */
  static final Map<String, String[]> RECORDS = new ConcurrentHashMap<>();

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

  @TestConfiguration(proxyBeanMethods = false)
  static class Records {
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
