package cn.officeflow.platform.org;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.DependsOn;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.Yaml;

/**
 * Creates the role groups (always) and, when {@code officeflow.demo.enabled}, the demo organisation
 * from {@code organisation/demo.yaml}. Idempotent: existing users keep their password, only missing
 * groups, users and memberships are added. Runs before requests are served (InitializingBean).
 */
@Component
@DependsOn("mysqlCharsetConverter")
public class OrganisationBootstrap implements InitializingBean {

  private static final Logger LOG = LoggerFactory.getLogger(OrganisationBootstrap.class);
  static final String DEMO_FILE = "organisation/demo.yaml";

  /** Camunda user info key of a user's mobile number (Camunda's user has no phone field). */
  public static final String PHONE = "phone";

  private final IdentityService identity;
  private final boolean demoEnabled;
  private final String demoPassword;

  public OrganisationBootstrap(
      ProcessEngine engine,
      @Value("${officeflow.demo.enabled:false}") boolean demoEnabled,
      @Value("${officeflow.demo.password:}") String demoPassword) {
    this.identity = engine.getIdentityService();
    this.demoEnabled = demoEnabled;
    this.demoPassword = demoPassword;
  }

  @Override
  public void afterPropertiesSet() throws IOException {
    RoleGroups.ALL.forEach((id, name) -> ensureGroup(id, name, RoleGroups.ROLE_TYPE));
    if (demoEnabled) {
      loadDemo();
    }
  }

  @SuppressWarnings("unchecked")
  private void loadDemo() throws IOException {
    Map<String, Object> demo;
    try (InputStream in = new ClassPathResource(DEMO_FILE).getInputStream()) {
      demo = new Yaml().load(in);
    }
    for (Map<String, Object> dept : (List<Map<String, Object>>) demo.get("departments")) {
      ensureGroup((String) dept.get("id"), (String) dept.get("name"), RoleGroups.DEPARTMENT_TYPE);
    }
    int created = 0;
    for (Map<String, Object> entry : (List<Map<String, Object>>) demo.get("users")) {
      String id = (String) entry.get("id");
      List<String> name = (List<String>) entry.get("name");
      if (identity.createUserQuery().userId(id).count() == 0) {
        User user = identity.newUser(id);
        // Camunda shows "firstName lastName": first = 姓, last = 名, so Tasklist reads 张 伟
        user.setFirstName(name.get(0));
        user.setLastName(name.get(1));
        user.setEmail(id + "@officeflow.example");
        user.setPassword(demoPassword);
        identity.saveUser(user);
        created++;
      }
      for (String group : (List<String>) entry.get("groups")) {
        if (identity.createUserQuery().userId(id).memberOfGroup(group).count() == 0) {
          identity.createMembership(id, group);
        }
      }
      String phone = (String) entry.get("phone");
      if (phone != null && identity.getUserInfo(id, PHONE) == null) {
        // read by notify.RecipientAddresses for SMS
        identity.setUserInfo(id, PHONE, phone);
      }
    }
    LOG.info("Demo organisation loaded from {} ({} users created)", DEMO_FILE, created);
  }

  private void ensureGroup(String id, String name, String type) {
    if (identity.createGroupQuery().groupId(id).count() == 0) {
      Group group = identity.newGroup(id);
      group.setName(name);
      group.setType(type);
      identity.saveGroup(group);
    }
  }
}
