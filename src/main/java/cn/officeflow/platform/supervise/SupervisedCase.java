package cn.officeflow.platform.supervise;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A 督办事项 as another process sees it (收文 shows it, packs it into the archive, and checks who may read
 * it). {@code light} is {@code green}, {@code yellow} or {@code red}; {@code status} the item's status name.
 */
public record SupervisedCase(
    String id,
    String processInstanceId,
    String department,
    String departmentName,
    List<String> assistingDepartmentIds,
    String handler,
    String handlerName,
    LocalDate due,
    String light,
    String lightLabel,
    String status,
    Integer score,
    String remarks) {

  public SupervisedCase {
    assistingDepartmentIds = List.copyOf(assistingDepartmentIds);
  }

  /** A progress report of the handler; the last one with {@code finished} is the 办结报告. */
  public record Progress(String progress, boolean finished, String userName, LocalDateTime at) {}

  /** The opinion of an assisting department (协办意见). */
  public record AssistOpinion(
      String departmentName, String opinion, String userName, LocalDateTime at) {}
}
