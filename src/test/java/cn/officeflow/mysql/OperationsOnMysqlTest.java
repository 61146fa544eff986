package cn.officeflow.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import cn.officeflow.platform.calendar.WorkingDayCalendar;
import cn.officeflow.support.TestClock;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;

/**
 * Item 4 of issue 15 on MariaDB/MySQL: a year of 法定节假日 stored, versioned and read back (V23 tables, datetime
 * and longtext round trip, SELECT … FOR UPDATE), and the management port's health with the job backlog query
 * on ACT_RU_JOB. The calendar rows are removed afterwards: the database is shared with the other tests.
 */
class OperationsOnMysqlTest extends MysqlSpringTestBase {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  /** Test data, not the State Council's notice. */
  private static final String YEAR_2027 =
      """
      {"holidays": [{"name": "元旦（测试数据）𠀀", "from": "2027-01-01", "to": "2027-01-03"}],
       "workdays": ["2027-02-20"]}""";

  @LocalManagementPort int managementPort;
  @Autowired WorkingDayCalendar calendar;

  @BeforeEach
  @AfterEach
  void clean() {
    TestClock.reset();
    jdbc.sql("delete from of_calendar_year_history where calendar_year = 2027").update();
    jdbc.sql("delete from of_calendar_year where calendar_year = 2027").update();
    calendar.refresh();
  }

  @Test
  void aYearIsStoredVersionedAndOverridesTheCalendar() throws Exception {
    TestClock.set("2026-12-04T10:00:00");
    assertThat(calendar.isWorkingDay(LocalDate.parse("2027-01-01"))).isTrue();
    HttpResponse<String> first = put("/api/calendar/years/2027", "zhaomin", YEAR_2027);
    assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
    assertThat(JSON.readTree(first.body()).get("version").asInt()).isEqualTo(1);
    assertThat(put("/api/calendar/years/2027", "zhaomin", YEAR_2027).statusCode()).isEqualTo(200);
    assertThat(put("/api/calendar/years/2027", "lina", YEAR_2027).statusCode()).isEqualTo(403);

    assertThat(calendar.isWorkingDay(LocalDate.parse("2027-01-01"))).isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.parse("2027-02-20"))).isTrue();
    JsonNode history =
        getJson("/api/calendar/years/2027/history", "zhaomin", TestDatabase.DEMO_PASSWORD);
    assertThat(history).hasSize(2);
    assertThat(history.get(0).at("/content/holidays/0/name").asText()).isEqualTo("元旦（测试数据）𠀀");
    assertThat(history.get(0).get("changedAt").asText()).startsWith("2026-12-04T10:00");
    JsonNode years = getJson("/api/calendar/years", "zhangwei", TestDatabase.DEMO_PASSWORD);
    assertThat(years.findValuesAsText("kind")).contains("DATABASE", "FILE");
  }

  @Test
  void readinessAndTheJobBacklogAnswerOnTheManagementPort() throws Exception {
    HttpResponse<String> readiness = management("/actuator/health/readiness");
    assertThat(readiness.statusCode()).as(readiness.body()).isEqualTo(200);
    JsonNode ready = JSON.readTree(readiness.body());
    assertThat(ready.at("/components/db/status").asText()).isEqualTo("UP");
    assertThat(ready.at("/components/jobExecutor/status").asText()).isEqualTo("UP");
    JsonNode health = JSON.readTree(management("/actuator/health").body());
    assertThat(health.at("/components/jobBacklog/details/waiting").isNumber())
        .as(health.toString())
        .isTrue();
    assertThat(
            HTTP.send(
                    HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                        .build(),
                    HttpResponse.BodyHandlers.ofString())
                .statusCode())
        .isEqualTo(404);
  }

  private HttpResponse<String> management(String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> put(String path, String user, String body) throws Exception {
    String credentials =
        Base64.getEncoder()
            .encodeToString(
                (user + ":" + TestDatabase.DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8));
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Authorization", "Basic " + credentials)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
