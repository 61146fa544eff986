package cn.officeflow.platform.taskops;

import java.time.LocalDateTime;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * 加签 and 减签 (DESIGN.md §6): {@code POST /api/tasks/{id}/add-signers} {@code {"userIds": [...], "mode":
 * "before"|"after", "comment"}} (201, the step's signers), {@code DELETE /api/tasks/{id}/signers/{userId}} (the
 * signers left), {@code GET /api/tasks/{id}/signers}; a signer decides with
 * {@code POST /api/signers/{subtaskId}/decide} {@code {"decision": "approve"|"reject", "comment"}}.
 * Refusals: 400 naming the field, 403, 404, 409 — in Chinese.
 */
@RestController
public class SignersController {

  private final SignersService signers;

  public SignersController(SignersService signers) {
    this.signers = signers;
  }

  public record AddRequest(List<String> userIds, String mode, String comment) {}

  public record DecideRequest(Object decision, Object comment) {}

  /** One signer of a step. */
  public record SignerView(
      String userId,
      String taskId,
      String subtaskId,
      String step,
      String mode,
      int order,
      String addedBy,
      LocalDateTime addedAt,
      String decision,
      String comment,
      LocalDateTime decidedAt) {

    static SignerView of(Signer s) {
      return new SignerView(
          s.userId(),
          s.taskId(),
          s.subtaskId(),
          s.stepName(),
          s.mode(),
          s.seq(),
          s.addedBy(),
          s.addedAt(),
          s.decision(),
          s.comment(),
          s.decidedAt());
    }
  }

  @PostMapping("/api/tasks/{taskId}/add-signers")
  public ResponseEntity<List<SignerView>> add(
      @PathVariable String taskId, @RequestBody(required = false) AddRequest request) {
    AddRequest r = request == null ? new AddRequest(null, null, null) : request;
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(views(signers.add(taskId, r.userIds(), r.mode(), r.comment())));
  }

  @DeleteMapping("/api/tasks/{taskId}/signers/{userId}")
  public List<SignerView> remove(@PathVariable String taskId, @PathVariable String userId) {
    return views(signers.remove(taskId, userId));
  }

  @GetMapping("/api/tasks/{taskId}/signers")
  public List<SignerView> list(@PathVariable String taskId) {
    return views(signers.list(taskId));
  }

  @PostMapping("/api/signers/{subtaskId}/decide")
  public SignerView decide(
      @PathVariable String subtaskId, @RequestBody(required = false) DecideRequest request) {
    DecideRequest r = request == null ? new DecideRequest(null, null) : request;
    return SignerView.of(signers.decide(subtaskId, r.decision(), r.comment()));
  }

  private static List<SignerView> views(List<Signer> list) {
    return list.stream().map(SignerView::of).toList();
  }
}
