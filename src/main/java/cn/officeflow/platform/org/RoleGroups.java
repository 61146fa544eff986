package cn.officeflow.platform.org;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The role groups of DESIGN.md §4. They always exist: created at start-up, with or without demo data. */
public final class RoleGroups {

  public static final String STAFF = "staff";
  public static final String DEPT_HEADS = "dept-heads";
  public static final String DEPUTY_LEADERS = "deputy-leaders";
  public static final String LEADERS = "leaders";
  public static final String OFFICE_CLERKS = "office-clerks";
  public static final String OFFICE_DIRECTOR = "office-director";
  public static final String LEGAL = "legal";
  public static final String PROOFREADERS = "proofreaders";
  public static final String AUDITORS = "auditors";
  public static final String INTEGRATIONS = "integrations";

  /** 流程设计: deploy .bpmn/.dmn/.form from Modeler and read definitions; no tasks, no business data. */
  public static final String PROCESS_DESIGNERS = "process-designers";

  /**
   * 初始管理员: holds every right (Camunda's own admin group). Only for bootstrap — creating the first system,
   * security and audit administrators — and emergencies; day-to-day administration is split between the three
   * groups below (三权分立).
   */
  public static final String CAMUNDA_ADMIN = "camunda-admin";

  /** 系统管理员: users, groups, memberships (but not of the administrators' groups), deployments. */
  public static final String SYSTEM_ADMINS = "system-admins";

  /** 安全管理员: authorizations (not for themselves or administrators), unlocks, password expiry, TOTP resets. */
  public static final String SECURITY_ADMINS = "security-admins";

  /** 审计管理员: reads the access audit log (/api/audit/*, Cockpit read-only); changes nothing. */
  public static final String AUDIT_ADMINS = "audit-admins";

  /** Group type of departments; their ids start with {@link #DEPARTMENT_PREFIX}. */
  public static final String DEPARTMENT_TYPE = "department";

  public static final String DEPARTMENT_PREFIX = "dept-";

  /** Group type of the role groups. */
  public static final String ROLE_TYPE = "role";

  /** Roles that read every 公文 record (发文台账, 收文登记簿): 办公室主任, 单位领导, 文书, 审计, 管理员. */
  public static final Set<String> DOCUMENT_READERS =
      Set.of(OFFICE_DIRECTOR, LEADERS, OFFICE_CLERKS, AUDITORS, CAMUNDA_ADMIN);

  /** id → Chinese name, in the order of DESIGN.md. */
  public static final Map<String, String> ALL = new LinkedHashMap<>();

  static {
    ALL.put(STAFF, "全体员工");
    ALL.put(DEPT_HEADS, "部门负责人");
    ALL.put(DEPUTY_LEADERS, "分管领导");
    ALL.put(LEADERS, "单位领导");
    ALL.put(OFFICE_CLERKS, "文书/收发/机要");
    ALL.put(OFFICE_DIRECTOR, "办公室主任");
    ALL.put(LEGAL, "法务");
    ALL.put(PROOFREADERS, "校对");
    ALL.put("finance", "财务");
    ALL.put("procurement", "采购");
    ALL.put("warehouse", "仓管");
    ALL.put("emergency-command", "应急指挥");
    ALL.put("pr-team", "品牌/舆情");
    ALL.put("it-support", "信息技术支持");
    ALL.put("fleet", "车辆调度");
    ALL.put("reception", "前台");
    ALL.put(AUDITORS, "审计");
    ALL.put(PROCESS_DESIGNERS, "流程设计");
    ALL.put(INTEGRATIONS, "系统对接");
    ALL.put(SYSTEM_ADMINS, "系统管理员");
    ALL.put(SECURITY_ADMINS, "安全管理员");
    ALL.put(AUDIT_ADMINS, "审计管理员");
    ALL.put(CAMUNDA_ADMIN, "初始管理员（仅用于初始化）");
  }

  private RoleGroups() {}
}
