package cn.officeflow.supervision;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/** One 督办事项 (row of of_supervision_item). */
public record SupervisionItem(
    String id,
    String processInstanceId,
    String title,
    String basis,
    String requirements,
    String department,
    String departmentName,
    String handler,
    String handlerName,
    String initiator,
    String initiatorName,
    LocalDateTime startedAt,
    LocalDate due,
    LocalDateTime dueAt,
    LocalDateTime yellowAt,
    Light light,
    SupervisionStatus status,
    Integer score,
    String remarks,
    String escalatedTo,
    LocalDateTime completedAt,
    String assistingDepartments,
    String incomingDocumentId) {

  /** 协办部门 ids (empty when none). */
  public List<String> assistingDepartmentIds() {
    return assistingDepartments == null || assistingDepartments.isBlank()
        ? List.of()
        : List.of(assistingDepartments.split(","));
  }
}
