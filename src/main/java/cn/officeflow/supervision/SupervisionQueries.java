package cn.officeflow.supervision;

import cn.officeflow.platform.engine.CurrentUser;
import cn.officeflow.platform.org.RoleGroups;
import cn.officeflow.platform.web.ValidationException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Service;

/**
 * The REST side of 督查督办 with its access rules: 办公室主任, 文书, 单位领导, 分管领导, 审计 and 管理员 read the
 * 督办台账 (红黄绿灯) and the 通报 list; anyone else gets 403.
 */
@Service
public class SupervisionQueries {

  static final Set<String> READER_ROLES =
      Set.of(
          RoleGroups.OFFICE_DIRECTOR,
          RoleGroups.OFFICE_CLERKS,
          RoleGroups.LEADERS,
          RoleGroups.DEPUTY_LEADERS,
          RoleGroups.AUDITORS,
          RoleGroups.CAMUNDA_ADMIN);

  private final SupervisionService service;
  private final IdentityService identity;

  public SupervisionQueries(SupervisionService service, IdentityService identity) {
    this.service = service;
    this.identity = identity;
  }

  /** {@code light} green | yellow | red (any case) or absent for all; anything else → 400 naming light. */
  public List<ItemView> items(String light) {
    requireRole("查询督办事项");
    Light filter = null;
    if (light != null) {
      filter =
          Light.parse(light)
              .orElseThrow(
                  () ->
                      new ValidationException("light", "灯色必须是 green、yellow 或 red 之一，收到：" + light));
    }
    return service.list(filter).stream().map(ItemView::of).toList();
  }

  public List<BulletinEntry> bulletin() {
    requireRole("查看督办通报");
    return service.bulletin();
  }

  private void requireRole(String action) {
    CurrentUser.requireAnyGroup(identity, READER_ROLES, action);
  }

  /** One item as JSON: the contract fields (id, title, department, handler, due, light) and readable extras. */
  public record ItemView(
      String id,
      String title,
      String department,
      String handler,
      LocalDate due,
      String light,
      String departmentName,
      String handlerName,
      String lightLabel,
      String status,
      LocalDateTime startedAt,
      Integer score,
      String remarks,
      String escalatedTo) {

    static ItemView of(SupervisionItem i) {
      return new ItemView(
          i.id(),
          i.title(),
          i.department(),
          i.handler(),
          i.due(),
          i.light().name().toLowerCase(),
          i.departmentName(),
          i.handlerName(),
          i.light().label(),
          i.status().name(),
          i.startedAt(),
          i.score(),
          i.remarks(),
          i.escalatedTo());
    }
  }
}
