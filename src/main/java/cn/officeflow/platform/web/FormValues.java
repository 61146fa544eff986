package cn.officeflow.platform.web;

import cn.officeflow.platform.engine.EngineClock;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reading user input as it arrives from Tasklist forms and REST (String, Number, Boolean, Spin JSON, lists):
 * each method names the field in its {@link ValidationException} (400).
 */
public final class FormValues {

  private static final Pattern LIST_SEPARATORS = Pattern.compile("[,，、;；\\s]+");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  private FormValues() {}

  /** Stripped text or null when absent or blank; 400 when not text or longer than {@code max} characters. */
  public static String optionalText(Object raw, String field, int max, String label) {
    if (raw == null) {
      return null;
    }
    if (!(raw instanceof String text)) {
      throw new ValidationException(field, label + "必须是文本");
    }
    noControlCharacters(text, field, label);
    String value = text.strip();
    if (value.isEmpty()) {
      return null;
    }
    int length = value.codePointCount(0, value.length());
    if (length > max) {
      throw new ValidationException(field, label + "不能超过 " + max + " 字，当前 " + length + " 字");
    }
    return value;
  }

  /**
   * 400 naming the field when the text contains a control character other than tab, line feed and carriage
   * return (NUL, ESC, DEL, C1 ...): they are invisible, break documents, CSV and logs, and never come from a form.
   */
  public static void noControlCharacters(String text, String field, String label) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
        throw new ValidationException(
            field,
            "不能包含控制字符（"
                + label
                + "第 "
                + (text.codePointCount(0, i) + 1)
                + " 个字符为 "
                + String.format("U+%04X", (int) c)
                + "）");
      }
    }
  }

  /** Like {@link #optionalText} but absent or blank is a 400 too. */
  public static String requiredText(Object raw, String field, int max, String label) {
    String value = optionalText(raw, field, max, label);
    if (value == null) {
      throw new ValidationException(field, label + "必须填写");
    }
    return value;
  }

  /** One of the allowed values; absent → {@code fallback} (null = required). */
  public static String oneOf(
      Object raw, String field, List<String> allowed, String label, String fallback) {
    String value = optionalText(raw, field, 50, label);
    if (value == null) {
      if (fallback == null) {
        throw new ValidationException(
            field, "请选择" + label + "（" + String.join(" | ", allowed) + "）");
      }
      return fallback;
    }
    if (!allowed.contains(value)) {
      throw new ValidationException(
          field, label + "必须是 " + String.join(" | ", allowed) + " 之一，收到：" + value);
    }
    return value;
  }

  /** A whole number in [min, max] from a Number or a numeric text; null when absent or blank. */
  public static Integer optionalInt(Object raw, String field, int min, int max, String label) {
    if (raw == null || raw instanceof String s && s.isBlank()) {
      return null;
    }
    long value;
    if (raw instanceof Number n) {
      if (n.doubleValue() != Math.floor(n.doubleValue()) || Double.isInfinite(n.doubleValue())) {
        throw new ValidationException(field, label + "必须是整数，收到：" + n);
      }
      value = n.longValue();
    } else if (raw instanceof String s && s.strip().matches("-?\\d{1,9}")) {
      value = Long.parseLong(s.strip());
    } else {
      throw new ValidationException(field, label + "必须是整数，收到：" + raw);
    }
    if (value < min || value > max) {
      throw new ValidationException(field, label + "必须在 " + min + " 到 " + max + " 之间，收到：" + value);
    }
    return (int) value;
  }

  /**
   * An amount of money in yuan from a Number or a numeric text, at most two decimals (分), in [0, max];
   * null when absent or blank, 400 naming the field otherwise.
   */
  public static BigDecimal optionalAmount(Object raw, String field, BigDecimal max, String label) {
    if (raw == null || raw instanceof String s && s.isBlank()) {
      return null;
    }
    BigDecimal value;
    try {
      value =
          raw instanceof BigDecimal b
              ? b
              : raw instanceof Number n
                  ? new BigDecimal(n.toString())
                  : new BigDecimal(raw.toString().strip());
    } catch (NumberFormatException e) {
      throw new ValidationException(field, label + "必须是金额（元），收到：" + raw);
    }
    if (value.stripTrailingZeros().scale() > 2) {
      throw new ValidationException(field, label + "最多精确到分（两位小数），收到：" + raw);
    }
    if (value.signum() < 0 || value.compareTo(max) > 0) {
      throw new ValidationException(
          field, label + "必须在 0 到 " + max.toPlainString() + " 元之间，收到：" + value.toPlainString());
    }
    return value.setScale(2, RoundingMode.UNNECESSARY);
  }

  /** true for Boolean true or the texts "true" / "是"; false otherwise. */
  public static boolean bool(Object raw) {
    if (raw instanceof Boolean b) {
      return b;
    }
    return raw instanceof String s && (s.equalsIgnoreCase("true") || s.equals("是"));
  }

  /**
   * A date from a {@link Date} (in the office's zone) or a {@code YYYY-MM-DD} text; null when absent or blank,
   * 400 naming the field when malformed or impossible (2026-02-30).
   */
  public static LocalDate optionalDate(Object raw, String field, String label) {
    if (raw == null || raw instanceof String s && s.isBlank()) {
      return null;
    }
    if (raw instanceof Date d) {
      return d.toInstant().atZone(EngineClock.ZONE).toLocalDate();
    }
    String value = String.valueOf(raw).strip();
    if (!ISO_DATE.matcher(value).matches()) {
      throw new ValidationException(field, label + "格式必须为 YYYY-MM-DD，收到：" + value);
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw new ValidationException(field, label + "不是有效日期：" + value);
    }
  }

  /**
   * Ids from a list, a JSON array (Tasklist's checklist arrives as Spin JSON) or a text separated by commas,
   * 、 or blanks; duplicates and blanks dropped, order kept.
   */
  public static List<String> ids(Object raw, String field, String label) {
    if (raw == null) {
      return List.of();
    }
    Collection<?> items;
    if (raw instanceof Collection<?> collection) {
      items = collection;
    } else {
      String text = String.valueOf(raw).strip();
      if (text.startsWith("[")) {
        try {
          items = JSON.readValue(text, List.class);
        } catch (JsonProcessingException e) {
          throw new ValidationException(field, label + "格式不正确：" + text);
        }
      } else {
        items = text.isEmpty() ? List.of() : List.of(LIST_SEPARATORS.split(text));
      }
    }
    LinkedHashSet<String> ids = new LinkedHashSet<>();
    for (Object item : items) {
      String id = item == null ? "" : String.valueOf(item).strip();
      noControlCharacters(id, field, label);
      if (!id.isEmpty()) {
        ids.add(id);
      }
    }
    return new ArrayList<>(ids);
  }
}
