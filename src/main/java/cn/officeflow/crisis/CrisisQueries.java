package cn.officeflow.crisis;

import cn.officeflow.platform.engine.CurrentUser;
import cn.officeflow.platform.engine.EngineClock;
import cn.officeflow.platform.org.RoleGroups;
import cn.officeflow.platform.web.NotFoundException;
import cn.officeflow.platform.web.ValidationException;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Service;

/**
 * The REST side of 危机公关 with its access rule: 品牌/舆情 (pr-team), 法务, 单位领导, 办公室主任, 应急指挥, 审计 and
 * 管理员 read every case; to anyone else the cases do not exist (404, list and detail alike).
 */
@Service
public class CrisisQueries {

  static final Set<String> READER_ROLES =
      Set.of(
          CrisisVariables.PR_TEAM,
          RoleGroups.LEGAL,
          RoleGroups.LEADERS,
          RoleGroups.OFFICE_DIRECTOR,
          "emergency-command",
          RoleGroups.AUDITORS,
          RoleGroups.CAMUNDA_ADMIN);

  private final CrisisService service;
  private final IdentityService identity;

  public CrisisQueries(CrisisService service, IdentityService identity) {
    this.service = service;
    this.identity = identity;
  }

  /** {@code status} responding | following_up | reviewing | improving | closed (any case) or absent for all. */
  public List<CaseView> list(String status) {
    requireReader();
    CrisisStatus filter = null;
    if (status != null) {
      filter =
          CrisisStatus.parse(status)
              .orElseThrow(
                  () ->
                      new ValidationException(
                          "status",
                          "状态必须是 responding、following_up、reviewing、improving 或 closed 之一，收到："
                              + status));
    }
    return service.list(filter).stream().map(CaseView::of).toList();
  }

  public CaseDetail detail(String id) {
    requireReader();
    if (id == null || id.length() > 36) {
      throw new NotFoundException("危机公关事件不存在：" + id);
    }
    CrisisCase c = service.crisis(id);
    return new CaseDetail(
        CaseView.of(c),
        c.spread(),
        c.assessment(),
        c.initiator(),
        c.initiatorName(),
        c.firstResponseBy(),
        c.reviewReport(),
        c.archiveEntryId(),
        c.processInstanceId(),
        service.steps(id),
        service.improvements(id));
  }

  /**
   * The month's figures for the 月度通报: cases reported in {@code month} (YYYY-MM; absent = this month on the
   * engine clock), how many got a first response, how many within 30 minutes, average and longest response
   * minutes, how many were escalated to the leaders, and the cases themselves.
   */
  public MonthlyReport monthly(String month) {
    requireReader();
    YearMonth ym;
    if (month == null || month.isBlank()) {
      ym = YearMonth.from(EngineClock.today());
    } else {
      try {
        ym = YearMonth.parse(month.strip());
      } catch (DateTimeParseException e) {
        throw new ValidationException("month", "月份格式应为 YYYY-MM，例如 2026-12，收到：" + month);
      }
    }
    List<CrisisCase> cases =
        service.reportedBetween(
            ym.atDay(1).atStartOfDay(), ym.plusMonths(1).atDay(1).atStartOfDay());
    List<Integer> minutes =
        cases.stream().map(CrisisCase::responseMinutes).filter(m -> m != null).toList();
    return new MonthlyReport(
        ym.toString(),
        cases.size(),
        minutes.size(),
        (int) cases.stream().filter(c -> Boolean.TRUE.equals(c.withinTarget())).count(),
        minutes.isEmpty()
            ? null
            : Math.round(minutes.stream().mapToInt(Integer::intValue).average().orElse(0) * 10)
                / 10.0,
        minutes.stream().max(Integer::compare).orElse(null),
        (int) cases.stream().filter(c -> c.escalatedAt() != null).count(),
        CrisisVariables.TARGET_MINUTES,
        cases.stream().map(CaseView::of).toList());
  }

  private void requireReader() {
    if (!CurrentUser.inAnyGroup(identity, READER_ROLES)) {
      throw new NotFoundException("危机公关事件不存在");
    }
  }

  /** A case in the list: the report, levels, the 30-minute result. */
  public record CaseView(
      String id,
      String status,
      String statusLabel,
      String origin,
      String originLabel,
      String emergencyId,
      String emergencyLevel,
      String keyword,
      String source,
      String summary,
      String link,
      String impactLevel,
      LocalDateTime reportedAt,
      LocalDateTime firstResponseAt,
      String firstResponseByName,
      Integer responseMinutes,
      Boolean withinTarget,
      int targetMinutes,
      LocalDateTime warnedAt,
      LocalDateTime escalatedAt,
      LocalDateTime closedAt) {

    static CaseView of(CrisisCase c) {
      return new CaseView(
          c.id(),
          c.status().name(),
          c.status().label(),
          c.origin().name(),
          c.origin().label(),
          c.emergencyId(),
          c.emergencyLevel(),
          c.keyword(),
          c.source(),
          c.summary(),
          c.link(),
          c.impactLevel(),
          c.reportedAt(),
          c.firstResponseAt(),
          c.firstResponseByName(),
          c.responseMinutes(),
          c.withinTarget(),
          CrisisVariables.TARGET_MINUTES,
          c.warnedAt(),
          c.escalatedAt(),
          c.closedAt());
    }
  }

  /** The 危机公关 figures of one month (月度通报). */
  public record MonthlyReport(
      String month,
      int cases,
      int responded,
      int withinTarget,
      Double averageMinutes,
      Integer maxMinutes,
      int escalated,
      int targetMinutes,
      List<CaseView> list) {}

  /** One case with its timeline (every step: who, when, what, channel). */
  public record CaseDetail(
      CaseView crisis,
      String spread,
      String assessment,
      String initiator,
      String initiatorName,
      String firstResponseBy,
      String reviewReport,
      String archiveEntryId,
      String processInstanceId,
      List<CrisisStep> timeline,
      List<CrisisImprovement> improvements) {}
}
