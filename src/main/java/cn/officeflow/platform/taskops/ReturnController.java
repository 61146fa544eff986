package cn.officeflow.platform.taskops;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * 退回 and 撤回 (DESIGN.md §6): {@code GET /api/tasks/{id}/return-targets} → {@code [{activityId, name, assignee}]},
 * {@code POST /api/tasks/{id}/return} {@code {"target", "comment"}}, {@code POST /api/process-instances/{id}/withdraw}
 * {@code {"comment"}}. Refusals: 400 naming the field, 403, 404, 409 — JSON in Chinese.
 */
@RestController
public class ReturnController {

  private final ReturnService returns;
  private final WithdrawService withdrawals;

  public ReturnController(ReturnService returns, WithdrawService withdrawals) {
    this.returns = returns;
    this.withdrawals = withdrawals;
  }

  public record ReturnRequest(String target, String comment) {}

  public record WithdrawRequest(String comment) {}

  @GetMapping("/api/tasks/{taskId}/return-targets")
  public List<ReturnService.Target> targets(@PathVariable String taskId) {
    return returns.targets(taskId);
  }

  @PostMapping("/api/tasks/{taskId}/return")
  public ReturnService.Result returnTask(
      @PathVariable String taskId, @RequestBody(required = false) ReturnRequest request) {
    ReturnRequest r = request == null ? new ReturnRequest(null, null) : request;
    return returns.returnTask(taskId, r.target(), r.comment());
  }

  @PostMapping("/api/process-instances/{processInstanceId}/withdraw")
  public WithdrawService.Result withdraw(
      @PathVariable String processInstanceId,
      @RequestBody(required = false) WithdrawRequest request) {
    return withdrawals.withdraw(processInstanceId, request == null ? null : request.comment());
  }
}
