package cn.officeflow.drill;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** One 应急演练 as stored in of_drill. */
public record Drill(
    String id,
    String processInstanceId,
    String quarter,
    String startedBy,
    String initiator,
    String initiatorName,
    String reason,
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
    String evaluatedBy,
    LocalDateTime evaluatedAt,
    String evaluationComment,
    DrillStatus status,
    LocalDateTime startedAt,
    LocalDateTime completedAt) {

  /** Evaluated (approved) by the end of its quarter: the drill covers the quarter. */
  public boolean completedWithinQuarter() {
    return status.completed()
        && evaluatedAt != null
        && !evaluatedAt.toLocalDate().isAfter(Quarter.parse(quarter, "quarter").end());
  }

  /** 2026年第四季度消防演练 (the type once planned). */
  public String title() {
    return Quarter.parse(quarter, "quarter").label()
        + (drillType == null ? "应急" : drillType)
        + "演练";
  }
}
