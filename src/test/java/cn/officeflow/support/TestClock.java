package cn.officeflow.support;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/** The engine clock for tests, in the office's time zone (Asia/Shanghai): set it, never sleep. */
public final class TestClock {

  private static final ZoneId OFFICE = ZoneId.of("Asia/Shanghai");

  private TestClock() {}

  /** Sets the engine clock to a local date-time such as {@code 2026-09-30T09:00:00} in the office's zone. */
  public static void set(String localDateTime) {
    ClockUtil.setCurrentTime(date(localDateTime));
  }

  /** A local date-time in the office's zone as a {@link Date} (due dates, timer dates). */
  public static Date date(String localDateTime) {
    return Date.from(LocalDateTime.parse(localDateTime).atZone(OFFICE).toInstant());
  }

  public static void reset() {
    ClockUtil.reset();
  }
}
