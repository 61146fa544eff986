package cn.officeflow.platform.engine;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The engine's clock (which tests move with {@code ClockUtil}), as local date-times in the office's
 * time zone. Every business timestamp goes through here so that process tests control time.
 */
public final class EngineClock {

  /** The office's time zone: dates on documents (成文日期) are Beijing dates. */
  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  private EngineClock() {}

  public static LocalDateTime now() {
    return LocalDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZONE);
  }

  public static LocalDate today() {
    return now().toLocalDate();
  }

  /** A {@link java.util.Date} (engine times, Date variables) as the office's local time; null stays null. */
  public static LocalDateTime local(java.util.Date date) {
    return date == null ? null : LocalDateTime.ofInstant(date.toInstant(), ZONE);
  }
}
