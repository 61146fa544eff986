package cn.officeflow.platform.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import cn.officeflow.platform.audit.AuditEvent;
import cn.officeflow.platform.audit.AuditEventType;
import cn.officeflow.platform.audit.AuditLog;
import cn.officeflow.support.DemoUsers;
import cn.officeflow.support.Http;
import cn.officeflow.support.HttpTest;
import cn.officeflow.support.TestClock;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 法定节假日 loaded without a release: PUT /api/calendar/years/{year} by 办公室主任 only, stored in the database
 * over the shipped file, versioned and audited; validation; a second node's cache; the December warning. The
 * holidays below are test data for the year 2027 (whose official schedule is not shipped), not the State
 * Council's notice. Time comes from the engine clock (2026-12-04, the day this was written).
 */
@HttpTest
@ExtendWith(OutputCaptureExtension.class)
class CalendarYearsApiTest {

  static final String PASSWORD = DemoUsers.PASSWORD;
  static final String DIRECTOR = "zhaomin";
  static final ObjectMapper JSON = new ObjectMapper();

  /** Test data: a 元旦 of three days and one 调休 Saturday, plus a spring holiday. */
  static final String YEAR_2027 =
      """
      {"holidays": [
         {"name": "元旦（测试数据）", "from": "2027-01-01", "to": "2027-01-03"},
         {"name": "春节（测试数据）", "from": "2027-02-06", "to": "2027-02-12"}],
       "workdays": ["2027-02-20"]}""";

  @LocalServerPort int port;
  @Autowired WorkingDayCalendar calendar;
  @Autowired CalendarYearRepository repository;
  @Autowired CalendarYearWarning warning;
  @Autowired AuditLog audit;
  @Autowired JdbcClient jdbc;

  Http http;

  @BeforeEach
  void setUp() {
    http = new Http(port);
    TestClock.set("2026-12-04T10:00:00");
    jdbc.sql("delete from of_calendar_year_history").update();
    jdbc.sql("delete from of_calendar_year").update();
    calendar.refresh();
  }

  @AfterEach
  void resetClock() {
    TestClock.reset();
  }

  @Test
  void theDirectorLoadsNextYearAndDeadlinesAcrossNewYearSkipItsHolidays() throws Exception {
    // without 2027: 31 December + 1 working day is 元旦 itself
    assertThat(add("2026-12-31", 1)).isEqualTo("2027-01-01");
    JsonNode status = json(http.get("/api/calendar/status", "qianyu", PASSWORD), 200);
    assertThat(status.get("nextYearLoaded").asBoolean()).isFalse();
    assertThat(status.get("warning").asText())
        .contains("2027")
        .contains("PUT /api/calendar/years/2027");

    JsonNode stored =
        json(http.putJson("/api/calendar/years/2027", DIRECTOR, PASSWORD, YEAR_2027), 200);
    assertThat(stored.get("version").asInt()).isEqualTo(1);
    assertThat(stored.get("changedBy").asText()).isEqualTo(DIRECTOR);
    assertThat(stored.get("source").asText()).isEqualTo("DATABASE");

    assertThat(add("2026-12-31", 1)).isEqualTo("2027-01-04");
    assertThat(add("2027-02-05", 1)).isEqualTo("2027-02-15");
    assertThat(workingDay("2027-02-20")).isTrue();
    assertThat(
            json(http.get("/api/calendar/status", "qianyu", PASSWORD), 200).get("warning").isNull())
        .isTrue();

    JsonNode years = json(http.get("/api/calendar/years", "zhangwei", PASSWORD), 200);
    assertThat(years.findValuesAsText("year")).contains("2025", "2026", "2027");
    JsonNode y2027 = year(years, 2027);
    assertThat(y2027.get("kind").asText()).isEqualTo("DATABASE");
    assertThat(y2027.get("changedBy").asText()).isEqualTo(DIRECTOR);
    assertThat(y2027.get("version").asInt()).isEqualTo(1);
    assertThat(year(years, 2026).get("kind").asText()).isEqualTo("FILE");
    assertThat(year(years, 2026).get("location").asText()).contains("holidays-2026.yaml");

    // a correction: version 2, the history keeps both, the audit log names both
    String corrected = YEAR_2027.replace("\"2027-02-20\"", "\"2027-02-20\", \"2027-02-21\"");
    assertThat(
            json(http.putJson("/api/calendar/years/2027", DIRECTOR, PASSWORD, corrected), 200)
                .get("version")
                .asInt())
        .isEqualTo(2);
    assertThat(workingDay("2027-02-21")).isTrue();
    JsonNode history = json(http.get("/api/calendar/years/2027/history", "lina", PASSWORD), 200);
    assertThat(history).hasSize(2);
    assertThat(history.get(0).get("version").asInt()).isEqualTo(2);
    assertThat(history.get(0).at("/content/workdays").size()).isEqualTo(2);
    assertThat(history.get(0).at("/previousContent/workdays").size()).isEqualTo(1);
    assertThat(history.get(1).get("previousContent").isNull()).isTrue();

    List<AuditEvent> changes = audit.search(DIRECTOR, AuditEventType.ADMIN, null, null, 50);
    assertThat(changes)
        .filteredOn(e -> "calendar:2027".equals(e.target()))
        .extracting(AuditEvent::detail)
        .anySatisfy(d -> assertThat(d).contains("2027 年第 1 版").contains("2 个节假日、1 个调休上班日"))
        .anySatisfy(d -> assertThat(d).contains("2027 年第 2 版").contains("替换第 1 版"));
  }

  @Test
  void aYearInTheDatabaseReplacesTheShippedFileAsAWhole() throws Exception {
    assertThat(workingDay("2026-10-01")).isFalse();
    String body =
        """
        {"holidays": [{"name": "国庆节（测试数据）", "from": "2026-10-02", "to": "2026-10-03"}]}""";
    json(http.putJson("/api/calendar/years/2026", DIRECTOR, PASSWORD, body), 200);
    assertThat(workingDay("2026-10-01")).isTrue();
    assertThat(workingDay("2026-10-02")).isFalse();
    JsonNode y2026 = year(json(http.get("/api/calendar/years", "zhangwei", PASSWORD), 200), 2026);
    assertThat(y2026.get("kind").asText()).isEqualTo("DATABASE");
    assertThat(y2026.get("location").asText()).contains("holidays-2026.yaml");
    assertThat(
            audit.search(DIRECTOR, AuditEventType.ADMIN, null, null, 50).stream()
                .filter(e -> "calendar:2026".equals(e.target()))
                .findFirst()
                .orElseThrow()
                .detail())
        .contains("替换随版本发布的");
  }

  @Test
  void onlyTheDirectorMayLoadAYearAndARefusalIsAudited() throws Exception {
    // auditors are read-only everywhere (refused before the calendar is asked)
    assertThat(http.putJson("/api/calendar/years/2027", "qianyu", PASSWORD, YEAR_2027).statusCode())
        .isEqualTo(403);
    for (String user : List.of("lina", "zhangwei", "admin")) {
      String password = "admin".equals(user) ? "Guanli@2026" : PASSWORD;
      HttpResponse<String> refused =
          http.putJson("/api/calendar/years/2027", user, password, YEAR_2027);
      assertThat(refused.statusCode()).as(user).isEqualTo(403);
      assertThat(refused.body()).contains("office-director");
      assertThat(audit.search(user, AuditEventType.ADMIN, null, null, 10))
          .as(user)
          .anySatisfy(
              e -> {
                assertThat(e.target()).isEqualTo("calendar:2027");
                assertThat(e.result()).isEqualTo(AuditEvent.DENIED);
              });
    }
    assertThat(http.putJson("/api/calendar/years/2027", null, null, YEAR_2027).statusCode())
        .isEqualTo(401);
    assertThat(count()).isZero();
    assertThat(workingDay("2027-01-01")).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "year 2028 (not published yet)|2028|{\"holidays\":[{\"name\":\"元旦\",\"from\":\"2028-01-01\"}]}|year",
        "year 1999|1999|{\"holidays\":[{\"name\":\"元旦\",\"from\":\"1999-01-01\"}]}|year",
        "year not a number|20x7|{\"holidays\":[{\"name\":\"元旦\",\"from\":\"2027-01-01\"}]}|year",
        "no body holidays|2027|{\"workdays\":[]}|holidays",
        "empty holidays|2027|{\"holidays\":[]}|holidays",
        "unknown key|2027|{\"holidays\":[{\"name\":\"元旦\",\"from\":\"2027-01-01\"}],\"days\":1}|days",
        "name missing|2027|{\"holidays\":[{\"from\":\"2027-01-01\",\"to\":\"2027-01-03\"}]}|holidays[0].name",
        "name blank|2027|{\"holidays\":[{\"name\":\" \",\"from\":\"2027-01-01\"}]}|holidays[0].name",
        "from missing|2027|{\"holidays\":[{\"name\":\"元旦\",\"to\":\"2027-01-03\"}]}|holidays[0].from",
        "impossible date|2027|{\"holidays\":[{\"name\":\"元旦\",\"from\":\"2027-02-30\"}]}|holidays[0].from",
        "to before from|2027|{\"holidays\":[{\"name\":\"元旦\",\"from\":\"2027-01-03\",\"to\":\"2027-01-01\"}]}|holidays[0].to",
        "other year|2027|{\"holidays\":[{\"name\":\"元旦\",\"from\":\"2026-10-01\",\"to\":\"2026-10-03\"}]}|holidays[0].from",
        "too long|2027|{\"holidays\":[{\"name\":\"春节\",\"from\":\"2027-02-01\",\"to\":\"2027-03-15\"}]}|holidays[0].to",
        "overlap|2027|{\"holidays\":[{\"name\":\"元旦\",\"from\":\"2027-01-01\",\"to\":\"2027-01-03\"},{\"name\":\"X\",\"from\":\"2027-01-03\"}]}|holidays[1].from",
        "workday on a weekday|2027|{\"holidays\":[{\"name\":\"元旦\",\"from\":\"2027-01-01\"}],\"workdays\":[\"2027-01-05\"]}|workdays[0]",
        "workday in a holiday|2027|{\"holidays\":[{\"name\":\"元旦\",\"from\":\"2027-01-01\",\"to\":\"2027-01-03\"}],\"workdays\":[\"2027-01-02\"]}|workdays[0]",
        "workday twice|2027|{\"holidays\":[{\"name\":\"元旦\",\"from\":\"2027-01-01\"}],\"workdays\":[\"2027-02-20\",\"2027-02-20\"]}|workdays[1]",
        "workday not a date|2027|{\"holidays\":[{\"name\":\"元旦\",\"from\":\"2027-01-01\"}],\"workdays\":[20270220]}|workdays[0]"
      })
  void invalidInputIsRefusedNamingTheFieldAndNothingIsStored(
      String label, String year, String body, String field) throws Exception {
    HttpResponse<String> response =
        http.putJson("/api/calendar/years/" + year, DIRECTOR, PASSWORD, body);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    JsonNode error = JSON.readTree(response.body());
    assertThat(error.get("field").asText()).isEqualTo(field);
    assertThat(error.get("message").asText()).isNotBlank();
    assertThat(count()).isZero();
    assertThat(
            jdbc.sql("select count(*) from of_calendar_year_history").query(Integer.class).single())
        .isZero();
  }

  @Test
  void concurrentLoadsOfOneYearAreStoredOneAfterTheOtherOrRefused() throws Exception {
    int clients = 6;
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Integer>> answers = new ArrayList<>();
      for (int i = 0; i < clients; i++) {
        answers.add(
            pool.submit(
                () -> {
                  start.await();
                  return http.putJson("/api/calendar/years/2027", DIRECTOR, PASSWORD, YEAR_2027)
                      .statusCode();
                }));
      }
      start.countDown();
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> answer : answers) {
        statuses.add(answer.get(60, TimeUnit.SECONDS));
      }
      assertThat(statuses).allMatch(status -> status == 200 || status == 409).contains(200);
      long stored = statuses.stream().filter(status -> status == 200).count();
      assertThat(
              jdbc.sql("select version from of_calendar_year where calendar_year = 2027")
                  .query(Integer.class)
                  .single())
          .isEqualTo((int) stored);
      assertThat(
              jdbc.sql("select count(*) from of_calendar_year_history where calendar_year = 2027")
                  .query(Integer.class)
                  .single())
          .isEqualTo((int) stored);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void anotherNodeSeesTheChangeAfterItsRefreshInterval() throws Exception {
    WorkingDayCalendar everyCall = new WorkingDayCalendar("", repository, Duration.ZERO);
    WorkingDayCalendar hourly = new WorkingDayCalendar("", repository, Duration.ofHours(1));
    LocalDate newYear = LocalDate.parse("2027-01-01");
    assertThat(everyCall.isWorkingDay(newYear)).isTrue();
    assertThat(hourly.isWorkingDay(newYear)).isTrue();

    json(http.putJson("/api/calendar/years/2027", DIRECTOR, PASSWORD, YEAR_2027), 200);

    assertThat(everyCall.isWorkingDay(newYear)).isFalse();
    assertThat(everyCall.add(LocalDate.parse("2026-12-31"), 1)).isEqualTo("2027-01-04");
    // within its interval the other node still uses what it read; then it reloads
    assertThat(hourly.isWorkingDay(newYear)).isTrue();
    hourly.refresh();
    assertThat(hourly.isWorkingDay(newYear)).isFalse();
  }

  @Test
  void fromFirstDecemberTheLogWarnsOnceADayUntilNextYearIsLoaded(CapturedOutput output)
      throws Exception {
    TestClock.set("2026-11-30T09:00:00");
    assertThat(warning.logOncePerDay()).isFalse();
    assertThat(
            json(http.get("/api/calendar/status", "qianyu", PASSWORD), 200).get("warning").isNull())
        .isTrue();

    TestClock.set("2026-12-01T09:00:00");
    assertThat(warning.logOncePerDay()).isTrue();
    assertThat(warning.logOncePerDay()).isFalse();
    TestClock.set("2026-12-01T18:00:00");
    assertThat(warning.logOncePerDay()).isFalse();
    assertThat(output.getOut()).contains("工作日历：尚未载入 2027 年的法定节假日安排");

    TestClock.set("2026-12-02T09:00:00");
    assertThat(warning.logOncePerDay()).isTrue();

    json(http.putJson("/api/calendar/years/2027", DIRECTOR, PASSWORD, YEAR_2027), 200);
    TestClock.set("2026-12-03T09:00:00");
    assertThat(warning.logOncePerDay()).isFalse();
    assertThat(warning.warning()).isEmpty();
  }

  private int count() {
    return jdbc.sql("select count(*) from of_calendar_year").query(Integer.class).single();
  }

  private String add(String from, int days) throws Exception {
    return json(
            http.get(
                "/api/calendar/working-days/add?from=" + from + "&days=" + days,
                "zhangwei",
                PASSWORD),
            200)
        .get("date")
        .asText();
  }

  private boolean workingDay(String date) throws Exception {
    return json(http.get("/api/calendar/working-day?date=" + date, "zhangwei", PASSWORD), 200)
        .get("workingDay")
        .asBoolean();
  }

  private static JsonNode year(JsonNode years, int year) {
    for (JsonNode node : years) {
      if (node.get("year").asInt() == year) {
        return node;
      }
    }
    throw new AssertionError("year " + year + " not listed: " + years);
  }

  private static JsonNode json(HttpResponse<String> response, int status) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    return JSON.readTree(response.body());
  }
}
