package cn.officeflow.outgoing;

import static cn.officeflow.outgoing.OutgoingDocumentVariables.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.officeflow.platform.archive.ArchiveService;
import cn.officeflow.platform.archive.ArchiveSource;
import cn.officeflow.support.Http;
import cn.officeflow.support.HttpTest;
import cn.officeflow.support.ProcessDriver;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Year;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** GET /api/outgoing-documents… over HTTP: the record, its .docx, the ledger, CSV and who may see what. */
@HttpTest
class OutgoingDocumentApiTest {

  static final String PASSWORD = "Office@2026";
  static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired ArchiveService archive;

  Http http;
  ProcessDriver driver;

  @BeforeEach
  void setUp() {
    http = new Http(port);
    driver = new ProcessDriver(engine);
  }

  @Test
  void issuedDocumentShowsStatusNumberVersionsAndReviews() throws Exception {
    String title = "关于<加强>&“节日”值班的通知 " + UUID.randomUUID().toString().substring(0, 6);
    ProcessInstance pi = issue(title);
    String id = pi.getBusinessKey();

    JsonNode doc = json(http.get("/api/outgoing-documents/" + id, "zhangwei", PASSWORD), 200);
    assertThat(doc.get("id").asText()).isEqualTo(id);
    assertThat(doc.get("title").asText()).isEqualTo(title);
    assertThat(doc.get("status").asText()).isEqualTo("ISSUED");
    assertThat(doc.get("statusLabel").asText()).isEqualTo("已印发");
    assertThat(doc.get("documentNumber").asText()).matches("测API〔\\d{4}〕\\d+号");
    assertThat(doc.get("versions")).hasSize(2);
    assertThat(doc.get("reviews")).hasSize(7);
    JsonNode reject = doc.get("reviews").get(0);
    assertThat(reject.get("step").asText()).isEqualTo("部门初审");
    assertThat(reject.get("user").asText()).isEqualTo("liuyang");
    assertThat(reject.get("name").asText()).isEqualTo("刘洋");
    assertThat(reject.get("decision").asText()).isEqualTo("reject");
    assertThat(reject.get("comment").asText()).isEqualTo("请补充值班表");
    // each decision names the 稿 it was about: the first draft was returned, the second is what was
    // signed
    assertThat(reject.get("version").asInt()).isEqualTo(1);
    JsonNode last = doc.get("reviews").get(doc.get("reviews").size() - 1);
    assertThat(last.get("version").asInt()).isEqualTo(2);
    assertThat(reject.get("time").asText()).isNotBlank();
    assertThat(doc.get("body").asText()).contains("值班表见附件");

    HttpResponse<byte[]> docx =
        http.getBytes("/api/outgoing-documents/" + id + "/docx", "zhangwei", PASSWORD);
    assertThat(docx.statusCode()).isEqualTo(200);
    assertThat(docx.headers().firstValue("Content-Type").orElseThrow())
        .contains("wordprocessingml");
    assertThat(docx.headers().firstValue("Content-Disposition").orElseThrow())
        .contains("filename*=UTF-8''");
    try (XWPFDocument word = new XWPFDocument(new ByteArrayInputStream(docx.body()))) {
      String text =
          word.getParagraphs().stream().map(p -> p.getText()).reduce("", (a, b) -> a + "\n" + b);
      assertThat(text).contains(doc.get("documentNumber").asText()).contains(title);
    }

    // the PDF/A-2b print copy, made by the async step 生成版式文件 with LibreOffice, same read rules
    HttpResponse<byte[]> pdf =
        http.getBytes("/api/outgoing-documents/" + id + "/pdf", "zhangwei", PASSWORD);
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(pdf.headers().firstValue("Content-Type").orElseThrow()).contains("application/pdf");
    assertThat(pdf.headers().firstValue("Content-Disposition").orElseThrow()).contains(".pdf");
    try (PDDocument printed = Loader.loadPDF(pdf.body())) {
      String xmp =
          new String(
              printed.getDocumentCatalog().getMetadata().toByteArray(), StandardCharsets.UTF_8);
      assertThat(xmp)
          .containsPattern("pdfaid:part(>|=\"|=')2")
          .containsPattern("pdfaid:conformance(>|=\"|=')B");
      PDPage first = printed.getPage(0);
      for (COSName font : first.getResources().getFontNames()) {
        assertThat(first.getResources().getFont(font).isEmbedded()).as(font.getName()).isTrue();
      }
      // LibreOffice sets a small gap between Chinese and Latin text: the text extractor reads a
      // space
      assertThat(new PDFTextStripper().getText(printed).replaceAll("\\s", ""))
          .contains(doc.get("documentNumber").asText());
    }
    assertThat(
            http.getBytes("/api/outgoing-documents/" + id + "/pdf", "gaoyuan", PASSWORD)
                .statusCode())
        .as("stranger")
        .isEqualTo(404);
    // the OFD (GB/T 33190) copy: an OFD package (a zip with OFD.xml), same read rules
    HttpResponse<byte[]> ofd =
        http.getBytes("/api/outgoing-documents/" + id + "/ofd", "zhangwei", PASSWORD);
    assertThat(ofd.statusCode()).isEqualTo(200);
    assertThat(ofd.headers().firstValue("Content-Type").orElseThrow()).contains("application/ofd");
    assertThat(ofd.headers().firstValue("Content-Disposition").orElseThrow()).contains(".ofd");
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(ofd.body()))) {
      List<String> entries = new java.util.ArrayList<>();
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        entries.add(e.getName());
      }
      assertThat(entries).contains("OFD.xml");
    }
    assertThat(
            http.getBytes("/api/outgoing-documents/" + id + "/ofd", "gaoyuan", PASSWORD)
                .statusCode())
        .as("stranger")
        .isEqualTo(404);
    // archived with the .docx in the hash chain, which is intact
    JsonNode verify = json(http.get("/api/archive/verify", "qianyu", PASSWORD), 200);
    assertThat(verify.get("intact").asBoolean()).isTrue();
    assertThat(archive.findBySource(ArchiveSource.OUTGOING, id + "/pdf")).isPresent();
    assertThat(archive.findBySource(ArchiveSource.OUTGOING, id + "/ofd")).isPresent();
    assertThat(archive.findBySource(ArchiveSource.OUTGOING, id)).isPresent();
  }

  @Test
  void onlyDrafterReviewersAndLedgerRolesSeeADocument() throws Exception {
    ProcessInstance pi = driver.start("zhangwei", PROCESS_KEY, draft("可见性测试"));
    String path = "/api/outgoing-documents/" + pi.getBusinessKey();
    assertThat(http.get(path, "zhangwei", PASSWORD).statusCode()).isEqualTo(200);
    assertThat(http.get(path, "liuyang", PASSWORD).statusCode())
        .as("candidate of the open task")
        .isEqualTo(200);
    assertThat(http.get(path, "zhaomin", PASSWORD).statusCode())
        .as("office director")
        .isEqualTo(200);
    assertThat(http.get(path, "qianyu", PASSWORD).statusCode()).as("auditor").isEqualTo(200);
    HttpResponse<String> stranger = http.get(path, "gaoyuan", PASSWORD);
    assertThat(stranger.statusCode()).isEqualTo(404);
    assertThat(json(stranger, 404).get("type").asText()).isEqualTo("NotFoundException");
    assertThat(
            http.get(
                    "/api/outgoing-documents/" + pi.getBusinessKey() + "/docx",
                    "zhangwei",
                    PASSWORD)
                .statusCode())
        .as("no formal document before 三校")
        .isEqualTo(404);
    assertThat(http.get("/api/outgoing-documents/no-such-id", "zhangwei", PASSWORD).statusCode())
        .isEqualTo(404);

    JsonNode strangerLedger =
        json(http.get("/api/outgoing-documents?q=" + enc("可见性测试"), "gaoyuan", PASSWORD), 200);
    assertThat(strangerLedger).isEmpty();
    JsonNode drafterLedger =
        json(http.get("/api/outgoing-documents?q=" + enc("可见性测试"), "zhangwei", PASSWORD), 200);
    assertThat(drafterLedger).hasSize(1);
  }

  @Test
  void ledgerFiltersByYearAndTextAndExportsCsv() throws Exception {
    String marker = "台账" + UUID.randomUUID().toString().substring(0, 6);
    ProcessInstance pi = issue(marker);
    int year = Year.now().getValue();
    JsonNode hits =
        json(
            http.get(
                "/api/outgoing-documents?year=" + year + "&q=" + enc(marker), "lina", PASSWORD),
            200);
    assertThat(hits).hasSize(1);
    assertThat(hits.get(0).get("id").asText()).isEqualTo(pi.getBusinessKey());
    assertThat(hits.get(0).get("signerName").asText()).isEqualTo("吴强");
    assertThat(
            json(
                http.get(
                    "/api/outgoing-documents?year=" + (year - 1) + "&q=" + enc(marker),
                    "lina",
                    PASSWORD),
                200))
        .isEmpty();

    HttpResponse<byte[]> csv =
        http.getBytes("/api/outgoing-documents/ledger.csv?q=" + enc(marker), "lina", PASSWORD);
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
    String text = new String(csv.body(), StandardCharsets.UTF_8);
    assertThat(text).startsWith("\uFEFF文号,标题");
    assertThat(text.lines()).hasSize(2);
    assertThat(text).contains(marker).contains("已印发").contains("吴强");
  }

  @Test
  void badLedgerParametersAre400NamingTheField() throws Exception {
    JsonNode notNumber = json(http.get("/api/outgoing-documents?year=abc", "lina", PASSWORD), 400);
    assertThat(notNumber.get("field").asText()).isEqualTo("year");
    JsonNode outOfRange =
        json(http.get("/api/outgoing-documents?year=1800", "lina", PASSWORD), 400);
    assertThat(outOfRange.get("field").asText()).isEqualTo("year");
    JsonNode tooLong =
        json(http.get("/api/outgoing-documents?q=" + "长".repeat(101), "lina", PASSWORD), 400);
    assertThat(tooLong.get("field").asText()).isEqualTo("q");
  }

  @Test
  void drafterOwnDepartmentIsRefusedForCountersignWith400NamingTheField() throws Exception {
    String title = "本部门会签 " + UUID.randomUUID().toString().substring(0, 6);
    String start = "/engine-rest/process-definition/key/" + PROCESS_KEY + "/start";
    // only the start form's fields (the input contract); 张伟 is in 业务处 (dept-business)
    String plain = startBody(title, "{\"value\": \"dept-finance,dept-business\"}");
    JsonNode refused = json(http.postJson(start, "zhangwei", PASSWORD, plain), 400);
    assertThat(refused.get("field").asText()).isEqualTo(COUNTERSIGN_DEPTS);
    assertThat(refused.get("message").asText()).isEqualTo("会签部门不能是业务处本身");
    assertThat(refused.get("type").asText()).isNotBlank();
    // as Tasklist submits the start form's checklist: a Json array
    String checklist =
        startBody(title, "{\"type\": \"Json\", \"value\": \"[\\\"dept-business\\\"]\"}");
    JsonNode fromForm =
        json(
            http.postJson(
                "/engine-rest/process-definition/key/" + PROCESS_KEY + "/submit-form",
                "zhangwei",
                PASSWORD,
                checklist),
            400);
    assertThat(fromForm.get("message").asText()).contains("会签部门不能是业务处本身");

    // nothing stored: no document in the drafter's ledger, no instance
    assertThat(json(http.get("/api/outgoing-documents?q=" + enc(title), "zhangwei", PASSWORD), 200))
        .isEmpty();
    assertThat(
            engine
                .getRuntimeService()
                .createProcessInstanceQuery()
                .processDefinitionKey(PROCESS_KEY)
                .variableValueEquals(TITLE, title)
                .count())
        .isZero();
    // another department is accepted
    String other = startBody(title, "{\"type\": \"Json\", \"value\": \"[\\\"dept-finance\\\"]\"}");
    assertThat(http.postJson(start, "zhangwei", PASSWORD, other).statusCode()).isEqualTo(200);
  }

  @Test
  void voidAtReviseNeedsAReasonOverRestAndShowsAsVoidedInRecordLedgerAndWorklist()
      throws Exception {
    String title = "作废测试 " + UUID.randomUUID().toString().substring(0, 6);
    ProcessInstance pi = driver.start("zhangwei", PROCESS_KEY, draft(title));
    driver.reject("liuyang", pi.getId(), TASK_DEPT_REVIEW, "本事项不宜发文");
    String task = driver.taskFor("zhangwei", pi.getId(), TASK_REVISE).getId();
    String submit = "/engine-rest/task/" + task + "/submit-form";

    // as Tasklist submits the revise form with 作废 chosen and the reason left empty
    JsonNode refused =
        json(
            http.postJson(
                submit,
                "zhangwei",
                PASSWORD,
                "{\"variables\": {\"reviseAction\": {\"value\": \"void\"}, \"voidReason\": {\"value\": \" \"}}}"),
            400);
    assertThat(refused.get("field").asText()).isEqualTo(VOID_REASON);
    assertThat(refused.get("message").asText()).contains("作废原因");
    String path = "/api/outgoing-documents/" + pi.getBusinessKey();
    assertThat(json(http.get(path, "zhangwei", PASSWORD), 200).get("status").asText())
        .isEqualTo("REVISING");

    assertThat(
            http.postJson(
                    submit,
                    "zhangwei",
                    PASSWORD,
                    "{\"variables\": {\"reviseAction\": {\"value\": \"void\"},"
                        + " \"voidReason\": {\"value\": \"上级已统一发文\"}}}")
                .statusCode())
        .isEqualTo(204);
    JsonNode doc = json(http.get(path, "zhangwei", PASSWORD), 200);
    assertThat(doc.get("status").asText()).isEqualTo("VOIDED");
    assertThat(doc.get("statusLabel").asText()).isEqualTo("已作废");
    assertThat(doc.get("documentNumber").isNull()).isTrue();
    JsonNode last = doc.get("reviews").get(doc.get("reviews").size() - 1);
    assertThat(last.get("step").asText()).isEqualTo("退回修改");
    assertThat(last.get("user").asText()).isEqualTo("zhangwei");
    assertThat(last.get("decision").asText()).isEqualTo("void");
    assertThat(last.get("comment").asText()).isEqualTo("上级已统一发文");

    JsonNode ledger =
        json(http.get("/api/outgoing-documents?q=" + enc(title), "lina", PASSWORD), 200);
    assertThat(ledger).hasSize(1);
    assertThat(ledger.get(0).get("statusLabel").asText()).isEqualTo("已作废");
    String csv =
        new String(
            http.getBytes("/api/outgoing-documents/ledger.csv?q=" + enc(title), "lina", PASSWORD)
                .body(),
            StandardCharsets.UTF_8);
    assertThat(csv).contains(title).contains("已作废");
    JsonNode started = null;
    for (JsonNode entry : json(http.get("/api/worklist?view=started", "zhangwei", PASSWORD), 200)) {
      if (pi.getId().equals(entry.path("processInstanceId").asText())) {
        started = entry;
      }
    }
    assertThat(started).as("我发起的 lists the voided document").isNotNull();
    assertThat(started.get("statusLabel").asText()).isEqualTo("已作废");
    assertThat(started.get("link").isNull()).as("no .docx").isTrue();
  }

  @Test
  void classifiedRequestCarriesCopyNumberSecrecyPeriodAndNotes() throws Exception {
    String title = "关于增加涉密载体柜的请示 " + UUID.randomUUID().toString().substring(0, 6);
    String start = "/engine-rest/process-definition/key/" + PROCESS_KEY + "/start";
    String withoutNotes =
        """
        {"variables": {"title": {"value": "%s"}, "docType": {"value": "请示"}, "mainRecipients": {"value": "市政府"},
         "body": {"value": "拟增加涉密载体柜两台。"}, "secrecy": {"value": "秘密"}, "secrecyPeriod": {"value": "1年"}}}"""
            .formatted(title);
    JsonNode refused = json(http.postJson(start, "zhangwei", PASSWORD, withoutNotes), 400);
    assertThat(refused.get("field").asText()).isEqualTo(NOTES);
    assertThat(refused.get("message").asText()).contains("联系人");
    String badPeriod =
        withoutNotes
            .replace("\"1年\"", "\"一年\"")
            .replace("}}}", "}, \"notes\": {\"value\": \"联系人：李明，电话：12345678\"}}}");
    JsonNode refusedPeriod = json(http.postJson(start, "zhangwei", PASSWORD, badPeriod), 400);
    assertThat(refusedPeriod.get("field").asText()).isEqualTo(SECRECY_PERIOD);
    assertThat(json(http.get("/api/outgoing-documents?q=" + enc(title), "zhangwei", PASSWORD), 200))
        .isEmpty();

    Map<String, Object> vars = draft(title);
    vars.put(DOC_TYPE, "请示");
    vars.put(MAIN_RECIPIENTS, "市政府");
    vars.put(SECRECY, "秘密");
    vars.put(SECRECY_PERIOD, "1年");
    vars.put(NOTES, "联系人：李明，电话：12345678");
    ProcessInstance pi = driver.start("zhangwei", PROCESS_KEY, vars);
    approveUpToLastProof(driver, pi.getId());
    driver.approve("zhenghua", pi.getId(), TASK_PROOF_ATTACHMENTS);

    JsonNode record =
        json(http.get("/api/outgoing-documents/" + pi.getBusinessKey(), "zhangwei", PASSWORD), 200);
    assertThat(record.get("secrecyPeriod").asText()).isEqualTo("1年");
    assertThat(record.get("notes").asText()).isEqualTo("联系人：李明，电话：12345678");
    HttpResponse<byte[]> docx =
        http.getBytes(
            "/api/outgoing-documents/" + pi.getBusinessKey() + "/docx", "zhangwei", PASSWORD);
    assertThat(docx.statusCode()).isEqualTo(200);
    try (XWPFDocument word = new XWPFDocument(new ByteArrayInputStream(docx.body()))) {
      List<String> lines = word.getParagraphs().stream().map(p -> p.getText()).toList();
      // 份号 allocated by the system: the archived copy is copy 000001; then 密级★保密期限
      assertThat(lines).startsWith("000001", "秘密★1年");
      assertThat(lines).contains("（联系人：李明，电话：12345678）");
      assertThat(String.join("\n", lines)).contains("签发人：");
    }
  }

  private static String startBody(String title, String countersignDepts) {
    return """
        {"variables": {"title": {"value": "%s"}, "docType": {"value": "通知"}, "mainRecipients": {"value": "各处室"},
         "body": {"value": "请各处室安排节日值班。"}, "countersignDepts": %s}}"""
        .formatted(title, countersignDepts);
  }

  @Test
  void csvCellsAreQuotedAndNeverFormulas() {
    assertThat(OutgoingDocumentController.cell("a,b")).isEqualTo("\"a,b\"");
    assertThat(OutgoingDocumentController.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    assertThat(OutgoingDocumentController.cell("=SUM(A1)")).isEqualTo("'=SUM(A1)");
    assertThat(OutgoingDocumentController.cell(null)).isEmpty();
  }

  private ProcessInstance issue(String title) {
    ProcessInstance pi = driver.start("zhangwei", PROCESS_KEY, draft(title));
    driver.reject("liuyang", pi.getId(), TASK_DEPT_REVIEW, "请补充值班表");
    Map<String, Object> revised = draft(title);
    revised.put(BODY, "一、值班安排\n值班表见附件。");
    driver.complete("zhangwei", pi.getId(), TASK_REVISE, revised);
    approveUpToLastProof(driver, pi.getId());
    driver.approve("zhenghua", pi.getId(), TASK_PROOF_ATTACHMENTS);
    return pi;
  }

  /** 部门初审, 法务复审, 签发 and the first two 校对 approve; the last 校对 is the caller's. */
  static void approveUpToLastProof(ProcessDriver driver, String processInstanceId) {
    driver.approve("liuyang", processInstanceId, TASK_DEPT_REVIEW);
    driver.approve("zhoujie", processInstanceId, TASK_LEGAL_REVIEW);
    driver.approve("wuqiang", processInstanceId, TASK_LEADER_APPROVAL);
    driver.approve("zhenghua", processInstanceId, TASK_PROOF_FORMAT);
    driver.approve("hexin", processInstanceId, TASK_PROOF_WORDING);
  }

  static Map<String, Object> draft(String title) {
    Map<String, Object> vars = new HashMap<>();
    vars.put(TITLE, title);
    vars.put(DOC_TYPE, "通知");
    vars.put(MAIN_RECIPIENTS, "各处室");
    vars.put(BODY, "一、值班安排\n请各处室安排节日值班。");
    vars.put(ATTACHMENTS, "值班表");
    vars.put(DOC_CODE, "测API");
    return vars;
  }

  static JsonNode json(HttpResponse<String> response, int status) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    return JSON.readTree(response.body());
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
