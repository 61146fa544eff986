package cn.officeflow.platform.worklist;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * For the Tasklist task view and cards (scripts/officeflow-task): {@code GET /api/tasks/{taskId}/record} — the
 * task's business record (title, 文号/收文编号, 紧急程度), who has it and what the engine lets the caller change;
 * {@code GET /api/tasks/{taskId}/trail} — the review trail (审批意见) of its business record. Both 404 for a task
 * the caller may not read.
 */
@RestController
public class TaskRecordController {

  private final TaskRecordService records;

  public TaskRecordController(TaskRecordService records) {
    this.records = records;
  }

  @GetMapping("/api/tasks/{taskId}/record")
  public TaskRecordService.TaskRecord record(@PathVariable String taskId) {
    return records.record(taskId);
  }

  @GetMapping("/api/tasks/{taskId}/trail")
  public List<TaskRecordService.TrailEntry> trail(@PathVariable String taskId) {
    return records.trail(taskId);
  }
}
