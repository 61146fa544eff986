package cn.officeflow.platform.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import cn.officeflow.platform.engine.DeployedProcessHook;
import cn.officeflow.platform.org.OrganisationBootstrap;
import cn.officeflow.platform.org.RoleGroups;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.UserOperationLogCategoryPermissions;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.DependsOn;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * The security model of DESIGN.md §5, granted at start-up (idempotently):
 * <ul>
 *   <li>the admin user from OFFICEFLOW_ADMIN_USER / OFFICEFLOW_ADMIN_PASSWORD in {@code camunda-admin},
 *       which alone holds ALL on every resource (and so the Admin webapp) — for bootstrap only: day-to-day
 *       administration is split between system, security and audit administrators (三权分立, below);</li>
 *   <li>{@code staff}: Tasklist, their own filter 「我的待办」, reading users, groups, deployments and
 *       process definitions (forms and diagrams), creating process instances;</li>
 *   <li>start permission (READ + CREATE_INSTANCE) on each process for the groups and users named in
 *       its {@code camunda:candidateStarterGroups}/{@code candidateStarterUsers} ({@link
 *       StartPermissions}, also at every deployment);</li>
 *   <li>{@code office-director}, {@code office-clerks}: read every task and every filter (全部任务, 超期事项:
 *       督办, 催办 from Tasklist);</li>
 *   <li>{@code auditors}: Cockpit and read-only access including history, nothing else;</li>
 *   <li>{@code integrations}: start by message the processes waiting for a configured message;</li>
 *   <li>{@code process-designers}: deploy and read definitions, nothing else.</li>
 * </ul>
 * Task access comes from candidate users/groups and assignees; the engine grants it itself.
 */
@Component
@DependsOn("mysqlCharsetConverter")
public class AccessBootstrap implements InitializingBean {

  private static final Logger LOG = LoggerFactory.getLogger(AccessBootstrap.class);

  private final AuthorizationService authorizations;
  private final IdentityService identity;
  private final RepositoryService repository;
  private final Environment environment;
  private final String adminUser;
  private final String adminPassword;
  private final StartPermissions startPermissions;
  private final Grants grants;

  public AccessBootstrap(
      ProcessEngine engine,
      OrganisationBootstrap organisation,
      Environment environment,
      @Value("${officeflow.admin.user:admin}") String adminUser,
      @Value("${officeflow.admin.password:}") String adminPassword,
      StartPermissions startPermissions) {
    this.authorizations = engine.getAuthorizationService();
    this.identity = engine.getIdentityService();
    this.repository = engine.getRepositoryService();
    this.environment = environment;
    this.adminUser = adminUser;
    this.adminPassword = adminPassword;
    this.startPermissions = startPermissions;
    this.grants = new Grants(authorizations);
  }

  @Override
  public void afterPropertiesSet() {
    ensureAdmin();
    for (Resources resource : Resources.values()) {
      grant(RoleGroups.CAMUNDA_ADMIN, resource, ANY, Permissions.ALL);
    }
    grantStaff();
    grantOffice();
    grantAuditors(RoleGroups.AUDITORS);
    grantAdministrators();
    grantDesigners();
    grantStarters();
  }

  private void ensureAdmin() {
    if (adminPassword == null || adminPassword.isBlank()) {
      if (environment.acceptsProfiles(Profiles.of("mysql"))) {
        throw new IllegalStateException(
            "未设置管理员密码：使用 mysql 配置时必须设置环境变量 OFFICEFLOW_ADMIN_PASSWORD"
                + "（OFFICEFLOW_ADMIN_PASSWORD is required with the mysql profile）");
      }
      return;
    }
    if (identity.createUserQuery().userId(adminUser).count() == 0) {
      User user = identity.newUser(adminUser);
      user.setFirstName("系统");
      user.setLastName("管理员");
      user.setPassword(adminPassword);
      identity.saveUser(user);
      LOG.info("Admin user {} created", adminUser);
    }
    if (identity.createUserQuery().userId(adminUser).memberOfGroup(RoleGroups.CAMUNDA_ADMIN).count()
        == 0) {
      identity.createMembership(adminUser, RoleGroups.CAMUNDA_ADMIN);
    }
  }

  private void grantStaff() {
    String staff = RoleGroups.STAFF;
    grant(staff, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    // staff see their own filter 「我的待办」 (TaskFiltersBootstrap), not the office's 「全部任务」/「超期事项」:
    // a grant on every filter from an earlier version is taken back
    Authorization everyFilter =
        authorizations
            .createAuthorizationQuery()
            .authorizationType(AUTH_TYPE_GRANT)
            .groupIdIn(staff)
            .resourceType(Resources.FILTER)
            .resourceId(ANY)
            .singleResult();
    if (everyFilter != null) {
      authorizations.deleteAuthorization(everyFilter.getId());
    }
    grant(staff, Resources.USER, ANY, Permissions.READ);
    grant(staff, Resources.GROUP, ANY, Permissions.READ);
    grant(staff, Resources.DEPLOYMENT, ANY, Permissions.READ);
    grant(staff, Resources.PROCESS_DEFINITION, ANY, Permissions.READ);
    grant(staff, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
  }

  /**
   * 办公室主任 and 文书 supervise (督办): they see every open task in Tasklist, read-only, so that they can
   * send a 催办; claiming or completing still needs the task's candidate rights.
   */
  private void grantOffice() {
    for (String office : new String[] {RoleGroups.OFFICE_DIRECTOR, RoleGroups.OFFICE_CLERKS}) {
      grant(office, Resources.TASK, ANY, Permissions.READ);
      grant(office, Resources.FILTER, ANY, Permissions.READ);
    }
  }

  private void grantAuditors(String auditors) {
    grant(auditors, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    grant(auditors, Resources.PROCESS_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
    grant(auditors, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
    grant(auditors, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);
    grant(auditors, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
    grant(auditors, Resources.TASK, ANY, Permissions.READ);
    grant(auditors, Resources.DEPLOYMENT, ANY, Permissions.READ);
    grant(auditors, Resources.HISTORIC_TASK, ANY, HistoricTaskPermissions.READ);
    grant(
        auditors,
        Resources.HISTORIC_PROCESS_INSTANCE,
        ANY,
        HistoricProcessInstancePermissions.READ);
    grant(
        auditors, Resources.OPERATION_LOG_CATEGORY, ANY, UserOperationLogCategoryPermissions.READ);
    grant(auditors, Resources.USER, ANY, Permissions.READ);
    grant(auditors, Resources.GROUP, ANY, Permissions.READ);
  }

  /**
   * 三权分立: three administrators' groups, none all-powerful; {@code AdminSeparation} (engine guard) keeps
   * each from granting itself the others' rights or touching the others' accounts.
   * <ul>
   *   <li>{@code system-admins} (系统管理员): the Admin webapp's users, groups, memberships and tenants, and
   *       deployments (Cockpit's deployments view, Modeler, REST); no authorizations, no business data;</li>
   *   <li>{@code security-admins} (安全管理员): the Admin webapp's authorizations, reading users and groups;
   *       unlocks, password expiry and TOTP resets over /api/account;</li>
   *   <li>{@code audit-admins} (审计管理员): Cockpit read-only like {@code auditors}, reading the
   *       authorizations in Admin, and the access audit log (/api/audit/events); read-only everywhere.</li>
   * </ul>
   */
  private void grantAdministrators() {
    String system = RoleGroups.SYSTEM_ADMINS;
    grant(system, Resources.APPLICATION, "admin", Permissions.ACCESS);
    grant(system, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    for (Resources resource :
        new Resources[] {
          Resources.USER,
          Resources.GROUP,
          Resources.GROUP_MEMBERSHIP,
          Resources.TENANT,
          Resources.TENANT_MEMBERSHIP,
          Resources.DEPLOYMENT
        }) {
      grant(system, resource, ANY, Permissions.ALL);
    }
    grant(system, Resources.PROCESS_DEFINITION, ANY, Permissions.READ);
    grant(system, Resources.DECISION_DEFINITION, ANY, Permissions.READ);
    grant(system, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);

    String security = RoleGroups.SECURITY_ADMINS;
    grant(security, Resources.APPLICATION, "admin", Permissions.ACCESS);
    grant(security, Resources.AUTHORIZATION, ANY, Permissions.ALL);
    grant(security, Resources.USER, ANY, Permissions.READ);
    grant(security, Resources.GROUP, ANY, Permissions.READ);
    grant(security, Resources.TENANT, ANY, Permissions.READ);

    String audit = RoleGroups.AUDIT_ADMINS;
    grantAuditors(audit);
    grant(audit, Resources.APPLICATION, "admin", Permissions.ACCESS);
    grant(audit, Resources.AUTHORIZATION, ANY, Permissions.READ);
  }

  /**
   * {@code process-designers} (流程设计): deploy .bpmn/.dmn/.form (Modeler's deploy dialog) and read
   * deployments and definitions; nothing on tasks, instances or history, and the API filter keeps them
   * out of /api (business data). A model they deploy is checked by the engine's deployment guard.
   */
  private void grantDesigners() {
    String designers = RoleGroups.PROCESS_DESIGNERS;
    grant(designers, Resources.DEPLOYMENT, ANY, Permissions.CREATE, Permissions.READ);
    grant(designers, Resources.PROCESS_DEFINITION, ANY, Permissions.READ);
    grant(designers, Resources.DECISION_DEFINITION, ANY, Permissions.READ);
    grant(designers, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);
  }

  /**
   * The start permissions of the latest version of every process ({@link StartPermissions}): also done at
   * each deployment, this pass covers definitions deployed before that hook existed.
   */
  private void grantStarters() {
    List<DeployedProcessHook.DeployedProcess> processes =
        repository.createProcessDefinitionQuery().latestVersion().list().stream()
            .map(
                definition ->
                    new DeployedProcessHook.DeployedProcess(
                        definition.getKey(), repository.getBpmnModelInstance(definition.getId())))
            .toList();
    startPermissions.deployed(authorizations, processes);
  }

  private void grant(
      String groupId, Resource resource, String resourceId, Permission... permissions) {
    grants.group(groupId, resource, resourceId, permissions);
  }
}
