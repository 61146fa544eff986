package cn.officeflow.platform.calendar;

import cn.officeflow.platform.audit.AuditEvent;
import cn.officeflow.platform.audit.AuditEventType;
import cn.officeflow.platform.audit.AuditLog;
import cn.officeflow.platform.engine.CurrentUser;
import cn.officeflow.platform.engine.EngineClock;
import cn.officeflow.platform.org.RoleGroups;
import cn.officeflow.platform.web.ConflictException;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * 法定节假日 loaded by the office without a release: {@code office-director} stores a year (validated, see
 * {@link CalendarYearInput}), which replaces the shipped file's year. Every change is a new version in the
 * history and an {@link AuditEventType#ADMIN} record of the access audit log (in the same transaction); a
 * refused attempt by someone else is recorded as DENIED. After the commit this node reloads its calendar at
 * once; the other nodes within {@code officeflow.calendar.refresh}.
 */
@Service
public class CalendarYearService {

  private static final Logger LOG = LoggerFactory.getLogger(CalendarYearService.class);
  static final Set<String> EDITORS = Set.of(RoleGroups.OFFICE_DIRECTOR);

  private final CalendarYearRepository years;
  private final WorkingDayCalendar calendar;
  private final AuditLog audit;
  private final IdentityService identity;

  public CalendarYearService(
      CalendarYearRepository years,
      WorkingDayCalendar calendar,
      AuditLog audit,
      IdentityService identity) {
    this.years = years;
    this.calendar = calendar;
    this.audit = audit;
    this.identity = identity;
  }

  /** 403 (recorded as DENIED in the audit log) unless the caller is 办公室主任. */
  public String requireEditor(String yearText, String sourceAddress) {
    String user = CurrentUser.id(identity).orElse("anonymous");
    if (!CurrentUser.inAnyGroup(identity, EDITORS)) {
      audit.record(
          AuditEventType.ADMIN,
          "修改工作日历",
          user,
          sourceAddress,
          "calendar:" + yearText,
          AuditEvent.DENIED,
          "只有办公室主任可以载入节假日安排");
      throw new AuthorizationException("用户 " + user + " 无权载入节假日安排（需要角色：office-director 办公室主任）");
    }
    return user;
  }

  /** Stores a year; call {@link #requireEditor} first (outside the transaction, so a refusal stays logged). */
  @Transactional
  public CalendarYearRepository.StoredYear put(
      String yearText, Map<String, Object> body, String sourceAddress) {
    CurrentUser.requireAnyGroup(identity, EDITORS, "载入节假日安排");
    String user = CurrentUser.id(identity).orElseThrow();
    LocalDate today = EngineClock.today();
    int year = CalendarYearInput.year(yearText, today);
    CalendarYearInput input = CalendarYearInput.parse(year, body);
    String content = CalendarYearJson.write(input);
    Optional<CalendarYearRepository.StoredYear> previous = years.lock(year);
    int version = previous.map(p -> p.version() + 1).orElse(1);
    CalendarYearRepository.StoredYear stored =
        new CalendarYearRepository.StoredYear(year, version, content, user, EngineClock.now());
    // read before writing: this node's calendar must never load a row that is not committed yet
    String replaced =
        previous.isPresent()
            ? "替换第 " + previous.get().version() + " 版"
            : calendar.sources().stream()
                .filter(s -> s.year() == year)
                .findFirst()
                .map(s -> "替换随版本发布的 " + s.location())
                .orElse("该年此前没有安排");
    try {
      years.save(stored, previous.map(CalendarYearRepository.StoredYear::content).orElse(null));
    } catch (DuplicateKeyException e) {
      // two first PUTs of one year at the same moment: the other one was stored
      throw new ConflictException("工作日历 " + year + " 年刚被他人载入，请刷新后核对再提交");
    }
    audit.record(
        AuditEventType.ADMIN,
        "修改工作日历",
        user,
        sourceAddress,
        "calendar:" + year,
        AuditEvent.SUCCESS,
        year
            + " 年第 "
            + version
            + " 版："
            + input.holidays().size()
            + " 个节假日、"
            + input.workdays().size()
            + " 个调休上班日（"
            + replaced
            + "）");
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCommit() {
            calendar.refresh();
          }
        });
    LOG.info("工作日历：{} 载入 {} 年第 {} 版（{}）", user, year, version, replaced);
    return stored;
  }
}
