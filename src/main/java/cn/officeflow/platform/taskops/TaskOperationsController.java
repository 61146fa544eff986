package cn.officeflow.platform.taskops;

import java.time.LocalDateTime;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Task operations (DESIGN.md §6): {@code POST /api/tasks/{id}/transfer} and {@code /delegate} with
 * {@code {"userId", "comment"}}, {@code POST /api/tasks/{id}/cc} with {@code {"userIds": [...], "comment"?}};
 * {@code GET /api/tasks/{id}/operations} (what the step allows); 抄送我的 {@code GET /api/cc?unread=true} and
 * 已阅 {@code POST /api/cc/{id}/read}. Refusals: 400 naming the field, 403, 404, 409 — JSON in Chinese.
 */
@RestController
public class TaskOperationsController {

  private final TaskOperationsService operations;
  private final CarbonCopyService copies;

  public TaskOperationsController(TaskOperationsService operations, CarbonCopyService copies) {
    this.operations = operations;
    this.copies = copies;
  }

  public record HandOverRequest(String userId, String comment) {}

  public record CcRequest(List<String> userIds, String comment) {}

  /** One entry of 抄送我的. */
  public record CcView(
      String id,
      String title,
      String processName,
      String taskName,
      String businessKey,
      String processInstanceId,
      String ccBy,
      String ccByName,
      LocalDateTime ccAt,
      boolean read,
      LocalDateTime readAt) {

    static CcView of(CarbonCopy cc) {
      return new CcView(
          cc.id(),
          cc.title(),
          cc.processName(),
          cc.taskName(),
          cc.businessKey(),
          cc.processInstanceId(),
          cc.ccBy(),
          cc.ccByName(),
          cc.ccAt(),
          cc.read(),
          cc.readAt());
    }
  }

  @GetMapping("/api/tasks/{taskId}/operations")
  public TaskOperationsService.Allowed allowed(@PathVariable String taskId) {
    return operations.allowed(taskId);
  }

  @PostMapping("/api/tasks/{taskId}/transfer")
  public TaskOperationsService.Result transfer(
      @PathVariable String taskId, @RequestBody(required = false) HandOverRequest request) {
    HandOverRequest r = request == null ? new HandOverRequest(null, null) : request;
    return operations.transfer(taskId, r.userId(), r.comment());
  }

  @PostMapping("/api/tasks/{taskId}/delegate")
  public TaskOperationsService.Result delegate(
      @PathVariable String taskId, @RequestBody(required = false) HandOverRequest request) {
    HandOverRequest r = request == null ? new HandOverRequest(null, null) : request;
    return operations.delegate(taskId, r.userId(), r.comment());
  }

  @PostMapping("/api/tasks/{taskId}/cc")
  public ResponseEntity<List<CcView>> cc(
      @PathVariable String taskId, @RequestBody(required = false) CcRequest request) {
    CcRequest r = request == null ? new CcRequest(null, null) : request;
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(operations.cc(taskId, r.userIds(), r.comment()).stream().map(CcView::of).toList());
  }

  @GetMapping("/api/cc")
  public List<CcView> mine(@RequestParam(required = false, defaultValue = "false") boolean unread) {
    return copies.mine(unread).stream().map(CcView::of).toList();
  }

  @PostMapping("/api/cc/{id}/read")
  public CcView read(@PathVariable String id) {
    return CcView.of(copies.markRead(id));
  }
}
