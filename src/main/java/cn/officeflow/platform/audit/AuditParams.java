package cn.officeflow.platform.audit;

import cn.officeflow.platform.web.FormValues;
import cn.officeflow.platform.web.ValidationException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/** Validation of the audit queries' parameters: 400 with a Chinese message naming the parameter. */
final class AuditParams {

  private static final Pattern DATE_TIME =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(:\\d{2})?");

  private AuditParams() {}

  /**
   * A time from {@code YYYY-MM-DD} (the start of that day, or with {@code endOfDay} the start of the next, so
   * that {@code to=2026-12-04} includes the 4th) or {@code YYYY-MM-DDTHH:mm[:ss]}; null when absent.
   */
  static LocalDateTime time(String raw, String field, String label, boolean endOfDay) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    String value = raw.strip();
    if (DATE_TIME.matcher(value).matches()) {
      try {
        return LocalDateTime.parse(value.replace(' ', 'T'));
      } catch (DateTimeParseException e) {
        throw new ValidationException(field, label + "不是有效时间：" + value);
      }
    }
    if (value.length() > 10) {
      throw new ValidationException(
          field, label + "格式必须为 YYYY-MM-DD 或 YYYY-MM-DDTHH:mm:ss，收到：" + value);
    }
    LocalDate date = FormValues.optionalDate(value, field, label);
    return endOfDay ? date.plusDays(1).atStartOfDay() : date.atStartOfDay();
  }

  static String text(String raw, String field, int max, String label) {
    return FormValues.optionalText(raw, field, max, label);
  }

  static Boolean bool(String raw, String field, String label) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    return switch (raw.strip()) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new ValidationException(field, label + "只能是 true 或 false，收到：" + raw.strip());
    };
  }

  static int range(Integer raw, int fallback, int min, int max, String field, String label) {
    if (raw == null) {
      return fallback;
    }
    if (raw < min || raw > max) {
      throw new ValidationException(field, label + "必须在 " + min + " 到 " + max + " 之间，收到：" + raw);
    }
    return raw;
  }
}
