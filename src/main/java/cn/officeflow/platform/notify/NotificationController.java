package cn.officeflow.platform.notify;

import cn.officeflow.platform.engine.CurrentUser;
import cn.officeflow.platform.org.RoleGroups;
import cn.officeflow.platform.web.ValidationException;
import java.util.List;
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

  public NotificationController(NotificationService notifications, IdentityService identity) {
    this.notifications = notifications;
    this.identity = identity;
  }

  @GetMapping("/api/notifications")
  public List<Notification> list(@RequestParam String businessKey) {
    if (!CurrentUser.inAnyGroup(identity, READERS)) {
      throw new AuthorizationException("仅办公室、审计和管理员可以查看通知记录");
    }
    if (businessKey.isBlank() || businessKey.length() > 64) {
      throw new ValidationException("businessKey", "业务编号不能为空且不能超过 64 个字符");
    }
    return notifications.forBusinessKey(businessKey.strip());
  }
}
