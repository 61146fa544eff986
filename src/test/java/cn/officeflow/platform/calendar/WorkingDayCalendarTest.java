package cn.officeflow.platform.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.tyme.holiday.LegalHoliday;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

/**
 * The working-day calendar without Spring: every 2026 holiday boundary (State Council notice), 2025 spot
 * checks, the Monday–Friday fallback, the operator's override directory, and the data files cross-checked
 * day by day against tyme4j.
 */
class WorkingDayCalendarTest {

  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  final WorkingDayCalendar calendar = new WorkingDayCalendar();

  static LocalDate d(String iso) {
    return LocalDate.parse(iso);
  }

  // ------------------------------------------------------------------------------------- 2026
  // boundaries

  /** Each 2026 holiday: last working day before, first and last day off, first working day after. */
  @ParameterizedTest(name = "{0}: 上班 {1} | 放假 {2} 至 {3} | 上班 {4}")
  @CsvSource({
    "元旦,   2025-12-31, 2026-01-01, 2026-01-03, 2026-01-04",
    "春节,   2026-02-14, 2026-02-15, 2026-02-23, 2026-02-24",
    "清明节, 2026-04-03, 2026-04-04, 2026-04-06, 2026-04-07",
    "劳动节, 2026-04-30, 2026-05-01, 2026-05-05, 2026-05-06",
    "端午节, 2026-06-18, 2026-06-19, 2026-06-21, 2026-06-22",
    "中秋节, 2026-09-24, 2026-09-25, 2026-09-27, 2026-09-28",
    "国庆节, 2026-09-30, 2026-10-01, 2026-10-07, 2026-10-08"
  })
  void holiday2026Boundaries(
      String holiday,
      LocalDate lastWorkingBefore,
      LocalDate first,
      LocalDate last,
      LocalDate firstWorkingAfter) {
    assertThat(calendar.isWorkingDay(lastWorkingBefore))
        .as("%s 前最后一个工作日 %s", holiday, lastWorkingBefore)
        .isTrue();
    assertThat(lastWorkingBefore.plusDays(1)).isEqualTo(first);
    for (LocalDate date = first; !date.isAfter(last); date = date.plusDays(1)) {
      assertThat(calendar.isWorkingDay(date)).as("%s 放假 %s", holiday, date).isFalse();
    }
    assertThat(firstWorkingAfter).isEqualTo(last.plusDays(1));
    assertThat(calendar.isWorkingDay(firstWorkingAfter))
        .as("%s 后第一个工作日 %s", holiday, firstWorkingAfter)
        .isTrue();
    // the working-day arithmetic across the holiday agrees with the table
    assertThat(calendar.add(lastWorkingBefore, 1)).isEqualTo(firstWorkingAfter);
  }

  @ParameterizedTest(name = "调休上班 {0}")
  @ValueSource(
      strings = {
        "2026-01-04",
        "2026-02-14",
        "2026-02-28",
        "2026-05-09",
        "2026-09-20",
        "2026-10-10"
      })
  void every2026MakeUpWeekendIsAWorkingDay(LocalDate date) {
    assertThat(date.getDayOfWeek()).isIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
    assertThat(calendar.isWorkingDay(date)).isTrue();
  }

  @ParameterizedTest(name = "普通周末 {0}")
  @ValueSource(
      strings = {
        "2026-01-10",
        "2026-01-11",
        "2026-02-07",
        "2026-03-01",
        "2026-05-10",
        "2026-09-19",
        "2026-10-11",
        "2026-12-26",
        "2026-12-27"
      })
  void ordinaryWeekendsNextToMakeUpDaysAreDaysOff(LocalDate date) {
    assertThat(calendar.isWorkingDay(date)).isFalse();
  }

  @Test
  void ordinaryWeekdaysAreWorkingDays() {
    assertThat(calendar.isWorkingDay(d("2026-02-13")))
        .isTrue(); // Friday before 春节 (and the 14th is 调休)
    assertThat(calendar.isWorkingDay(d("2026-03-02"))).isTrue();
    assertThat(calendar.isWorkingDay(d("2026-12-31"))).isTrue();
  }

  @Test
  void working2026DaysAddUpTo248() {
    // 261 weekdays − 19 weekday holidays + 6 调休 weekends
    assertThat(workingDaysIn(2026)).isEqualTo(248);
  }

  // ------------------------------------------------------------------------------------------------ add()

  @Test
  void addAcross国庆() {
    assertThat(calendar.add(d("2026-09-30"), 1)).isEqualTo(d("2026-10-08"));
    assertThat(calendar.add(d("2026-09-30"), 2)).isEqualTo(d("2026-10-09"));
    assertThat(calendar.add(d("2026-09-30"), 3)).isEqualTo(d("2026-10-10")); // 调休 Saturday
    assertThat(calendar.add(d("2026-09-30"), 4))
        .isEqualTo(d("2026-10-12")); // Sunday the 11th is off
    // 中秋 and the 调休 Sunday before 国庆
    assertThat(calendar.add(d("2026-09-18"), 1)).isEqualTo(d("2026-09-20"));
    assertThat(calendar.add(d("2026-09-24"), 1)).isEqualTo(d("2026-09-28"));
    assertThat(calendar.add(d("2026-09-24"), 4)).isEqualTo(d("2026-10-08"));
  }

  @Test
  void addAcross春节() {
    assertThat(calendar.add(d("2026-02-13"), 1)).isEqualTo(d("2026-02-14")); // 调休 Saturday
    assertThat(calendar.add(d("2026-02-13"), 2)).isEqualTo(d("2026-02-24"));
    assertThat(calendar.add(d("2026-02-12"), 5)).isEqualTo(d("2026-02-26"));
    assertThat(calendar.add(d("2026-02-26"), 2)).isEqualTo(d("2026-02-28")); // 调休 Saturday
    assertThat(calendar.add(d("2026-02-26"), 3)).isEqualTo(d("2026-03-02"));
  }

  @Test
  void addStartingOnAHolidayOrWeekendDoesNotCountTheStart() {
    assertThat(calendar.add(d("2026-10-01"), 1)).isEqualTo(d("2026-10-08"));
    assertThat(calendar.add(d("2026-10-03"), 1)).isEqualTo(d("2026-10-08"));
    assertThat(calendar.add(d("2026-10-07"), 1)).isEqualTo(d("2026-10-08"));
    assertThat(calendar.add(d("2026-02-15"), 1)).isEqualTo(d("2026-02-24"));
    assertThat(calendar.add(d("2026-01-01"), 1)).isEqualTo(d("2026-01-04")); // 调休 Sunday
    assertThat(calendar.add(d("2026-05-01"), 3)).isEqualTo(d("2026-05-08"));
    assertThat(calendar.add(d("2026-05-01"), 4)).isEqualTo(d("2026-05-09")); // 调休 Saturday
    // a working day as the start is not counted either
    assertThat(calendar.add(d("2026-10-08"), 1)).isEqualTo(d("2026-10-09"));
  }

  @Test
  void addAcrossTheYearEnd() {
    assertThat(calendar.add(d("2025-12-31"), 1)).isEqualTo(d("2026-01-04"));
    assertThat(calendar.add(d("2025-12-30"), 2)).isEqualTo(d("2026-01-04"));
    // a whole year of working days from the last day of 2025 ends on the last working day of 2026
    assertThat(calendar.add(d("2025-12-31"), 248)).isEqualTo(d("2026-12-31"));
  }

  @ParameterizedTest(name = "days = {0}")
  @ValueSource(ints = {0, -1, -365, WorkingDayCalendar.MAX_DAYS + 1, Integer.MAX_VALUE})
  void invalidNumberOfDaysIsRejected(int days) {
    assertThatThrownBy(() -> calendar.add(d("2026-09-30"), days))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(String.valueOf(days));
    Date now = new Date();
    assertThatThrownBy(() -> calendar.add(now, days)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> calendar.addFromNow(days))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void nullsAreRejected() {
    assertThatThrownBy(() -> calendar.add((LocalDate) null, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> calendar.add((Date) null, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> calendar.isWorkingDay(null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void maxDaysIsAccepted() {
    assertThat(calendar.add(d("2026-01-01"), WorkingDayCalendar.MAX_DAYS)).isAfter(d("2039-01-01"));
  }

  // ------------------------------------------------------------------------- java.util.Date for
  // BPMN timers

  @Test
  void addToADateKeepsTheTimeOfDayInShanghai() {
    Date from = Date.from(ZonedDateTime.of(2026, 9, 30, 15, 30, 0, 0, SHANGHAI).toInstant());
    assertThat(calendar.add(from, 1))
        .isEqualTo(Date.from(ZonedDateTime.of(2026, 10, 8, 15, 30, 0, 0, SHANGHAI).toInstant()));
    // 2026-09-30 17:00 UTC is already 1 October 01:00 in Beijing: the Beijing date counts
    Date lateUtc =
        Date.from(ZonedDateTime.of(2026, 9, 30, 17, 0, 0, 0, ZoneId.of("UTC")).toInstant());
    assertThat(calendar.add(lateUtc, 1))
        .isEqualTo(Date.from(ZonedDateTime.of(2026, 10, 8, 1, 0, 0, 0, SHANGHAI).toInstant()));
  }

  @Test
  void addFromNowUsesTheEngineClock() {
    try {
      ClockUtil.setCurrentTime(
          Date.from(ZonedDateTime.of(2026, 2, 13, 9, 15, 0, 0, SHANGHAI).toInstant()));
      assertThat(calendar.addFromNow(2))
          .isEqualTo(Date.from(ZonedDateTime.of(2026, 2, 24, 9, 15, 0, 0, SHANGHAI).toInstant()));
    } finally {
      ClockUtil.reset();
    }
  }

  // ------------------------------------------------------------------------------------------------- 2025

  @Test
  void spotChecks2025() {
    assertThat(calendar.isWorkingDay(d("2025-01-01"))).isFalse();
    assertThat(calendar.isWorkingDay(d("2025-01-26"))).isTrue(); // 调休 Sunday
    assertThat(calendar.isWorkingDay(d("2025-01-27"))).isTrue();
    assertThat(calendar.isWorkingDay(d("2025-01-28"))).isFalse(); // 除夕
    assertThat(calendar.isWorkingDay(d("2025-02-04"))).isFalse();
    assertThat(calendar.isWorkingDay(d("2025-02-05"))).isTrue();
    assertThat(calendar.isWorkingDay(d("2025-02-08"))).isTrue(); // 调休 Saturday
    assertThat(calendar.isWorkingDay(d("2025-04-27"))).isTrue(); // 调休 Sunday
    assertThat(calendar.isWorkingDay(d("2025-05-05"))).isFalse();
    assertThat(calendar.isWorkingDay(d("2025-06-02"))).isFalse(); // 端午
    assertThat(calendar.isWorkingDay(d("2025-09-28"))).isTrue(); // 调休 Sunday
    assertThat(calendar.isWorkingDay(d("2025-10-08"))).isFalse();
    assertThat(calendar.isWorkingDay(d("2025-10-11"))).isTrue(); // 调休 Saturday
    assertThat(calendar.add(d("2025-01-27"), 1)).isEqualTo(d("2025-02-05"));
    assertThat(calendar.add(d("2025-09-30"), 1)).isEqualTo(d("2025-10-09"));
    assertThat(workingDaysIn(2025)).isEqualTo(248);
  }

  // -------------------------------------------------------------------------------------- unknown
  // years

  @Test
  void unknownYearFallsBackToMondayToFridayWithOneWarningPerYear() {
    ListAppender<ILoggingEvent> logs = captureLogs();
    try {
      WorkingDayCalendar fresh = new WorkingDayCalendar();
      assertThat(fresh.knownYears()).contains(2025, 2026).doesNotContain(2031);
      assertThat(fresh.isWorkingDay(d("2031-01-01")))
          .isTrue(); // a Wednesday: no holiday data for 2031
      assertThat(fresh.isWorkingDay(d("2031-01-03"))).isTrue();
      assertThat(fresh.isWorkingDay(d("2031-01-04"))).isFalse();
      assertThat(fresh.isWorkingDay(d("2031-01-05"))).isFalse();
      assertThat(fresh.add(d("2031-01-03"), 1)).isEqualTo(d("2031-01-06"));
      assertThat(fresh.add(d("2031-09-30"), 1)).isEqualTo(d("2031-10-01"));
      assertThat(fresh.add(d("2031-01-01"), 20)).isEqualTo(d("2031-01-29"));
      assertThat(warnings(logs, "2031")).hasSize(1);
      fresh.isWorkingDay(d("2032-06-01"));
      fresh.isWorkingDay(d("2032-06-02"));
      assertThat(warnings(logs, "2032")).hasSize(1);
      assertThat(warnings(logs, "2026")).isEmpty();
      fresh.add(d("2026-01-05"), 100);
      assertThat(logs.list).filteredOn(e -> e.getLevel() == Level.WARN).hasSize(2);
    } finally {
      releaseLogs(logs);
    }
  }

  // --------------------------------------------------------------------------------- operator's
  // directory

  @Test
  void directoryAddsYearsAndReplacesAWholeYear(@TempDir Path dir) throws IOException {
    write(
        dir,
        "holidays-2031.yaml",
        """
        # 测试用：假想的 2031 年安排
        year: 2031
        holidays:
          - name: 元旦
            from: 2031-01-01
            days: 1
          - name: 春节
            from: "2031-01-22"
            to: 2031-01-28
            workdays: [2031-01-19, 2031-02-08]
        """);
    write(
        dir,
        "holidays-2026.yaml",
        """
        year: 2026
        holidays:
          - name: 国庆节
            from: 2026-10-01
            to: 2026-10-08
            days: 8
        """);
    write(dir, "readme.txt", "not a calendar file");
    WorkingDayCalendar custom = new WorkingDayCalendar(dir.toString());
    assertThat(custom.knownYears()).contains(2025, 2026, 2031);
    assertThat(custom.isWorkingDay(d("2031-01-01"))).isFalse();
    assertThat(custom.isWorkingDay(d("2031-01-19"))).isTrue();
    assertThat(custom.add(d("2031-01-21"), 1)).isEqualTo(d("2031-01-29"));
    // the directory's 2026 replaces the whole classpath 2026
    assertThat(custom.isWorkingDay(d("2026-10-08"))).isFalse();
    assertThat(custom.isWorkingDay(d("2026-02-16"))).isTrue();
    assertThat(custom.isWorkingDay(d("2026-10-10"))).isFalse();
    // 2025 still comes from the classpath
    assertThat(custom.isWorkingDay(d("2025-10-08"))).isFalse();
    // a blank setting means none
    assertThat(new WorkingDayCalendar("  ").knownYears())
        .containsExactlyElementsOf(calendar.knownYears());
  }

  @Test
  void missingDirectoryStopsStartUp(@TempDir Path dir) {
    assertThatThrownBy(() -> new WorkingDayCalendar(dir.resolve("nowhere").toString()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("officeflow.calendar.directory");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      year in the file differs from its name | year: 2030\\nholidays: []                                                              | 与文件名
      days does not match from..to           | year: 2031\\nholidays:\\n  - {name: 春节, from: 2031-01-22, to: 2031-01-28, days: 8}   | 共 7 天
      调休 day is a weekday                   | year: 2031\\nholidays:\\n  - {name: 春节, from: 2031-01-22, workdays: [2031-01-20]}     | 不是周六或周日
      impossible date                        | year: 2031\\nholidays:\\n  - {name: 元旦, from: 2031-02-30}                             | 2031-02-30
      to before from                         | year: 2031\\nholidays:\\n  - {name: 元旦, from: 2031-01-03, to: 2031-01-01}             | 早于
      misspelt key                           | year: 2031\\nholidays:\\n  - {name: 元旦, from: 2031-01-01, workday: [2031-01-04]}      | workday
      date far from the year                 | year: 2031\\nholidays:\\n  - {name: 元旦, from: 2013-01-01}                             | 2013-01-01
      overlapping holidays                   | year: 2031\\nholidays:\\n  - {name: 甲, from: 2031-05-01}\\n  - {name: 乙, from: 2031-05-01} | 重复
      missing name                           | year: 2031\\nholidays:\\n  - {from: 2031-05-01}                                         | name
      missing holidays                       | year: 2031                                                                                 | holidays
      not YAML                               | year: [2031                                                                                | YAML
      """)
  void malformedFileStopsStartUpNamingTheFile(
      String problem, String yaml, String expected, @TempDir Path dir) throws IOException {
    write(dir, "holidays-2031.yaml", yaml.replace("\\n", "\n"));
    assertThatThrownBy(() -> new WorkingDayCalendar(dir.toString()))
        .as(problem)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("holidays-2031.yaml")
        .hasMessageContaining(expected);
  }

  // ----------------------------------------------------------------------------------- data
  // cross-check

  /**
   * The shipped files agree, day by day, with tyme4j's copy of the State Council notices for 2025 and 2026.
   * tyme4j is a test dependency only: at run time the files are the source of truth.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(ints = {2025, 2026})
  void dataFilesAgreeWithTyme4j(int year) {
    List<String> differences = new ArrayList<>();
    for (LocalDate date = LocalDate.of(year, 1, 1);
        date.getYear() == year;
        date = date.plusDays(1)) {
      LegalHoliday legal =
          LegalHoliday.fromYmd(date.getYear(), date.getMonthValue(), date.getDayOfMonth());
      boolean expected =
          legal != null
              ? legal.isWork()
              : date.getDayOfWeek() != DayOfWeek.SATURDAY
                  && date.getDayOfWeek() != DayOfWeek.SUNDAY;
      if (calendar.isWorkingDay(date) != expected) {
        differences.add(
            date
                + (legal == null ? "" : " " + legal.getName())
                + " tyme4j: "
                + (expected ? "上班" : "休息"));
      }
    }
    assertThat(differences).isEmpty();
  }

  // --------------------------------------------------------------------------------------------
  // helpers

  int workingDaysIn(int year) {
    int count = 0;
    for (LocalDate date = LocalDate.of(year, 1, 1);
        date.getYear() == year;
        date = date.plusDays(1)) {
      if (calendar.isWorkingDay(date)) {
        count++;
      }
    }
    return count;
  }

  static void write(Path dir, String name, String content) throws IOException {
    Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
  }

  static ListAppender<ILoggingEvent> captureLogs() {
    Logger logger = (Logger) LoggerFactory.getLogger(WorkingDayCalendar.class);
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    logger.addAppender(appender);
    return appender;
  }

  static void releaseLogs(ListAppender<ILoggingEvent> appender) {
    ((Logger) LoggerFactory.getLogger(WorkingDayCalendar.class)).detachAppender(appender);
  }

  static List<ILoggingEvent> warnings(ListAppender<ILoggingEvent> logs, String text) {
    return logs.list.stream()
        .filter(e -> e.getLevel() == Level.WARN && e.getFormattedMessage().contains(text))
        .toList();
  }
}
