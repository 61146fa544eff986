package cn.officeflow.platform.calendar;

import cn.officeflow.platform.web.ValidationException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The body of {@code PUT /api/calendar/years/{year}}: {@code {"holidays":[{"name","from","to"}],
 * "workdays":["YYYY-MM-DD", …]}}, validated (400 naming the field, e.g. {@code holidays[2].to}):
 *
 * <ul>
 *   <li>{@code year}: from {@value #FIRST_YEAR} to next year by the engine clock (a schedule is published in
 *       November for the year after; later years cannot be known);
 *   <li>{@code holidays}: 1 to {@value #MAX_HOLIDAYS} entries, each with a name (at most {@value #MAX_NAME}
 *       characters), {@code from} and {@code to} (to may be left out for one day), from ≤ to, at most 31 days;
 *       a holiday lies in the year or spans into it from the previous December or into the next January
 *       (元旦 2024 was 2023-12-30 to 2024-01-01); holidays do not overlap;
 *   <li>{@code workdays} (调休上班日, optional): Saturdays or Sundays within the year or the adjacent December /
 *       January, none twice, none inside a holiday.
 * </ul>
 */
public record CalendarYearInput(int year, List<Holiday> holidays, List<LocalDate> workdays) {

  public static final int FIRST_YEAR = 2000;
  static final int MAX_HOLIDAYS = 30;
  static final int MAX_NAME = 50;
  private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Set<String> KEYS = Set.of("holidays", "workdays");
  private static final Set<String> HOLIDAY_KEYS = Set.of("name", "from", "to");

  /** One holiday period (放假起止日期, both included). */
  public record Holiday(String name, LocalDate from, LocalDate to) {}

  /** The year of a path ({@code /years/2027}); 400 naming {@code year} when it is not one we accept. */
  public static int year(String text, LocalDate today) {
    int year;
    try {
      year = Integer.parseInt(text == null ? "" : text.strip());
    } catch (NumberFormatException e) {
      throw new ValidationException("year", "年份必须是四位数字：" + text);
    }
    int last = today.getYear() + 1;
    if (year < FIRST_YEAR || year > last) {
      throw new ValidationException(
          "year", "年份必须在 " + FIRST_YEAR + " 到 " + last + " 之间（最多可载入下一年度的安排）：" + year);
    }
    return year;
  }

  public static CalendarYearInput parse(int year, Map<String, Object> body) {
    if (body == null) {
      throw new ValidationException(
          "holidays", "请求体必须是 {\"holidays\": [...], \"workdays\": [...]}");
    }
    for (String key : body.keySet()) {
      if (!KEYS.contains(key)) {
        throw new ValidationException(key, "未知字段（只允许 holidays 和 workdays）");
      }
    }
    LocalDate earliest = LocalDate.of(year - 1, 12, 1);
    LocalDate latest = LocalDate.of(year + 1, 1, 31);
    if (!(body.get("holidays") instanceof List<?> items) || items.isEmpty()) {
      throw new ValidationException("holidays", "必须填写该年的节假日列表（至少一项）");
    }
    if (items.size() > MAX_HOLIDAYS) {
      throw new ValidationException("holidays", "节假日最多 " + MAX_HOLIDAYS + " 项：" + items.size());
    }
    List<Holiday> holidays = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      String field = "holidays[" + i + "]";
      if (!(items.get(i) instanceof Map<?, ?> item)) {
        throw new ValidationException(field, "每一项应为 {\"name\", \"from\", \"to\"}");
      }
      for (Object key : item.keySet()) {
        if (!HOLIDAY_KEYS.contains(String.valueOf(key))) {
          throw new ValidationException(field + "." + key, "未知字段（只允许 name、from、to）");
        }
      }
      String name = item.get("name") instanceof String text ? text.strip() : "";
      if (name.isEmpty()) {
        throw new ValidationException(field + ".name", "必须填写节日名称");
      }
      if (name.codePointCount(0, name.length()) > MAX_NAME) {
        throw new ValidationException(field + ".name", "节日名称不能超过 " + MAX_NAME + " 个字符");
      }
      LocalDate from = date(field + ".from", item.get("from"));
      LocalDate to = item.get("to") == null ? from : date(field + ".to", item.get("to"));
      if (to.isBefore(from)) {
        throw new ValidationException(field + ".to", "结束日期 " + to + " 早于开始日期 " + from);
      }
      if (ChronoUnit.DAYS.between(from, to) + 1 > 31) {
        throw new ValidationException(field + ".to", name + " 放假超过 31 天，请检查开始和结束日期");
      }
      if (from.isBefore(earliest)
          || to.isAfter(latest)
          || to.getYear() < year
          || from.getYear() > year) {
        throw new ValidationException(
            field + ".from",
            name + "（" + from + " 至 " + to + "）不在 " + year + " 年内（只允许从上年 12 月跨入或跨到次年 1 月）");
      }
      for (int j = 0; j < holidays.size(); j++) {
        Holiday other = holidays.get(j);
        if (!from.isAfter(other.to()) && !to.isBefore(other.from())) {
          throw new ValidationException(
              field + ".from",
              name + "（" + from + " 至 " + to + "）与 holidays[" + j + "] " + other.name() + " 重叠");
        }
      }
      holidays.add(new Holiday(name, from, to));
    }
    List<LocalDate> workdays = new ArrayList<>();
    Object list = body.get("workdays");
    if (list != null && !(list instanceof List<?>)) {
      throw new ValidationException("workdays", "调休上班日应为日期列表，例如 [\"2027-02-20\"]");
    }
    Set<LocalDate> seen = new HashSet<>();
    if (list instanceof List<?> dates) {
      for (int i = 0; i < dates.size(); i++) {
        String field = "workdays[" + i + "]";
        LocalDate date = date(field, dates.get(i));
        if (date.isBefore(earliest) || date.isAfter(latest)) {
          throw new ValidationException(field, date + " 不在 " + year + " 年内（或上年 12 月、次年 1 月）");
        }
        if (date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY) {
          throw new ValidationException(field, date + " 不是周六或周日（调休上班日只会是周末）");
        }
        if (!seen.add(date)) {
          throw new ValidationException(field, date + " 重复出现");
        }
        for (Holiday holiday : holidays) {
          if (!date.isBefore(holiday.from()) && !date.isAfter(holiday.to())) {
            throw new ValidationException(
                field, date + " 在 " + holiday.name() + " 的放假期间内，不能同时是调休上班日");
          }
        }
        workdays.add(date);
      }
    }
    return new CalendarYearInput(year, List.copyOf(holidays), List.copyOf(new TreeSet<>(workdays)));
  }

  private static LocalDate date(String field, Object value) {
    if (!(value instanceof String text) || text.isBlank()) {
      throw new ValidationException(field, "必须填写日期，格式为 YYYY-MM-DD");
    }
    if (ISO_DATE.matcher(text.strip()).matches()) {
      try {
        return LocalDate.parse(text.strip());
      } catch (DateTimeParseException e) {
        // falls through
      }
    }
    throw new ValidationException(field, "不是有效的日期（格式为 YYYY-MM-DD）：" + text);
  }
}
