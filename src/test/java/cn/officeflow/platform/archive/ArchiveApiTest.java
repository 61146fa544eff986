package cn.officeflow.platform.archive;

import static cn.officeflow.platform.archive.ArchiveTestData.entry;
import static org.assertj.core.api.Assertions.assertThat;

import cn.officeflow.support.DemoUsers;
import cn.officeflow.support.Http;
import cn.officeflow.support.HttpTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** /api/archive over HTTP: the verify contract, listing by 年度-部门-密级, files, filing, roles, 400/401/403. */
@HttpTest
class ArchiveApiTest {

  static final String PASSWORD = DemoUsers.PASSWORD;
  static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired ArchiveService archive;
  @Autowired JdbcClient jdbc;

  Http http;

  @BeforeEach
  void setUp() {
    http = new Http(port);
  }

  @Test
  void verifyAnswersTheContractForTheArchiveRoles() throws Exception {
    archive.archive(entry("核验"));
    for (String user : List.of("lina", "zhaomin", "qianyu")) {
      JsonNode body = json(http.get("/api/archive/verify", user, PASSWORD), 200);
      assertThat(body.size()).as(user).isEqualTo(1);
      assertThat(body.get("intact").asBoolean()).isTrue();
    }
    assertThat(http.get("/api/archive/verify", "admin", "Guanli@2026").statusCode()).isEqualTo(200);
  }

  @Test
  void headCanBeKeptOffSiteAndVerifiedAgainst() throws Exception {
    ArchiveEntry a = archive.archive(entry("链头接口"));
    JsonNode head = json(http.get("/api/archive/head", "qianyu", PASSWORD), 200);
    assertThat(head.get("seq").asInt()).isEqualTo(a.seq());
    assertThat(head.get("hash").asText()).isEqualTo(a.entryHash());
    String query = "/api/archive/verify?headSeq=" + a.seq() + "&headHash=" + a.entryHash();
    assertThat(json(http.get(query, "qianyu", PASSWORD), 200).get("intact").asBoolean()).isTrue();
    JsonNode other =
        json(
            http.get(
                "/api/archive/verify?headSeq=" + a.seq() + "&headHash=" + "b".repeat(64),
                "qianyu",
                PASSWORD),
            200);
    assertThat(other.get("intact").asBoolean()).isFalse();
    assertThat(other.get("firstBroken").get("reason").asText()).isEqualTo("HEAD_MISMATCH");
    assertThat(http.get("/api/archive/verify?headSeq=" + a.seq(), "qianyu", PASSWORD).body())
        .contains("headHash");
    assertThat(http.get("/api/archive/verify?headHash=" + a.entryHash(), "qianyu", PASSWORD).body())
        .contains("headSeq");
    assertThat(http.get("/api/archive/head", "zhangwei", PASSWORD).statusCode()).isEqualTo(403);
  }

  @Test
  void tamperingIsReportedOverHttp() throws Exception {
    ArchiveEntry a = archive.archive(entry("接口篡改"));
    jdbc.sql("update of_archive_entry set document_number = '伪〔2026〕1号' where id = :id")
        .param("id", a.id())
        .update();
    try {
      JsonNode body = json(http.get("/api/archive/verify", "qianyu", PASSWORD), 200);
      assertThat(body.get("intact").asBoolean()).isFalse();
      JsonNode first = body.get("firstBroken");
      assertThat(first.get("id").asText()).isEqualTo(a.id());
      assertThat(first.get("seq").asInt()).isEqualTo(a.seq());
      assertThat(first.get("reason").asText()).isEqualTo("CONTENT_CHANGED");
      assertThat(first.get("message").asText()).contains("内容已被修改");
    } finally {
      jdbc.sql("update of_archive_entry set document_number = null where id = :id")
          .param("id", a.id())
          .update();
    }
    assertThat(
            json(http.get("/api/archive/verify", "qianyu", PASSWORD), 200)
                .get("intact")
                .asBoolean())
        .isTrue();
  }

  @Test
  void anonymousGets401AndOtherRolesGet403() throws Exception {
    ArchiveEntry a = archive.archive(entry("权限"));
    for (String path :
        List.of(
            "/api/archive/verify",
            "/api/archive/entries",
            "/api/archive/entries/" + a.id(),
            "/api/archive/entries/" + a.id() + "/file")) {
      assertThat(http.get(path, null, null).statusCode()).as(path).isEqualTo(401);
      HttpResponse<String> staff = http.get(path, "zhangwei", PASSWORD);
      assertThat(json(staff, 403).get("type").asText())
          .as(path)
          .isEqualTo("AuthorizationException");
      assertThat(http.get(path, "wuqiang", PASSWORD).statusCode()).as(path).isEqualTo(403);
    }
    assertThat(
            put(
                    "/api/archive/entries/" + a.id() + "/location",
                    null,
                    "{\"box\":\"1\",\"shelf\":\"A\"}")
                .statusCode())
        .isEqualTo(401);
    HttpResponse<String> director =
        put(
            "/api/archive/entries/" + a.id() + "/location",
            "zhaomin",
            "{\"box\":\"1\",\"shelf\":\"A\"}");
    assertThat(json(director, 403).get("type").asText()).isEqualTo("AuthorizationException");
    assertThat(archive.events(a.id())).isEmpty();
  }

  @Test
  void entriesAreListedByClassificationAndStatus() throws Exception {
    String dept = ArchiveTestData.department();
    ArchiveEntry secret = archive.archive(ArchiveTestData.entry(dept, "机密件", "测〔2026〕9号", "机密"));
    ArchiveEntry internal = archive.archive(ArchiveTestData.entry(dept, "内部件", null, "内部"));
    archive.markDestroyed(List.of(internal.id()), "destruction-api", LocalDate.now(), "焚烧", "lina");

    JsonNode all =
        json(http.get("/api/archive/entries?year=2026&department=" + dept, "lina", PASSWORD), 200);
    assertThat(all).hasSize(2);
    assertThat(all.get(0).get("id").asText()).as("newest first").isEqualTo(internal.id());
    JsonNode secretOnly =
        json(
            http.get(
                "/api/archive/entries?department=" + dept + "&secrecy=" + enc("机密"),
                "zhaomin",
                PASSWORD),
            200);
    assertThat(secretOnly).hasSize(1);
    JsonNode s = secretOnly.get(0);
    assertThat(s.get("classification").asText()).isEqualTo("2026-测试处-机密");
    assertThat(s.get("documentNumber").asText()).isEqualTo("测〔2026〕9号");
    assertThat(s.get("fileSha256").asText()).isEqualTo(secret.fileSha256());
    assertThat(s.get("status").asText()).isEqualTo("ARCHIVED");
    assertThat(s.has("fileContent")).isFalse();
    JsonNode destroyed =
        json(
            http.get(
                "/api/archive/entries?department=" + dept + "&status=DESTROYED",
                "qianyu",
                PASSWORD),
            200);
    assertThat(destroyed).hasSize(1);
    assertThat(destroyed.get(0).get("statusLabel").asText()).isEqualTo("已销毁");
    assertThat(
            json(
                http.get("/api/archive/entries?year=2025&department=" + dept, "lina", PASSWORD),
                200))
        .isEmpty();
  }

  @Test
  void badFiltersAre400NamingTheField() throws Exception {
    assertThat(
            json(http.get("/api/archive/entries?secrecy=" + enc("绝密"), "lina", PASSWORD), 400)
                .get("field")
                .asText())
        .isEqualTo("secrecy");
    assertThat(
            json(http.get("/api/archive/entries?status=LOST", "lina", PASSWORD), 400)
                .get("field")
                .asText())
        .isEqualTo("status");
    assertThat(
            json(http.get("/api/archive/entries?year=1800", "lina", PASSWORD), 400)
                .get("field")
                .asText())
        .isEqualTo("year");
    assertThat(
            json(http.get("/api/archive/entries?year=abc", "lina", PASSWORD), 400)
                .get("message")
                .asText())
        .contains("year");
  }

  @Test
  void entryDetailAndFileDownload() throws Exception {
    ArchiveEntry a = archive.archive(entry("下载"));
    JsonNode detail = json(http.get("/api/archive/entries/" + a.id(), "qianyu", PASSWORD), 200);
    assertThat(detail.get("entry").get("title").asText()).isEqualTo("下载");
    assertThat(detail.get("entry").get("entryHash").asText()).isEqualTo(a.entryHash());
    assertThat(detail.get("events")).isEmpty();

    HttpResponse<byte[]> file =
        http.getBytes("/api/archive/entries/" + a.id() + "/file", "lina", PASSWORD);
    assertThat(file.statusCode()).isEqualTo(200);
    assertThat(file.body()).isEqualTo(archive.content(a.id()));
    assertThat(file.headers().firstValue("Content-Type").orElseThrow())
        .contains("wordprocessingml");
    assertThat(file.headers().firstValue("Content-Disposition").orElseThrow())
        .contains("filename*=UTF-8''");

    assertThat(
            json(http.get("/api/archive/entries/no-such-entry", "lina", PASSWORD), 404)
                .get("type")
                .asText())
        .isEqualTo("NotFoundException");
    assertThat(http.get("/api/archive/entries/no-such-entry/file", "lina", PASSWORD).statusCode())
        .isEqualTo(404);

    archive.markDestroyed(List.of(a.id()), "destruction-file", LocalDate.now(), "碎纸", "lina");
    HttpResponse<String> gone =
        http.get("/api/archive/entries/" + a.id() + "/file", "lina", PASSWORD);
    assertThat(json(gone, 410).get("message").asText()).contains("销毁");
    assertThat(
            json(http.get("/api/archive/entries/" + a.id(), "lina", PASSWORD), 200)
                .get("events")
                .get(0)
                .get("type")
                .asText())
        .isEqualTo("DESTROYED");
  }

  @Test
  void clerksFileThePaperCopyAndBadLocationsAre400() throws Exception {
    ArchiveEntry a = archive.archive(entry("入盒上架"));
    String path = "/api/archive/entries/" + a.id() + "/location";
    JsonNode filed =
        json(put(path, "lina", "{\"box\": \"2026-办-017\", \"shelf\": \"A-03-2\"}"), 200);
    assertThat(filed.get("box").asText()).isEqualTo("2026-办-017");
    assertThat(filed.get("shelf").asText()).isEqualTo("A-03-2");
    assertThat(archive.entry(a.id()).box()).isEqualTo("2026-办-017");
    assertThat(archive.events(a.id()))
        .singleElement()
        .satisfies(e -> assertThat(e.actor()).isEqualTo("lina"));

    assertThat(json(put(path, "lina", "{\"box\": \"2026-办-018\"}"), 400).get("field").asText())
        .isEqualTo("shelf");
    assertThat(
            json(put(path, "lina", "{\"box\": \"\", \"shelf\": \"A\"}"), 400).get("field").asText())
        .isEqualTo("box");
    assertThat(
            json(put(path, "lina", "{\"box\": \"" + "盒".repeat(51) + "\", \"shelf\": \"A\"}"), 400)
                .get("field")
                .asText())
        .isEqualTo("box");
    JsonNode notText = json(put(path, "lina", "{\"box\": 17, \"shelf\": \"A\"}"), 400);
    assertThat(notText.get("field").asText()).isEqualTo("box");
    assertThat(notText.get("message").asText()).isEqualTo("盒号必须是文本");
    assertThat(
            json(
                    put(
                        "/api/archive/entries/no-such-entry/location",
                        "lina",
                        "{\"box\": \"1\", \"shelf\": \"A\"}"),
                    404)
                .get("type")
                .asText())
        .isEqualTo("NotFoundException");
    assertThat(archive.events(a.id())).hasSize(1);
    assertThat(archive.entry(a.id()).box()).isEqualTo("2026-办-017");
    assertThat(
            json(http.get("/api/archive/verify", "lina", PASSWORD), 200).get("intact").asBoolean())
        .isTrue();
  }

  @Test
  void destructionStartOverCamundaRestIs400NamingTheFieldOr403ForOthers() throws Exception {
    ArchiveEntry a = archive.archive(entry("REST 申请"));
    String start = "/engine-rest/process-definition/key/document_destruction/start";
    String noReason =
        "{\"variables\": {\"entries\": {\"value\": \""
            + a.id()
            + "\"},"
            + " \"method\": {\"value\": \"碎纸\"}}}";
    HttpResponse<String> bad = http.postJson(start, "lina", PASSWORD, noReason);
    assertThat(bad.statusCode()).as(bad.body()).isEqualTo(400);
    assertThat(bad.body()).contains("\"field\":\"reason\"").doesNotContain("Cannot instantiate");
    String valid =
        "{\"variables\": {\"entries\": {\"value\": \""
            + a.id()
            + "\"},"
            + " \"reason\": {\"value\": \"期满\"}, \"method\": {\"value\": \"碎纸\"}}}";
    assertThat(http.postJson(start, "zhangwei", PASSWORD, valid).statusCode()).isIn(403, 404);
    HttpResponse<String> ok = http.postJson(start, "lina", PASSWORD, valid);
    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
    assertThat(JSON.readTree(ok.body()).get("businessKey").asText()).isNotBlank();
  }

  private HttpResponse<String> put(String path, String user, String json) {
    HttpRequest request =
        http.request(path, user, PASSWORD)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
            .build();
    return http.send(request);
  }

  private static JsonNode json(HttpResponse<String> response, int status) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    return JSON.readTree(response.body());
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
