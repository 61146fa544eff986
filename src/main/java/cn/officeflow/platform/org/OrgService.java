package cn.officeflow.platform.org;

import cn.officeflow.platform.forms.FormOptionSource;
import cn.officeflow.platform.web.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Service;

/**
 * The organisation model of DESIGN.md §4, read from Camunda's identity tables (managed in Admin).
 * Exposed to BPMN expressions as {@code ${orgService...}}.
 */
@Service("orgService")
public class OrgService {

  private final IdentityService identityService;

  public OrgService(IdentityService identityService) {
    this.identityService = identityService;
  }

  /** The department groups (type {@code department}, id {@code dept-*}) the user belongs to. */
  public List<Group> departmentsOf(String userId) {
    return identityService
        .createGroupQuery()
        .groupMember(userId)
        .groupType(RoleGroups.DEPARTMENT_TYPE)
        .list()
        .stream()
        .filter(g -> g.getId().startsWith(RoleGroups.DEPARTMENT_PREFIX))
        .toList();
  }

  /** The user's single department; a user in none or in several gets a clear error. */
  public Group departmentOf(String userId) {
    List<Group> departments = departmentsOf(userId);
    if (departments.isEmpty()) {
      throw new OrgException(
          "用户 " + displayName(userId) + "（" + userId + "）不属于任何部门，请管理员在 Admin 中将其加入一个部门");
    }
    if (departments.size() > 1) {
      throw new OrgException(
          "用户 "
              + displayName(userId)
              + "（"
              + userId
              + "）同时属于多个部门："
              + departments.stream().map(Group::getName).toList()
              + "，无法确定其所在部门");
    }
    return departments.get(0);
  }

  public Optional<Group> department(String departmentId) {
    if (departmentId == null || !departmentId.startsWith(RoleGroups.DEPARTMENT_PREFIX)) {
      return Optional.empty();
    }
    return Optional.ofNullable(
        identityService
            .createGroupQuery()
            .groupId(departmentId)
            .groupType(RoleGroups.DEPARTMENT_TYPE)
            .singleResult());
  }

  /**
   * A department chosen in a form that must have a 部门负责人 (its tasks go to them): 400 naming {@code field}
   * when it does not exist or has no head. {@code label} names the role in the message (主办部门, 协办部门 …).
   */
  public Group departmentWithHead(String departmentId, String field, String label) {
    Group group =
        department(departmentId)
            .orElseThrow(
                () ->
                    new ValidationException(
                        field, label + "不存在：" + departmentId + "（部门编号以 dept- 开头）"));
    if (departmentHeads(departmentId).isEmpty()) {
      throw new ValidationException(field, label + "“" + group.getName() + "”没有部门负责人");
    }
    return group;
  }

  /**
   * Further departments beside {@code own} (协办, 会签): each must exist and have a 部门负责人, none may be
   * {@code own}, at most 10; 400 naming {@code field} otherwise.
   */
  public List<Group> otherDepartmentsWithHead(
      List<String> departmentIds, Group own, String field, String label) {
    if (departmentIds.size() > 10) {
      throw new ValidationException(field, label + "不能超过 10 个");
    }
    List<Group> groups = new ArrayList<>();
    for (String id : departmentIds) {
      if (own != null && id.equals(own.getId())) {
        throw new ValidationException(field, label + "不能是" + own.getName() + "本身");
      }
      groups.add(departmentWithHead(id, field, label));
    }
    return groups;
  }

  /** 部门负责人 of a department: its members who are also in {@code dept-heads}. */
  public List<String> departmentHeads(String departmentId) {
    return membersInRole(departmentId, RoleGroups.DEPT_HEADS);
  }

  /** 分管领导 of a department: its members who are also in {@code deputy-leaders}. */
  public List<String> deputyLeaders(String departmentId) {
    return membersInRole(departmentId, RoleGroups.DEPUTY_LEADERS);
  }

  /** Members of a group (role or department), by user id. */
  public List<String> members(String groupId) {
    return identityService
        .createUserQuery()
        .memberOfGroup(groupId)
        .orderByUserId()
        .asc()
        .list()
        .stream()
        .map(User::getId)
        .toList();
  }

  /** The members of a group as form choices, 「姓名（用户名）」, ordered by user id. */
  public List<FormOptionSource.FormOption> memberOptions(String groupId) {
    return members(groupId).stream()
        .map(id -> new FormOptionSource.FormOption(displayName(id) + "（" + id + "）", id))
        .toList();
  }

  /** Whether a user with this id exists. */
  public boolean userExists(String userId) {
    return userId != null
        && !userId.isBlank()
        && identityService.createUserQuery().userId(userId).count() > 0;
  }

  /**
   * The ids of the users whose display name ({@link #displayName}: 姓 + 名) is {@code name}; a surname
   * of one or two characters (张, 欧阳) is tried.
   */
  public List<String> usersNamed(String name) {
    List<String> ids = new ArrayList<>();
    if (name == null) {
      return ids;
    }
    for (int surname = 1; surname <= Math.min(2, name.length() - 1); surname++) {
      identityService
          .createUserQuery()
          .userFirstName(name.substring(0, surname))
          .userLastName(name.substring(surname))
          .list()
          .forEach(user -> ids.add(user.getId()));
    }
    return ids;
  }

  public boolean isMember(String userId, String groupId) {
    return identityService.createUserQuery().userId(userId).memberOfGroup(groupId).count() > 0;
  }

  /**
   * Chinese display name: 姓 then 名 (张 + 伟 = 张伟); the id when unknown. Camunda's first name field holds
   * the 姓 and the last name field the 名 (the Chinese Admin labels them 姓 and 名), because the webapps
   * show "first last".
   */
  public String displayName(String userId) {
    if (userId == null) {
      return "";
    }
    User user = identityService.createUserQuery().userId(userId).singleResult();
    if (user == null) {
      return userId;
    }
    String name = nullToEmpty(user.getFirstName()) + nullToEmpty(user.getLastName());
    return name.isBlank() ? userId : name;
  }

  /** The people's names for a sentence: 张伟、李娜. */
  public String displayNames(Iterable<String> userIds) {
    List<String> names = new ArrayList<>();
    userIds.forEach(id -> names.add(displayName(id)));
    return String.join("、", names);
  }

  public String groupName(String groupId) {
    Group group = identityService.createGroupQuery().groupId(groupId).singleResult();
    return group == null ? groupId : group.getName();
  }

  private List<String> membersInRole(String departmentId, String roleGroup) {
    List<String> inRole =
        identityService.createUserQuery().memberOfGroup(roleGroup).list().stream()
            .map(User::getId)
            .toList();
    return identityService
        .createUserQuery()
        .memberOfGroup(departmentId)
        .orderByUserId()
        .asc()
        .list()
        .stream()
        .map(User::getId)
        .filter(inRole::contains)
        .toList();
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
