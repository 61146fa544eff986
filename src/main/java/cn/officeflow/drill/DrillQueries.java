package cn.officeflow.drill;

import cn.officeflow.platform.engine.CurrentUser;
import cn.officeflow.platform.engine.EngineClock;
import cn.officeflow.platform.org.RoleGroups;
import cn.officeflow.platform.web.NotFoundException;
import cn.officeflow.platform.web.ValidationException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Service;

/**
 * The REST side of 应急演练: drills per quarter with their status, and the past quarters without a completed
 * drill. Read by 应急指挥, 单位领导, 办公室主任, 审计 and 管理员; anyone else gets 403 (the list) or 404 (a drill).
 */
@Service
public class DrillQueries {

  static final Set<String> READER_ROLES =
      Set.of(
          DrillService.EMERGENCY_COMMAND,
          RoleGroups.LEADERS,
          RoleGroups.OFFICE_DIRECTOR,
          RoleGroups.AUDITORS,
          RoleGroups.CAMUNDA_ADMIN);

  private final DrillService service;
  private final IdentityService identity;

  public DrillQueries(DrillService service, IdentityService identity) {
    this.service = service;
    this.identity = identity;
  }

  /**
   * Quarters from the earliest known (a drill or a check) to the current one, newest first, optionally of one
   * year; each with its drills and whether it is covered, missed (ended without a completed drill) or current.
   */
  public Overview drills(String year) {
    CurrentUser.requireAnyGroup(identity, READER_ROLES, "查看应急演练");
    Integer wantedYear = null;
    if (year != null) {
      if (!year.strip().matches("\\d{4}")) {
        throw new ValidationException("year", "年份必须是四位数字（如 2026），收到：" + year);
      }
      wantedYear = Integer.parseInt(year.strip());
    }
    Quarter current = Quarter.of(EngineClock.today());
    List<Drill> all = service.all();
    Map<String, DrillRepository.QuarterCheck> checks =
        service.checks().stream()
            .collect(Collectors.toMap(DrillRepository.QuarterCheck::quarter, Function.identity()));
    TreeSet<Quarter> known = new TreeSet<>();
    all.forEach(d -> known.add(Quarter.parse(d.quarter(), "quarter")));
    checks.keySet().forEach(q -> known.add(Quarter.parse(q, "quarter")));
    known.add(current);
    Map<Quarter, List<Drill>> byQuarter = new TreeMap<>();
    for (Quarter q = known.first(); q.compareTo(current) <= 0; q = q.next()) {
      byQuarter.put(q, new ArrayList<>());
    }
    for (Drill d : all) {
      byQuarter
          .computeIfAbsent(Quarter.parse(d.quarter(), "quarter"), q -> new ArrayList<>())
          .add(d);
    }
    List<QuarterView> quarters = new ArrayList<>();
    List<String> missed = new ArrayList<>();
    for (Map.Entry<Quarter, List<Drill>> e : byQuarter.entrySet()) {
      Quarter q = e.getKey();
      if (wantedYear != null && q.year() != wantedYear) {
        continue;
      }
      long completed = e.getValue().stream().filter(Drill::completedWithinQuarter).count();
      DrillRepository.QuarterCheck check = checks.get(q.toString());
      String coverage;
      if (q.compareTo(current) >= 0) {
        coverage = completed > 0 ? "COVERED" : "CURRENT";
      } else if (check != null) {
        coverage = check.covered() ? "COVERED" : "MISSED";
      } else {
        coverage = completed > 0 ? "COVERED" : "MISSED";
      }
      if ("MISSED".equals(coverage)) {
        missed.add(q.toString());
      }
      quarters.add(
          new QuarterView(
              q.toString(),
              q.label(),
              q.start(),
              q.end(),
              coverage,
              (int) completed,
              check == null ? null : check.checkedAt(),
              check != null && !check.covered(),
              e.getValue().stream().map(d -> DrillView.of(d, null)).toList()));
    }
    quarters.sort((a, b) -> b.quarter().compareTo(a.quarter()));
    missed.sort((a, b) -> b.compareTo(a));
    return new Overview(current.toString(), quarters, missed);
  }

  /** One drill with its improvement items; 404 for users outside the reader roles. */
  public DrillView drill(String id) {
    if (!CurrentUser.inAnyGroup(identity, READER_ROLES)) {
      throw new NotFoundException("应急演练不存在：" + id);
    }
    Drill drill = service.drill(id);
    return DrillView.of(drill, service.items(id));
  }

  public record Overview(
      String currentQuarter, List<QuarterView> quarters, List<String> quartersWithoutDrill) {}

  public record QuarterView(
      String quarter,
      String label,
      LocalDate from,
      LocalDate to,
      String coverage,
      int completedDrills,
      LocalDateTime checkedAt,
      boolean reportedToLeaders,
      List<DrillView> drills) {}

  public record DrillView(
      String id,
      String title,
      String quarter,
      String startedBy,
      String initiatorName,
      String drillType,
      LocalDate plannedDate,
      String plannedTime,
      String place,
      String scenario,
      String organiser,
      String organiserName,
      Integer notifiedCount,
      Integer participantCount,
      String participants,
      Integer evacuationSeconds,
      Integer headcountExpected,
      Integer headcountPresent,
      Integer headcountSeconds,
      String issues,
      LocalDateTime conductedAt,
      LocalDateTime evaluatedAt,
      String evaluationComment,
      String status,
      String statusLabel,
      boolean completed,
      LocalDateTime startedAt,
      LocalDateTime completedAt,
      List<ItemView> improvementItems) {

    static DrillView of(Drill d, List<DrillRepository.ImprovementRow> items) {
      return new DrillView(
          d.id(),
          d.title(),
          d.quarter(),
          d.startedBy(),
          d.initiatorName(),
          d.drillType(),
          d.plannedDate(),
          d.plannedTime(),
          d.place(),
          d.scenario(),
          d.organiser(),
          d.organiserName(),
          d.notifiedCount(),
          d.participantCount(),
          d.participants(),
          d.evacuationSeconds(),
          d.headcountExpected(),
          d.headcountPresent(),
          d.headcountSeconds(),
          d.issues(),
          d.conductedAt(),
          d.evaluatedAt(),
          d.evaluationComment(),
          d.status().name(),
          d.status().label(),
          d.status().completed(),
          d.startedAt(),
          d.completedAt(),
          items == null ? null : items.stream().map(ItemView::of).toList());
    }
  }

  public record ItemView(
      int seq,
      String text,
      String ownerId,
      String ownerName,
      LocalDate due,
      String status,
      String result,
      LocalDateTime doneAt) {
    static ItemView of(DrillRepository.ImprovementRow i) {
      return new ItemView(
          i.seq(),
          i.text(),
          i.ownerId(),
          i.ownerName(),
          i.due(),
          i.status(),
          i.result(),
          i.doneAt());
    }
  }
}
