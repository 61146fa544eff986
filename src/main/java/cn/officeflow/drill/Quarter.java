package cn.officeflow.drill;

import cn.officeflow.platform.web.ValidationException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A calendar quarter such as 2026Q4 (Beijing dates). */
public record Quarter(int year, int number) implements Comparable<Quarter> {

  private static final Pattern TEXT = Pattern.compile("(\\d{4})Q([1-4])");
  private static final String[] NUMERALS = {"一", "二", "三", "四"};

  public Quarter {
    if (number < 1 || number > 4) {
      throw new IllegalArgumentException("季度必须是 1 到 4：" + number);
    }
  }

  public static Quarter of(LocalDate date) {
    return new Quarter(date.getYear(), (date.getMonthValue() - 1) / 3 + 1);
  }

  /** 2026Q4; anything else → 400 naming {@code field}. */
  public static Quarter parse(String text, String field) {
    Matcher m = TEXT.matcher(text == null ? "" : text.strip());
    if (!m.matches()) {
      throw new ValidationException(field, "季度格式必须为 YYYYQn（如 2026Q4），收到：" + text);
    }
    return new Quarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
  }

  public LocalDate start() {
    return LocalDate.of(year, (number - 1) * 3 + 1, 1);
  }

  public LocalDate end() {
    return start().plusMonths(3).minusDays(1);
  }

  public Quarter previous() {
    return number == 1 ? new Quarter(year - 1, 4) : new Quarter(year, number - 1);
  }

  public Quarter next() {
    return number == 4 ? new Quarter(year + 1, 1) : new Quarter(year, number + 1);
  }

  /** 2026年第四季度 */
  public String label() {
    return year + "年第" + NUMERALS[number - 1] + "季度";
  }

  @Override
  public int compareTo(Quarter other) {
    return year != other.year
        ? Integer.compare(year, other.year)
        : Integer.compare(number, other.number);
  }

  @Override
  public String toString() {
    return year + "Q" + number;
  }
}
