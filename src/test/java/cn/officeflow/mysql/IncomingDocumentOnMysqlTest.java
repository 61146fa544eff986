package cn.officeflow.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.officeflow.incoming.IncomingDocument;
import cn.officeflow.incoming.IncomingDocumentRepository;
import cn.officeflow.incoming.IncomingDocumentService;
import cn.officeflow.incoming.IncomingDocumentVariables;
import cn.officeflow.incoming.IncomingStatus;
import cn.officeflow.platform.archive.ArchiveChain;
import cn.officeflow.platform.archive.ArchiveService;
import cn.officeflow.platform.archive.ChainVerification;
import cn.officeflow.platform.engine.StoredFileLimits;
import cn.officeflow.platform.web.ValidationException;
import cn.officeflow.supervision.SupervisionItem;
import cn.officeflow.supervision.SupervisionService;
import cn.officeflow.supervision.SupervisionVariables;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A whole 收文 on MariaDB/MySQL: 4-byte characters in every text, a 3 MB 扫描件 in a longblob, the duplicate
 * warning, consecutive 收文编号, the called 督办 with 协办, 传阅, and the archived ZIP byte for byte in an intact chain.
 */
class IncomingDocumentOnMysqlTest extends MysqlSpringTestBase {

  @Autowired IncomingDocumentService incoming;
  @Autowired SupervisionService supervision;
  @Autowired ArchiveService archive;
  @Autowired StoredFileLimits limits;
  @Autowired IncomingDocumentRepository documents;

  @Test
  void wholeIncomingDocumentOnTheRealDatabase() throws Exception {
    String run = runId();
    String title = "关于𠀀字😀来文的通知 " + run;
    String number = "测函〔2026〕" + run + "号";
    Map<String, Object> letter =
        new HashMap<>(
            Map.of(
                IncomingDocumentVariables.TITLE,
                title,
                IncomingDocumentVariables.SENDER_ORG,
                "𠀀市😀局",
                IncomingDocumentVariables.SENDER_NUMBER,
                number,
                IncomingDocumentVariables.URGENCY,
                "加急",
                IncomingDocumentVariables.PAGES,
                12L,
                IncomingDocumentVariables.SUMMARY,
                "摘要含𠀀😀"));
    ProcessInstance pi = driver.start("lina", IncomingDocumentVariables.PROCESS_KEY, letter);
    String id = pi.getBusinessKey();
    IncomingDocument d = incoming.document(id);
    assertThat(d.title()).isEqualTo(title);
    assertThat(d.senderOrg()).isEqualTo("𠀀市😀局");
    // a second registration of the same 来文 is refused until confirmed, then numbered next
    assertThatThrownBy(() -> driver.start("lina", IncomingDocumentVariables.PROCESS_KEY, letter))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("senderNumber");
    letter.put(IncomingDocumentVariables.DUPLICATE_CONFIRMED, true);
    ProcessInstance again = driver.start("lina", IncomingDocumentVariables.PROCESS_KEY, letter);
    assertThat(incoming.document(again.getBusinessKey()).receiptSeq())
        .isEqualTo(d.receiptSeq() + 1);

    byte[] scan = new byte[3 * 1024 * 1024];
    new Random(42).nextBytes(scan);
    driver.as(
        "lina",
        () ->
            incoming.upload(
                id,
                List.of(new IncomingDocumentService.Upload("扫描件😀.pdf", "application/pdf", scan))));
    driver.complete("lina", pi.getId(), IncomingDocumentVariables.TASK_SCAN, Map.of());
    driver.complete(
        "zhaomin",
        pi.getId(),
        IncomingDocumentVariables.TASK_PROPOSE,
        Map.of(
            IncomingDocumentVariables.HANDLING,
            "办理",
            IncomingDocumentVariables.LEAD_DEPARTMENT,
            "dept-business",
            IncomingDocumentVariables.ASSISTING_DEPARTMENTS,
            "[\"dept-finance\"]",
            IncomingDocumentVariables.PROPOSAL,
            "拟请业务处办理😀"));
    driver.complete(
        "wuqiang",
        pi.getId(),
        IncomingDocumentVariables.TASK_INSTRUCT,
        Map.of(
            IncomingDocumentVariables.INSTRUCTION,
            "同意𠀀",
            IncomingDocumentVariables.CIRCULATE_TO,
            "hanbing"));

    SupervisionItem item = supervision.itemForIncoming(id).orElseThrow();
    String sub = item.processInstanceId();
    driver.complete(
        "liuyang",
        sub,
        SupervisionVariables.TASK_ASSIGN,
        Map.of(SupervisionVariables.HANDLER, "zhangwei"));
    driver.complete(
        "wangfang",
        sub,
        SupervisionVariables.TASK_ASSIST,
        Map.of(SupervisionVariables.OPINION, "同意配合😀"));
    driver.complete(
        "zhangwei",
        sub,
        SupervisionVariables.TASK_HANDLE,
        Map.of(SupervisionVariables.PROGRESS, "已办结𠀀", SupervisionVariables.FINISHED, true));
    driver.approve("zhaomin", sub, SupervisionVariables.TASK_INSPECT);
    driver.complete(
        "zhaomin", sub, SupervisionVariables.TASK_ASSESS, Map.of(SupervisionVariables.SCORE, 90L));
    driver.complete("hanbing", pi.getId(), IncomingDocumentVariables.TASK_CIRCULATE, Map.of());
    driver.complete(
        "lina",
        pi.getId(),
        IncomingDocumentVariables.TASK_ARCHIVE,
        Map.of(IncomingDocumentVariables.BOX, "盒" + run, IncomingDocumentVariables.SHELF, "A-1"));

    d = incoming.document(id);
    assertThat(d.status()).isEqualTo(IncomingStatus.ARCHIVED);
    byte[] zip = archive.content(d.archiveEntryId());
    assertThat(ArchiveChain.sha256(zip)).isEqualTo(archive.entry(d.archiveEntryId()).fileSha256());
    byte[] stored = null;
    String slip = null;
    try (ZipInputStream in =
        new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        if (e.getName().equals("附件/01-扫描件😀.pdf")) {
          stored = in.readAllBytes();
        } else if (e.getName().equals("收文处理笺.html")) {
          slip = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
      }
    }
    assertThat(stored).isEqualTo(scan);
    assertThat(slip).contains(title, "𠀀市😀局", "拟请业务处办理😀", "同意𠀀", "同意配合😀", "已办结𠀀");
    assertThat(archive.verify()).isEqualTo(ChainVerification.INTACT);

    JsonNode view = getJson("/api/incoming-documents/" + id, "qianyu", TestDatabase.DEMO_PASSWORD);
    assertThat(view.get("title").asText()).isEqualTo(title);
    assertThat(view.get("supervision").get("handlerName").asText()).isEqualTo("张伟");
    assertThat(view.get("reviews")).hasSize(3);
  }

  /**
   * The largest file the limits allow goes into the database even when every byte must be escaped (zeros), on
   * whatever max_allowed_packet the server has; one byte more is refused naming the field, before the database.
   */
  @Test
  void largestAllowedFileIsStoredAndOneByteMoreIsRefused() {
    String run = runId();
    ProcessInstance pi =
        driver.start(
            "lina",
            IncomingDocumentVariables.PROCESS_KEY,
            Map.of(
                IncomingDocumentVariables.TITLE,
                "上限测试 " + run,
                IncomingDocumentVariables.SENDER_ORG,
                "测试单位",
                IncomingDocumentVariables.PAGES,
                1L));
    String id = pi.getBusinessKey();
    long limit = Math.min(limits.fileBytes(), limits.documentBytes());
    byte[] zeros = new byte[(int) limit];
    driver.as(
        "lina",
        () ->
            incoming.upload(
                id,
                List.of(new IncomingDocumentService.Upload("上限.pdf", "application/pdf", zeros))));
    assertThat(documents.content(documents.attachments(id).get(0).id())).isEqualTo(zeros);
    assertThatThrownBy(
            () ->
                driver.as(
                    "lina",
                    () ->
                        incoming.upload(
                            id,
                            List.of(
                                new IncomingDocumentService.Upload(
                                    "多一个字节.pdf", "application/pdf", new byte[1])))))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("字段 file");
    assertThat(documents.attachments(id)).hasSize(1);
  }
}
