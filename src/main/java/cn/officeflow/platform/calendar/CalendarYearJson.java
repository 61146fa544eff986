package cn.officeflow.platform.calendar;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A year's data as stored (the request's own JSON shape, so that history shows what was sent). */
final class CalendarYearJson {

  private static final ObjectMapper JSON = new ObjectMapper();

  private CalendarYearJson() {}

  static String write(CalendarYearInput input) {
    try {
      return JSON.writeValueAsString(map(input));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static Map<String, Object> map(CalendarYearInput input) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put(
        "holidays",
        input.holidays().stream()
            .map(
                h -> {
                  Map<String, Object> item = new LinkedHashMap<>();
                  item.put("name", h.name());
                  item.put("from", h.from().toString());
                  item.put("to", h.to().toString());
                  return item;
                })
            .toList());
    body.put("workdays", input.workdays().stream().map(LocalDate::toString).toList());
    return body;
  }

  static Map<String, Object> parse(String content) {
    try {
      return JSON.readValue(content, new TypeReference<Map<String, Object>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("工作日历数据无法解析：" + e.getOriginalMessage(), e);
    }
  }

  static CalendarYearInput read(int year, String content) {
    return CalendarYearInput.parse(year, parse(content));
  }

  static List<Object> holidays(String content) {
    Object holidays = parse(content).get("holidays");
    return holidays instanceof List<?> list ? List.copyOf(list) : List.of();
  }
}
