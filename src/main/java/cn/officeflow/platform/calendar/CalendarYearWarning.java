package cn.officeflow.platform.calendar;

import cn.officeflow.platform.engine.EngineClock;
import java.time.LocalDate;
import java.time.Month;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * From 1 December (engine clock, Beijing date) next year's 法定节假日 are due: while that year has no data, the
 * log says so once a day (checked hourly) and {@code GET /api/calendar/status} carries the warning that
 * Cockpit shows as a banner on its dashboard. Deadlines that reach into a year without data count its
 * holidays (元旦, 春节) as working days.
 */
@Component
public class CalendarYearWarning {

  private static final Logger LOG = LoggerFactory.getLogger(CalendarYearWarning.class);

  private final WorkingDayCalendar calendar;
  private final AtomicReference<LocalDate> lastLogged = new AtomicReference<>();

  public CalendarYearWarning(WorkingDayCalendar calendar) {
    this.calendar = calendar;
  }

  /** The warning for today, or empty when it is not December or next year is loaded. */
  public Optional<String> warning() {
    LocalDate today = EngineClock.today();
    int next = today.getYear() + 1;
    if (today.getMonth() != Month.DECEMBER || calendar.knownYears().contains(next)) {
      return Optional.empty();
    }
    return Optional.of(
        "尚未载入 "
            + next
            + " 年的法定节假日安排：跨入 "
            + next
            + " 年的办理期限会把元旦、春节等节假日算作工作日。请办公室主任按国务院办公厅的通知载入（PUT /api/calendar/years/"
            + next
            + "）。");
  }

  /** Logs the warning at most once per day; whether it logged now. */
  @Scheduled(
      initialDelayString = "${officeflow.calendar.warning-initial-delay:PT1M}",
      fixedDelayString = "${officeflow.calendar.warning-interval:PT1H}")
  public boolean logOncePerDay() {
    Optional<String> warning = warning();
    LocalDate today = EngineClock.today();
    if (warning.isEmpty() || today.equals(lastLogged.getAndUpdate(d -> today))) {
      return false;
    }
    LOG.warn("工作日历：{}", warning.get());
    return true;
  }
}
