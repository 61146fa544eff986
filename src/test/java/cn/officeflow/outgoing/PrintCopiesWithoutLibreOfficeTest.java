package cn.officeflow.outgoing;

import static cn.officeflow.outgoing.OutgoingDocumentVariables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.officeflow.support.ProcessDriver;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * A server without LibreOffice: the 发文 is issued (台账, .docx) at once; the async step 生成版式文件
 * fails, and after its retries waits as an incident in Cockpit whose message says in Chinese what is
 * missing and how to install it. Nothing is archived before the print copies exist.
 */
@DirtiesContext
@SpringBootTest(properties = "officeflow.docgen.soffice=/nonexistent/officeflow/soffice")
@ActiveProfiles("test")
class PrintCopiesWithoutLibreOfficeTest {

  @Autowired ProcessEngine engine;
  @Autowired OutgoingDocumentRepository documents;

  @Test
  void renderStepWaitsAsAnIncidentWithAChineseMessage() {
    ProcessDriver driver = new ProcessDriver(engine);
    ProcessInstance pi =
        driver.start("zhangwei", PROCESS_KEY, OutgoingDocumentApiTest.draft("无 LibreOffice 的印发"));
    OutgoingDocumentApiTest.approveUpToLastProof(driver, pi.getId());
    assertThatThrownBy(() -> driver.approve("zhenghua", pi.getId(), TASK_PROOF_ATTACHMENTS))
        .hasMessageContaining("未找到 LibreOffice");

    ManagementService management = engine.getManagementService();
    Job job = management.createJobQuery().processInstanceId(pi.getId()).singleResult();
    for (int attempt = 0; attempt < 5 && job.getRetries() > 0; attempt++) {
      String jobId = job.getId();
      assertThatThrownBy(() -> management.executeJob(jobId)).hasMessageContaining("LibreOffice");
      job = management.createJobQuery().jobId(jobId).singleResult();
    }
    Incident incident =
        engine
            .getRuntimeService()
            .createIncidentQuery()
            .processInstanceId(pi.getId())
            .singleResult();
    assertThat(incident).as("incident in Cockpit").isNotNull();
    assertThat(incident.getActivityId()).isEqualTo("Task_RenderPrintCopies");
    assertThat(incident.getIncidentMessage())
        .contains("未找到 LibreOffice")
        .contains("apt-get install libreoffice-writer-nogui fonts-noto-cjk");
    // the history writer leaves out a job's "created" and "succeeded" entries, never its failures
    assertThat(
            engine
                .getHistoryService()
                .createHistoricJobLogQuery()
                .processInstanceId(pi.getId())
                .failureLog()
                .list())
        .as("one failure per attempt (3 retries)")
        .hasSize(3)
        .allSatisfy(entry -> assertThat(entry.getActivityId()).isEqualTo("Task_RenderPrintCopies"));

    String id = pi.getBusinessKey();
    OutgoingDocument document = documents.find(id).orElseThrow();
    assertThat(document.status()).isEqualTo(DocumentStatus.ISSUED);
    assertThat(documents.docx(id)).as(".docx right away").isPresent();
    assertThat(documents.pdf(id)).isEmpty();
    assertThat(documents.ofd(id)).isEmpty();
  }
}
