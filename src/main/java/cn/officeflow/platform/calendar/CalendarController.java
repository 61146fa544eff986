package cn.officeflow.platform.calendar;

import cn.officeflow.platform.engine.EngineClock;
import cn.officeflow.platform.web.ValidationException;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The working-day calendar over REST (DESIGN.md §6 contract):
 * {@code GET /api/calendar/working-days/add?from=YYYY-MM-DD&days=N} → {@code {"date":"YYYY-MM-DD"}} and
 * {@code GET /api/calendar/working-day?date=YYYY-MM-DD} → {@code {"workingDay":true|false}}. Bad input → 400
 * naming the field.
 *
 * <p>法定节假日 without a release: {@code PUT /api/calendar/years/{year}} with {@code {"holidays":[{"name",
 * "from","to"}],"workdays":[dates]}} (办公室主任 only; {@link CalendarYearService}), {@code GET
 * /api/calendar/years} (every year with its source: shipped file, operator's directory or database, with
 * version and who changed it when), {@code GET /api/calendar/years/{year}/history} (the stored versions)
 * and {@code GET /api/calendar/status} (the December warning when next year is missing).
 */
@RestController
@RequestMapping("/api/calendar")
public class CalendarController {

  private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  private final WorkingDayCalendar calendar;
  private final CalendarYearService years;
  private final CalendarYearRepository stored;
  private final CalendarYearWarning warning;

  public CalendarController(
      WorkingDayCalendar calendar,
      CalendarYearService years,
      CalendarYearRepository stored,
      CalendarYearWarning warning) {
    this.calendar = calendar;
    this.years = years;
    this.stored = stored;
    this.warning = warning;
  }

  @PutMapping("/years/{year}")
  public Map<String, Object> putYear(
      @PathVariable String year,
      @RequestBody(required = false) Map<String, Object> body,
      HttpServletRequest request) {
    years.requireEditor(year, request.getRemoteAddr());
    CalendarYearRepository.StoredYear saved = years.put(year, body, request.getRemoteAddr());
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("year", saved.year());
    answer.put("source", WorkingDayCalendar.SourceKind.DATABASE);
    answer.put("version", saved.version());
    answer.put("changedBy", saved.changedBy());
    answer.put("changedAt", saved.changedAt());
    answer.putAll(CalendarYearJson.parse(saved.content()));
    return answer;
  }

  @GetMapping("/years")
  public List<WorkingDayCalendar.YearSource> years() {
    return calendar.sources();
  }

  @GetMapping("/years/{year}/history")
  public List<Map<String, Object>> history(@PathVariable String year) {
    int value = CalendarYearInput.year(year, EngineClock.today());
    return stored.history(value).stream()
        .map(
            v -> {
              Map<String, Object> item = new LinkedHashMap<>();
              item.put("year", v.year());
              item.put("version", v.version());
              item.put("changedBy", v.changedBy());
              item.put("changedAt", v.changedAt());
              item.put("content", CalendarYearJson.parse(v.content()));
              item.put(
                  "previousContent",
                  v.previousContent() == null ? null : CalendarYearJson.parse(v.previousContent()));
              return item;
            })
        .toList();
  }

  @GetMapping("/status")
  public Map<String, Object> status() {
    LocalDate today = EngineClock.today();
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("today", today.toString());
    answer.put("nextYear", today.getYear() + 1);
    answer.put("nextYearLoaded", calendar.knownYears().contains(today.getYear() + 1));
    answer.put("warning", warning.warning().orElse(null));
    return answer;
  }

  @GetMapping("/working-days/add")
  public Map<String, String> add(
      @RequestParam(required = false) String from, @RequestParam(required = false) String days) {
    LocalDate start = date("from", from);
    int count = days("days", days);
    return Map.of("date", calendar.add(start, count).toString());
  }

  @GetMapping("/working-day")
  public Map<String, Boolean> workingDay(@RequestParam(required = false) String date) {
    return Map.of("workingDay", calendar.isWorkingDay(date("date", date)));
  }

  static LocalDate date(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new ValidationException(field, "日期 " + field + " 必须填写，格式为 YYYY-MM-DD");
    }
    String text = value.trim();
    if (ISO_DATE.matcher(text).matches()) {
      try {
        return LocalDate.parse(text);
      } catch (DateTimeParseException e) {
        // falls through: a well-formed but impossible date such as 2026-02-30
      }
    }
    throw new ValidationException(field, "日期 " + field + " 不是有效的日期（格式为 YYYY-MM-DD）：" + value);
  }

  static int days(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new ValidationException(
          field, "天数 " + field + " 必须填写，1 到 " + WorkingDayCalendar.MAX_DAYS + " 之间的整数");
    }
    int days;
    try {
      days = Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new ValidationException(field, "天数 " + field + " 必须是整数：" + value);
    }
    if (days < 1 || days > WorkingDayCalendar.MAX_DAYS) {
      throw new ValidationException(
          field, "天数 " + field + " 必须在 1 到 " + WorkingDayCalendar.MAX_DAYS + " 之间：" + days);
    }
    return days;
  }
}
