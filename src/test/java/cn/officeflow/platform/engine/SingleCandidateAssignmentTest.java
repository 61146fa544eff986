package cn.officeflow.platform.engine;

import static org.assertj.core.api.Assertions.assertThat;

import cn.officeflow.support.ProcessDriver;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/** A task only one person can do is theirs at once; a task for a group waits to be claimed. */
@SpringBootTest
@ActiveProfiles("test")
@DirtiesContext
class SingleCandidateAssignmentTest {

  @Autowired ProcessEngine engine;

  @Test
  void theOnlyCandidateGetsTheTaskAGroupClaimsIt() {
    ProcessDriver driver = new ProcessDriver(engine);
    ProcessInstance pi =
        driver.start(
            "zhangwei",
            "outgoing_document",
            Map.of(
                "title",
                "只有一位初审人 " + UUID.randomUUID(),
                "docType",
                "通知",
                "mainRecipients",
                "各处室",
                "body",
                "正文。"));
    // 业务处 has one head, 刘洋: 部门初审 is his without 认领
    Task review =
        engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).singleResult();
    assertThat(review.getTaskDefinitionKey()).isEqualTo("Task_DeptReview");
    assertThat(review.getAssignee()).isEqualTo("liuyang");

    driver.complete("liuyang", pi.getId(), "Task_DeptReview", Map.of("decision", "approve"));
    // 法务复审 is for the group legal (周杰, 罗敏): someone claims it
    Task legal =
        engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).singleResult();
    assertThat(legal.getTaskDefinitionKey()).isEqualTo("Task_LegalReview");
    assertThat(legal.getAssignee()).isNull();
  }
}
