package cn.officeflow.platform.worklist;

import cn.officeflow.platform.web.ValidationException;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 我的工作 for the Tasklist plugin: {@code GET /api/worklist?view=todo|done|started|cc} — the current user's
 * 待办, 已办, 我发起的 or 抄送我的 ({@link WorklistService}); another view is 400 naming {@code view}.
 */
@RestController
public class WorklistController {

  private final WorklistService worklist;

  public WorklistController(WorklistService worklist) {
    this.worklist = worklist;
  }

  @GetMapping("/api/worklist")
  public List<WorklistEntry> list(
      @RequestParam(required = false, defaultValue = "todo") String view) {
    return switch (view) {
      case "todo" -> worklist.todo();
      case "done" -> worklist.done();
      case "started" -> worklist.started();
      case "cc" -> worklist.copiedToMe();
      default ->
          throw new ValidationException("view", "未知的列表：" + view + "（可选 todo、done、started、cc）");
    };
  }
}
