package cn.officeflow.procurement;

import cn.officeflow.platform.web.ValidationException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A calendar quarter, written 2026Q4. */
public record Quarter(int year, int quarter) {

  private static final Pattern FORMAT = Pattern.compile("(20\\d\\d)Q([1-4])");

  public static Quarter of(LocalDate date) {
    return new Quarter(date.getYear(), (date.getMonthValue() - 1) / 3 + 1);
  }

  public static Quarter parse(Object raw, String field) {
    Matcher m = FORMAT.matcher(raw == null ? "" : String.valueOf(raw).strip());
    if (!m.matches()) {
      throw new ValidationException(field, "季度格式应为 2026Q4，收到：" + raw);
    }
    return new Quarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
  }

  public Quarter next() {
    return quarter == 4 ? new Quarter(year + 1, 1) : new Quarter(year, quarter + 1);
  }

  public LocalDateTime start() {
    return LocalDate.of(year, (quarter - 1) * 3 + 1, 1).atStartOfDay();
  }

  public String label() {
    return year + "年第" + "一二三四".charAt(quarter - 1) + "季度";
  }

  @Override
  public String toString() {
    return year + "Q" + quarter;
  }
}
