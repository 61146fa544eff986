package cn.officeflow.platform.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import cn.officeflow.support.Http;
import cn.officeflow.support.HttpTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/** GET /api/calendar/… over HTTP (DESIGN.md §6 contract): answers, 400 naming the field, 401 anonymous. */
@HttpTest
class CalendarControllerTest {

  static final String USER = "zhangwei";
  static final String PASSWORD = "Office@2026";
  static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;

  Http http;

  @BeforeEach
  void setUp() {
    http = new Http(port);
  }

  @ParameterizedTest(name = "{0} + {1} → {2}")
  @CsvSource({
    "2026-09-30, 1, 2026-10-08",
    "2026-09-30, 3, 2026-10-10",
    "2026-02-13, 2, 2026-02-24",
    "2026-10-03, 1, 2026-10-08",
    "2025-12-31, 1, 2026-01-04",
    "2025-09-30, 1, 2025-10-09",
    "2031-01-03, 1, 2031-01-06"
  })
  void addWorkingDays(String from, int days, String expected) throws Exception {
    HttpResponse<String> response =
        http.get("/api/calendar/working-days/add?from=" + from + "&days=" + days, USER, PASSWORD);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElseThrow())
        .contains("application/json");
    JsonNode body = JSON.readTree(response.body());
    assertThat(body.size()).isEqualTo(1);
    assertThat(body.get("date").asText()).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
    "2026-10-01, false",
    "2026-10-08, true",
    "2026-10-10, true",
    "2026-10-11, false",
    "2026-02-14, true",
    "2026-02-23, false",
    "2025-01-26, true",
    "2031-01-01, true"
  })
  void workingDay(String date, boolean expected) throws Exception {
    HttpResponse<String> response =
        http.get("/api/calendar/working-day?date=" + date, USER, PASSWORD);
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = JSON.readTree(response.body());
    assertThat(body.size()).isEqualTo(1);
    assertThat(body.get("workingDay").isBoolean()).isTrue();
    assertThat(body.get("workingDay").asBoolean()).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} → 400 {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "/api/calendar/working-day?date=2026-13-01             | date",
        "/api/calendar/working-day?date=2026-02-30             | date",
        "/api/calendar/working-day?date=20261001               | date",
        "/api/calendar/working-day?date=2026-1-1               | date",
        "/api/calendar/working-day?date=tomorrow               | date",
        "/api/calendar/working-day?date=                       | date",
        "/api/calendar/working-day                             | date",
        "/api/calendar/working-days/add?from=2026-9-30&days=1  | from",
        "/api/calendar/working-days/add?from=2026-09-31&days=1 | from",
        "/api/calendar/working-days/add?days=1                 | from",
        "/api/calendar/working-days/add?from=2026-09-30        | days",
        "/api/calendar/working-days/add?from=2026-09-30&days=  | days",
        "/api/calendar/working-days/add?from=2026-09-30&days=0 | days",
        "/api/calendar/working-days/add?from=2026-09-30&days=-3 | days",
        "/api/calendar/working-days/add?from=2026-09-30&days=3651 | days",
        "/api/calendar/working-days/add?from=2026-09-30&days=99999999999 | days",
        "/api/calendar/working-days/add?from=2026-09-30&days=1.5 | days",
        "/api/calendar/working-days/add?from=2026-09-30&days=three | days"
      })
  void badInputIs400NamingTheField(String path, String field) throws Exception {
    HttpResponse<String> response = http.get(path, USER, PASSWORD);
    assertThat(response.statusCode()).isEqualTo(400);
    JsonNode body = JSON.readTree(response.body());
    assertThat(body.get("type").asText()).isEqualTo("ValidationException");
    assertThat(body.get("field").asText()).isEqualTo(field);
    // the sentence alone for people; the key is in "field" for programs
    assertThat(body.get("message").asText())
        .doesNotStartWith("字段")
        .doesNotContain(field + "：")
        .isNotBlank();
  }

  @Test
  void largestNumberOfDaysIsAccepted() throws Exception {
    HttpResponse<String> response =
        http.get("/api/calendar/working-days/add?from=2026-01-01&days=3650", USER, PASSWORD);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(response.body()).get("date").asText()).startsWith("20");
  }

  @Test
  void anonymousAndWrongPasswordGet401() {
    for (String path :
        new String[] {
          "/api/calendar/working-day?date=2026-10-01",
          "/api/calendar/working-days/add?from=2026-09-30&days=1"
        }) {
      HttpResponse<String> anonymous = http.get(path, null, null);
      assertThat(anonymous.statusCode()).as(path).isEqualTo(401);
      assertThat(anonymous.body()).doesNotContain("workingDay").doesNotContain("\"date\"");
    }
    assertThat(
            http.get(
                    "/api/calendar/working-day?date=2026-10-01", "no-such-user", "wrong-Password1!")
                .statusCode())
        .isEqualTo(401);
  }
}
