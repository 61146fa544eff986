package cn.officeflow.platform.calendar;

import cn.officeflow.platform.web.ValidationException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The working-day calendar over REST (DESIGN.md §6 contract):
 * {@code GET /api/calendar/working-days/add?from=YYYY-MM-DD&days=N} → {@code {"date":"YYYY-MM-DD"}} and
 * {@code GET /api/calendar/working-day?date=YYYY-MM-DD} → {@code {"workingDay":true|false}}. Bad input → 400
 * naming the field.
 */
@RestController
@RequestMapping("/api/calendar")
public class CalendarController {

  private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  private final WorkingDayCalendar calendar;

  public CalendarController(WorkingDayCalendar calendar) {
    this.calendar = calendar;
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
