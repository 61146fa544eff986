package cn.officeflow.outgoing;

import static cn.officeflow.outgoing.OutgoingDocumentVariables.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.officeflow.support.ProcessDriver;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * Production's history (officeflow.history.gateways=false, the default; the test profile keeps gateways for
 * hasPassed): a token passing the gateways of 发文 leaves the tasks and steps around them in the activity
 * history, and no row of the gateways themselves.
 */
@SpringBootTest(properties = "officeflow.history.gateways=false")
@ActiveProfiles("test")
class AuditHistoryGatewaysTest {

  @Autowired ProcessEngine engine;
  @Autowired HistoryService history;

  @Test
  void gatewaysPassedWithoutWaitingLeaveNoActivityHistory() {
    ProcessDriver driver = new ProcessDriver(engine);
    ProcessInstance pi =
        driver.start("zhangwei", PROCESS_KEY, OutgoingDocumentApiTest.draft("网关不入历史"));
    OutgoingDocumentApiTest.approveUpToLastProof(driver, pi.getId());

    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(pi.getId()).list())
        .extracting(HistoricActivityInstance::getActivityId)
        .contains(
            START, TASK_DEPT_REVIEW, TASK_LEGAL_REVIEW, TASK_LEADER_APPROVAL, TASK_ASSIGN_NUMBER)
        .doesNotContain("Gateway_Submit", "Gateway_DeptReview", "Gateway_ProofSplit");
    assertThat(
            history
                .createHistoricActivityInstanceQuery()
                .processInstanceId(pi.getId())
                .activityType("exclusiveGateway")
                .count())
        .isZero();
  }
}
