package cn.officeflow.platform.notify;

import cn.officeflow.platform.engine.CurrentUser;
import cn.officeflow.platform.org.RoleGroups;
import cn.officeflow.platform.web.ValidationException;
import cn.officeflow.platform.worklist.BusinessRecords;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** GET /api/notifications?businessKey=… — the notifications of a business record, newest first. */
@RestController
public class NotificationController {

  /** The office, the auditors and the administrators read notification records. */
  static final Set<String> READERS =
      Set.of(
          RoleGroups.OFFICE_DIRECTOR,
          RoleGroups.OFFICE_CLERKS,
          RoleGroups.AUDITORS,
          RoleGroups.CAMUNDA_ADMIN);

  private final NotificationService notifications;
  private final IdentityService identity;
  private final List<BusinessRecords> records;

  public NotificationController(
      NotificationService notifications, IdentityService identity, List<BusinessRecords> records) {
    this.notifications = notifications;
    this.identity = identity;
    this.records = records;
  }

  @GetMapping("/api/notifications")
  public List<Notification> list(@RequestParam String businessKey) {
    if (businessKey.isBlank() || businessKey.length() > 64) {
      throw new ValidationException("businessKey", "业务编号不能为空且不能超过 64 个字符");
    }
    String key = businessKey.strip();
    if (!CurrentUser.inAnyGroup(identity, READERS) && !readableByProcess(key)) {
      throw new AuthorizationException("仅办公室、审计、管理员和有权查看该业务记录的人可以查看其通知记录");
    }
    return notifications.forBusinessKey(key);
  }

  /** Whether the process that owns the record lets the current user read it (应急: its participants …). */
  private boolean readableByProcess(String businessKey) {
    for (BusinessRecords process : records) {
      Optional<Boolean> readable = process.readableByCurrentUser(businessKey);
      if (readable.isPresent()) {
        return readable.get();
      }
    }
    return false;
  }
}
