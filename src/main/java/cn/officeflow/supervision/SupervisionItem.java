package cn.officeflow.supervision;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** One 督办事项 (row of of_supervision_item). */
public record SupervisionItem(String id, String processInstanceId, String title, String basis, String requirements,
    String department, String departmentName, String handler, String handlerName, String initiator,
    String initiatorName, LocalDateTime startedAt, LocalDate due, LocalDateTime dueAt, LocalDateTime yellowAt,
    Light light, SupervisionStatus status, Integer score, String remarks, String escalatedTo,
    LocalDateTime completedAt, String assistingDepartments, String incomingDocumentId) {

  /** 协办部门 ids (empty when none). */
  public java.util.List<String> assistingDepartmentIds() {
    return assistingDepartments == null || assistingDepartments.isBlank() ? java.util.List.of()
        : java.util.List.of(assistingDepartments.split(","));
  }
}
