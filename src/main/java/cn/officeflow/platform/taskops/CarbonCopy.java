package cn.officeflow.platform.taskops;

import java.time.LocalDateTime;

/** One 抄送 (a row of {@code of_cc}): {@code userId} may read the record {@code businessKey}. */
public record CarbonCopy(
    String id,
    String businessKey,
    String processKey,
    String processName,
    String processInstanceId,
    String taskId,
    String taskName,
    String title,
    String userId,
    String ccBy,
    String ccByName,
    LocalDateTime ccAt,
    LocalDateTime readAt) {

  public boolean read() {
    return readAt != null;
  }
}
