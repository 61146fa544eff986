package cn.officeflow.emergency;

import java.time.LocalDateTime;

/** One emergency case (of_emergency): the report, its level and the times of its key steps. */
public record Emergency(
    String id,
    String processInstanceId,
    String reporter,
    String reporterName,
    LocalDateTime reportedAt,
    String dimension,
    String scenario,
    String location,
    String description,
    int injured,
    String level,
    EmergencyStatus status,
    LocalDateTime alertedAt,
    LocalDateTime safetyConfirmedAt,
    String safetyConfirmedBy,
    LocalDateTime onSiteDoneAt,
    String checklist,
    LocalDateTime supportDoneAt,
    LocalDateTime assetsDoneAt,
    LocalDateTime crisisDoneAt,
    Long crisisResponseMinutes,
    LocalDateTime closedAt,
    LocalDateTime reviewDueAt,
    LocalDateTime reviewedAt,
    String lessons,
    String archiveEntryId,
    LocalDateTime doneAt) {

  public boolean closed() {
    return closedAt != null;
  }
}
