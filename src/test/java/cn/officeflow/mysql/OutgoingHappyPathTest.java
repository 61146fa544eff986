package cn.officeflow.mysql;

import static cn.officeflow.mysql.OutgoingProcessDriver.*;
import static cn.officeflow.outgoing.OutgoingDocumentVariables.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.officeflow.platform.engine.EngineClock;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

/**
 * 发文 三审三校 from start to 已印发 on MariaDB/MySQL: 会签 by 财务处, 部门初审, 法务复审, 签发 (文号), the
 * three proofreads, then the asynchronous rest (join, formal document, ledger, notification) run as jobs.
 */
class OutgoingHappyPathTest extends MysqlSpringTestBase {

  @Test
  void outgoingDocumentRunsToIssuedWithItsNumberAndDocx() throws Exception {
    String docCode = freshDocCode();
    String title = "关于开展" + docCode + "年度预算执行检查的通知（" + runId() + "）";
    String body = "各处室：\n为加强预算管理，现就有关事项通知如下。\n一、检查范围\n各处室2026年度预算执行情况。";

    String pi = driver.start(ZHANGWEI, draft(title, body, docCode, "dept-finance"));
    String documentId = (String) engine.getRuntimeService().getVariable(pi, DOCUMENT_ID);

    // 会签: one task for 财务处, its 部门负责人 王芳; the multi-instance is asyncAfter
    Task countersign = driver.task(pi, TASK_COUNTERSIGN);
    assertThat(engine.getTaskService().getIdentityLinksForTask(countersign.getId()))
        .anySatisfy(link -> assertThat(link.getUserId()).isEqualTo(WANGFANG));
    driver.approve(WANGFANG, countersign.getId());
    assertThat(driver.executeJobs(pi)).isPositive();

    driver.approve(LIUYANG, pi, TASK_DEPT_REVIEW);
    driver.executeJobs(pi);
    driver.approve(ZHOUJIE, pi, TASK_LEGAL_REVIEW);
    driver.executeJobs(pi);
    driver.approve(WUQIANG, pi, TASK_LEADER_APPROVAL);
    driver.executeJobs(pi);

    // 签发 gave the 文号: the first of a docCode nobody used before
    int year = EngineClock.today().getYear();
    String expectedNumber = docCode + "〔" + year + "〕1号";
    assertThat(engine.getRuntimeService().getVariable(pi, DOCUMENT_NUMBER))
        .isEqualTo(expectedNumber);

    // 三校: format, wording, attachments by 郑华; the join is asyncBefore
    List<Task> proofreads = driver.tasks(pi);
    assertThat(proofreads)
        .extracting(Task::getTaskDefinitionKey)
        .containsExactlyInAnyOrder(TASK_PROOF_FORMAT, TASK_PROOF_WORDING, TASK_PROOF_ATTACHMENTS);
    for (Task proofread : proofreads) {
      driver.approve(ZHENGHUA, proofread.getId());
    }
    assertThat(driver.executeJobs(pi))
        .as("jobs after the proofreads (join, notification)")
        .isGreaterThanOrEqualTo(2);

    HistoricProcessInstance history =
        engine
            .getHistoryService()
            .createHistoricProcessInstanceQuery()
            .processInstanceId(pi)
            .singleResult();
    assertThat(history.getEndTime()).as("process ended").isNotNull();
    assertThat(history.getEndActivityId()).isEqualTo(END);
    assertThat(
            engine
                .getHistoryService()
                .createHistoricVariableInstanceQuery()
                .processInstanceId(pi)
                .variableName(DOCUMENT_NUMBER)
                .singleResult()
                .getValue())
        .isEqualTo(expectedNumber);
    assertThat(
            engine
                .getHistoryService()
                .createHistoricVariableInstanceQuery()
                .processInstanceId(pi)
                .variableName(DOCUMENT_ID)
                .singleResult()
                .getValue())
        .isEqualTo(documentId);

    Map<String, Object> row =
        jdbc.sql(
                """
        select status, document_number, number_year, number_seq, signer from of_outgoing_document where id = :id""")
            .param("id", documentId)
            .query()
            .singleRow();
    assertThat(row)
        .containsEntry("status", "ISSUED")
        .containsEntry("document_number", expectedNumber)
        .containsEntry("signer", WUQIANG);
    assertThat(((Number) row.get("number_year")).intValue()).isEqualTo(year);
    assertThat(((Number) row.get("number_seq")).intValue()).isEqualTo(1);

    // REST, as the drafter: status, 文号, the review trail with every acting user
    JsonNode view =
        getJson("/api/outgoing-documents/" + documentId, ZHANGWEI, TestDatabase.DEMO_PASSWORD);
    assertThat(view.path("status").asText()).isEqualTo("ISSUED");
    assertThat(view.path("documentNumber").asText())
        .matches("^" + Pattern.quote(docCode) + "〔" + year + "〕1号$");
    List<String> reviewers = new ArrayList<>();
    List<String> steps = new ArrayList<>();
    for (JsonNode review : view.path("reviews")) {
      reviewers.add(review.path("user").asText());
      steps.add(review.path("stepId").asText());
      assertThat(review.path("decision").asText()).isEqualTo("approve");
    }
    assertThat(steps)
        .containsExactlyInAnyOrder(
            TASK_COUNTERSIGN,
            TASK_DEPT_REVIEW,
            TASK_LEGAL_REVIEW,
            TASK_LEADER_APPROVAL,
            TASK_PROOF_FORMAT,
            TASK_PROOF_WORDING,
            TASK_PROOF_ATTACHMENTS);
    assertThat(reviewers)
        .containsExactlyInAnyOrder(
            WANGFANG, LIUYANG, ZHOUJIE, WUQIANG, ZHENGHUA, ZHENGHUA, ZHENGHUA);

    // 台账 (ledger) on MariaDB: by 文号 year and a search text, as the drafter and as a leader (reads
    // all)
    for (String user : List.of(ZHANGWEI, WUQIANG)) {
      JsonNode ledger =
          getJson(
              "/api/outgoing-documents?year=" + year + "&q=" + docCode,
              user,
              TestDatabase.DEMO_PASSWORD);
      assertThat(ledger).as("ledger of %s for %s", user, docCode).hasSize(1);
      assertThat(ledger.get(0).path("id").asText()).isEqualTo(documentId);
      assertThat(ledger.get(0).path("documentNumber").asText()).isEqualTo(expectedNumber);
    }

    HttpResponse<byte[]> docx =
        get(
            "/api/outgoing-documents/" + documentId + "/docx",
            ZHANGWEI,
            TestDatabase.DEMO_PASSWORD);
    assertThat(docx.statusCode()).isEqualTo(200);
    assertThat(docx.headers().firstValue("Content-Type"))
        .hasValueSatisfying(
            type ->
                assertThat(type)
                    .startsWith(
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"));
    assertThat(docx.headers().firstValue("Content-Disposition"))
        .hasValueSatisfying(d -> assertThat(d).contains(".docx"));
    assertThat(docx.body()).hasSizeGreaterThan(1000);
    assertThat(new String(docx.body(), 0, 2, java.nio.charset.StandardCharsets.ISO_8859_1))
        .isEqualTo("PK");
  }
}
