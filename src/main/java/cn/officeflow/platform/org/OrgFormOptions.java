package cn.officeflow.platform.org;

import cn.officeflow.platform.engine.SystemAuthentication;
import cn.officeflow.platform.forms.FormOptionSource;
import cn.officeflow.platform.forms.FormOptionSource.FormOption;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Department and leader choices of the forms from the organisation as it is in Admin when the form is shown
 * ({@code "valuesKey": "options_departments"}, {@code "options_leaders"}, {@code "options_staff"}): a department
 * or person added in Admin is offered
 * at once. Read as the engine (the form is served to users who may not read groups); the services validate the
 * submitted ids against the same identity tables ({@link OrgService}).
 */
@Configuration(proxyBeanMethods = false)
public class OrgFormOptions {

  @Bean
  FormOptionSource departmentOptions(IdentityService identity) {
    return FormOptionSource.of(
        "departments",
        () ->
            SystemAuthentication.call(
                identity,
                () ->
                    identity
                        .createGroupQuery()
                        .groupType(RoleGroups.DEPARTMENT_TYPE)
                        .orderByGroupId()
                        .asc()
                        .list()
                        .stream()
                        .filter(g -> g.getId().startsWith(RoleGroups.DEPARTMENT_PREFIX))
                        .map(g -> new FormOption(g.getName(), g.getId()))
                        .toList()));
  }

  /** Everyone in {@code staff} (监销人, 演练组织人 …), 「姓名（用户名）」. */
  @Bean
  FormOptionSource staffOptions(IdentityService identity, OrgService org) {
    return FormOptionSource.of(
        "staff",
        () -> SystemAuthentication.call(identity, () -> org.memberOptions(RoleGroups.STAFF)));
  }

  @Bean
  FormOptionSource leaderOptions(IdentityService identity, OrgService org) {
    return FormOptionSource.of(
        "leaders",
        () ->
            SystemAuthentication.call(
                identity,
                () ->
                    org.members(RoleGroups.LEADERS).stream()
                        .map(id -> new FormOption(org.displayName(id), id))
                        .toList()));
  }
}
