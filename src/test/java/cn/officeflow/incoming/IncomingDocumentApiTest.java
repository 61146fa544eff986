package cn.officeflow.incoming;

import static org.assertj.core.api.Assertions.assertThat;

import cn.officeflow.platform.archive.ArchiveChain;
import cn.officeflow.support.DemoUsers;
import cn.officeflow.support.Http;
import cn.officeflow.support.HttpTest;
import cn.officeflow.support.ProcessDriver;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 收文 over HTTP as the clerk, the office, an auditor and outsiders meet it: 登记 through /engine-rest (400
 * naming the field, nothing stored), files uploaded as multipart and downloaded byte for byte with their SHA-256,
 * the Tasklist tab's by-task view, the 登记簿 and its CSV, the duplicate check, the 处理笺, visibility (404).
 */
@HttpTest
class IncomingDocumentApiTest {

  static final String PASSWORD = DemoUsers.PASSWORD;
  static final String CLERK = "lina";
  static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired TaskService tasks;
  @Autowired JdbcClient jdbc;

  Http http;
  ProcessDriver driver;

  @BeforeEach
  void setUp() {
    http = new Http(port);
    driver = new ProcessDriver(engine);
  }

  @Test
  void registerUploadDownloadAndSendOnThroughRest() throws Exception {
    int before = count();
    HttpResponse<String> refused = start(Map.of("senderOrg", "市水务局", "pages", 2));
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("title");
    assertThat(count()).isEqualTo(before);
    // only office clerks start 收文
    assertThat(
            http.postJson(
                    "/engine-rest/process-definition/key/incoming_document/start",
                    "zhangwei",
                    PASSWORD,
                    body(Map.of("title", "越权登记", "senderOrg", "某单位", "pages", 1)))
                .statusCode())
        .isEqualTo(403);

    String id = register("关于做好汛期安全工作的通知 <script>alert(1)</script>", "市水务局", "市水发〔2026〕9号");
    byte[] scan = "%PDF-1.7 汛期通知扫描件".getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> uploaded =
        http.postMultipart(
            "/api/incoming-documents/" + id + "/attachments",
            CLERK,
            PASSWORD,
            List.of(
                new Http.Part("file", "汛期通知.pdf", "application/pdf", scan),
                new Http.Part(
                    "file", "附表.docx", "application/octet-stream", new byte[] {9, 8, 7})));
    assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
    JsonNode files = JSON.readTree(uploaded.body());
    assertThat(files).hasSize(2);
    assertThat(files.get(0).get("fileName").asText()).isEqualTo("汛期通知.pdf");
    assertThat(files.get(0).get("sha256").asText()).isEqualTo(ArchiveChain.sha256(scan));
    String fileId = files.get(0).get("id").asText();

    // no file part, a stranger, an empty file: refused
    HttpResponse<String> none =
        http.postMultipart(
            "/api/incoming-documents/" + id + "/attachments", CLERK, PASSWORD, List.of());
    assertThat(none.statusCode()).isEqualTo(400);
    assertThat(
            http.postMultipart(
                    "/api/incoming-documents/" + id + "/attachments",
                    "zhoujie",
                    PASSWORD,
                    List.of(new Http.Part("file", "x.pdf", "application/pdf", scan)))
                .statusCode())
        .isEqualTo(404);
    HttpResponse<String> empty =
        http.postMultipart(
            "/api/incoming-documents/" + id + "/attachments",
            CLERK,
            PASSWORD,
            List.of(new Http.Part("file", "空.pdf", "application/pdf", new byte[0])));
    assertThat(empty.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(empty.body()).get("field").asText()).isEqualTo("file");
    HttpResponse<String> huge =
        http.postMultipart(
            "/api/incoming-documents/" + id + "/attachments",
            CLERK,
            PASSWORD,
            List.of(new Http.Part("file", "大.pdf", "application/pdf", new byte[21 * 1024 * 1024])));
    assertThat(huge.statusCode()).isEqualTo(413);
    assertThat(huge.body()).contains("20 MB");

    HttpResponse<byte[]> download =
        http.getBytes(
            "/api/incoming-documents/" + id + "/attachments/" + fileId, "qianyu", PASSWORD);
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.body()).isEqualTo(scan);
    assertThat(download.headers().firstValue("X-Content-SHA256"))
        .hasValue(ArchiveChain.sha256(scan));
    assertThat(download.headers().firstValue("Content-Disposition").orElseThrow())
        .contains("filename*=UTF-8''");

    // the auditors' view of the case lists the scan with its SHA-256 (收文 keeps it in its own table)
    String instanceId =
        engine
            .getHistoryService()
            .createHistoricProcessInstanceQuery()
            .processInstanceBusinessKey(id)
            .singleResult()
            .getId();
    HttpResponse<String> audited =
        http.get("/api/audit/process-instances/" + instanceId, "qianyu", PASSWORD);
    assertThat(audited.statusCode()).as(audited.body()).isEqualTo(200);
    JsonNode auditedFiles = JSON.readTree(audited.body()).get("files");
    assertThat(auditedFiles.findValuesAsText("sha256")).contains(ArchiveChain.sha256(scan));
    assertThat(auditedFiles.findValuesAsText("uploadedByName")).contains("李娜");

    // the Tasklist tab reads the 收文 of a task
    Task scanTask = tasks.createTaskQuery().processInstanceBusinessKey(id).singleResult();
    JsonNode view =
        json(http.get("/api/incoming-documents/by-task/" + scanTask.getId(), CLERK, PASSWORD), 200);
    assertThat(view.get("id").asText()).isEqualTo(id);
    assertThat(view.get("canUpload").asBoolean()).isTrue();
    assertThat(view.get("attachments")).hasSize(2);
    assertThat(view.get("statusLabel").asText()).isEqualTo("已登记");
    assertThat(
            http.get("/api/incoming-documents/by-task/" + scanTask.getId(), "zhoujie", PASSWORD)
                .statusCode())
        .isEqualTo(404);

    // a file removed, then 送拟办 through the engine's REST; afterwards the files are fixed
    String second = files.get(1).get("id").asText();
    assertThat(
            http.send(
                    http.request(
                            "/api/incoming-documents/" + id + "/attachments/" + second,
                            CLERK,
                            PASSWORD)
                        .DELETE()
                        .build())
                .statusCode())
        .isEqualTo(204);
    assertThat(
            http.postJson(
                    "/engine-rest/task/" + scanTask.getId() + "/complete", CLERK, PASSWORD, "{}")
                .statusCode())
        .isEqualTo(204);
    HttpResponse<String> late =
        http.postMultipart(
            "/api/incoming-documents/" + id + "/attachments",
            CLERK,
            PASSWORD,
            List.of(new Http.Part("file", "补.pdf", "application/pdf", scan)));
    assertThat(late.statusCode()).isEqualTo(400);
    assertThat(late.body()).contains("已送拟办");
    view = json(http.get("/api/incoming-documents/" + id, "zhaomin", PASSWORD), 200);
    assertThat(view.get("status").asText()).isEqualTo("PROPOSING");
    assertThat(view.get("canUpload").asBoolean()).isFalse();
    assertThat(view.get("attachments")).hasSize(1);
    assertThat(view.get("receiptNumber").asText()).matches("收文〔\\d{4}〕\\d+号");

    // the 处理笺 escapes user text and runs no scripts
    HttpResponse<String> slip =
        http.get("/api/incoming-documents/" + id + "/slip", "zhaomin", PASSWORD);
    assertThat(slip.statusCode()).isEqualTo(200);
    assertThat(slip.body())
        .contains("收文处理笺", "&lt;script&gt;", ArchiveChain.sha256(scan))
        .doesNotContain("<script>");
    assertThat(slip.headers().firstValue("Content-Security-Policy").orElseThrow())
        .contains("default-src 'none'");
  }

  @Test
  void uploadedFileNamesAreCleanedOrRefusedNamingTheField() throws Exception {
    String id = register("关于文件名的测试通知", "市档案局", "市档发〔2026〕3号");
    String path = "/api/incoming-documents/" + id + "/attachments";
    byte[] content = "%PDF-1.7 x".getBytes(StandardCharsets.UTF_8);
    JsonNode stored =
        json(
            http.postMultipart(
                path,
                CLERK,
                PASSWORD,
                List.of(
                    new Http.Part("file", "..\\..\\windows\\扫描件.pdf", "application/pdf", content),
                    new Http.Part("file", "/etc/cron.d/附表.pdf", "application/pdf", content),
                    new Http.Part(
                        "file", "报\u0001告\u0007\u007f\u202e.pdf", "application/pdf", content),
                    // 200 characters, 600 bytes of UTF-8 in the part header
                    new Http.Part("file", "名".repeat(196) + ".pdf", "application/pdf", content))),
            201);
    assertThat(stored.findValuesAsText("fileName"))
        .containsExactly("扫描件.pdf", "附表.pdf", "报告.pdf", "名".repeat(196) + ".pdf");

    // nothing left, too long (not "too large"), NUL (Tomcat refuses to parse it: 400, not 500)
    for (String bad :
        List.of(
            "目录/",
            "\u0001\u0002",
            "名".repeat(201) + ".pdf",
            "a".repeat(300) + ".pdf",
            "名".repeat(2000) + ".pdf",
            "报\u0000告.pdf")) {
      HttpResponse<String> refused =
          http.postMultipart(
              path,
              CLERK,
              PASSWORD,
              List.of(new Http.Part("file", bad, "application/pdf", content)));
      assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
      JsonNode error = JSON.readTree(refused.body());
      assertThat(error.get("field").asText()).isEqualTo("file");
      assertThat(error.get("message").asText()).contains("文件名").doesNotContain("文件过大");
    }
    assertThat(
            JSON.readTree(http.get("/api/incoming-documents/" + id, CLERK, PASSWORD).body())
                .get("attachments"))
        .hasSize(4);
  }

  @Test
  void registerListCsvDuplicatesAndVisibility() throws Exception {
    String id = register("关于报送年度统计数据的通知", "市统计局", "市统字〔2026〕3号");
    // the same 来文 again: 400 naming senderNumber, with the earlier 收文编号
    HttpResponse<String> again = start(letter("关于报送年度统计数据的通知", "市统计局", "市统字〔2026〕3号"));
    assertThat(again.statusCode()).isEqualTo(400);
    assertThat(again.body()).contains("senderNumber", "确认重复登记");

    JsonNode duplicates =
        json(
            http.get(
                "/api/incoming-documents/duplicates?senderOrg="
                    + enc("市统计局")
                    + "&senderNumber="
                    + enc("市统字〔2026〕3号"),
                CLERK,
                PASSWORD),
            200);
    assertThat(duplicates).hasSize(1);
    assertThat(duplicates.get(0).get("id").asText()).isEqualTo(id);
    assertThat(
            http.get("/api/incoming-documents/duplicates?senderOrg=" + enc("市统计局"), CLERK, PASSWORD)
                .statusCode())
        .isEqualTo(400);
    assertThat(
            http.get(
                    "/api/incoming-documents/duplicates?senderOrg=a&senderNumber=b",
                    "zhangwei",
                    PASSWORD)
                .statusCode())
        .isEqualTo(403);

    int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
    JsonNode register =
        json(
            http.get("/api/incoming-documents?year=" + year + "&q=" + enc("统计"), CLERK, PASSWORD),
            200);
    assertThat(register.findValuesAsText("id")).contains(id);
    assertThat(json(http.get("/api/incoming-documents?q=" + enc("统计"), "zhoujie", PASSWORD), 200))
        .isEmpty();
    assertThat(http.get("/api/incoming-documents?year=1999", CLERK, PASSWORD).statusCode())
        .isEqualTo(400);
    assertThat(http.get("/api/incoming-documents/" + id, "zhoujie", PASSWORD).statusCode())
        .isEqualTo(404);
    assertThat(http.get("/api/incoming-documents/" + id, "qianyu", PASSWORD).statusCode())
        .isEqualTo(200);
    assertThat(http.get("/api/incoming-documents/" + id, null, null).statusCode()).isEqualTo(401);

    HttpResponse<byte[]> csv =
        http.getBytes("/api/incoming-documents/register.csv?q=" + enc("统计"), CLERK, PASSWORD);
    assertThat(csv.statusCode()).isEqualTo(200);
    String text = new String(csv.body(), StandardCharsets.UTF_8);
    assertThat(text).startsWith("\uFEFF收文编号,收文日期,来文单位").contains("市统计局", "市统字〔2026〕3号");
  }

  @Test
  void peopleOfTheSupervisionReadTheIncomingDocumentAndItsFiles() throws Exception {
    String id = register("关于报送防汛物资清单的通知", "市防汛办", "市汛发〔2026〕" + System.nanoTime() % 100000 + "号");
    byte[] scan = "%PDF-1.4 防汛".getBytes(StandardCharsets.UTF_8);
    JsonNode files =
        JSON.readTree(
            http.postMultipart(
                    "/api/incoming-documents/" + id + "/attachments",
                    CLERK,
                    PASSWORD,
                    List.of(new Http.Part("file", "防汛.pdf", "application/pdf", scan)))
                .body());
    String fileId = files.get(0).get("id").asText();
    String pi =
        tasks
            .createTaskQuery()
            .processInstanceBusinessKey(id)
            .singleResult()
            .getProcessInstanceId();
    driver.complete(CLERK, pi, IncomingDocumentVariables.TASK_SCAN, Map.of());
    driver.complete(
        "zhaomin",
        pi,
        IncomingDocumentVariables.TASK_PROPOSE,
        Map.of("handling", "办理", "leadDepartment", "dept-business", "proposal", "拟请业务处办理"));
    driver.complete(
        "wuqiang", pi, IncomingDocumentVariables.TASK_INSTRUCT, Map.of("instruction", "同意"));

    // the 主办部门负责人's 交办 task is a task of the 督办, not of the 收文: the Tasklist tab still finds the 收文
    Task assign =
        tasks
            .createTaskQuery()
            .processDefinitionKey("supervision")
            .or()
            .taskCandidateUser("liuyang")
            .taskAssignee("liuyang")
            .endOr()
            .list()
            .stream()
            .filter(t -> id.equals(tasks.getVariable(t.getId(), "incomingDocumentId")))
            .findFirst()
            .orElseThrow();
    JsonNode view =
        json(
            http.get("/api/incoming-documents/by-task/" + assign.getId(), "liuyang", PASSWORD),
            200);
    assertThat(view.get("id").asText()).isEqualTo(id);
    assertThat(view.get("supervision").get("light").asText()).isEqualTo("green");
    assertThat(
            http.getBytes(
                    "/api/incoming-documents/" + id + "/attachments/" + fileId, "liuyang", PASSWORD)
                .body())
        .isEqualTo(scan);
    // the handler, once assigned, reads it too; someone outside does not
    driver.complete(
        "liuyang", assign.getProcessInstanceId(), "Task_Assign", Map.of("handler", "zhangwei"));
    assertThat(http.get("/api/incoming-documents/" + id, "zhangwei", PASSWORD).statusCode())
        .isEqualTo(200);
    assertThat(http.get("/api/incoming-documents/" + id, "zhoujie", PASSWORD).statusCode())
        .isEqualTo(404);
  }

  // --- helpers

  String register(String title, String sender, String number) throws Exception {
    HttpResponse<String> started = start(letter(title, sender, number));
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    return JSON.readTree(started.body()).get("businessKey").asText();
  }

  HttpResponse<String> start(Map<String, Object> variables) throws Exception {
    return http.postJson(
        "/engine-rest/process-definition/key/incoming_document/start",
        CLERK,
        PASSWORD,
        body(variables));
  }

  static Map<String, Object> letter(String title, String sender, String number) {
    return Map.of(
        "title",
        title,
        "senderOrg",
        sender,
        "senderNumber",
        number,
        "urgency",
        "加急",
        "secrecy",
        "内部",
        "pages",
        3);
  }

  static String body(Map<String, Object> variables) throws Exception {
    StringBuilder json = new StringBuilder("{\"variables\":{");
    variables.forEach(
        (name, value) -> {
          if (json.charAt(json.length() - 1) != '{') {
            json.append(',');
          }
          try {
            json.append(JSON.writeValueAsString(name))
                .append(":{\"value\":")
                .append(JSON.writeValueAsString(value))
                .append('}');
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
    return json.append("}}").toString();
  }

  static JsonNode json(HttpResponse<String> response, int status) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    return JSON.readTree(response.body());
  }

  static String enc(String text) {
    return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  int count() {
    return jdbc.sql("select count(*) from of_incoming_document").query(Integer.class).single();
  }
}
