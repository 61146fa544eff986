package cn.officeflow.platform.org;

import static org.assertj.core.api.Assertions.assertThat;

import cn.officeflow.support.DemoUsers;
import cn.officeflow.support.Http;
import cn.officeflow.support.HttpTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Department and leader choices come from the organisation when the form is served: a department created in
 * Admin appears in the 督办立项 and 发文拟稿 start forms at once (no form edited, no restart), in a task form the
 * leaders are listed by name, and a removed department is gone again.
 */
@HttpTest
class OrgFormOptionsApiTest {

  static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;

  private JsonNode form(String path, String user) throws Exception {
    HttpResponse<String> response = new Http(port).get(path, user, DemoUsers.PASSWORD);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private static JsonNode field(JsonNode form, String key) {
    for (JsonNode c : form.findParents("key")) {
      if (key.equals(c.path("key").asText())) {
        return c;
      }
    }
    throw new AssertionError("no field " + key + " in " + form);
  }

  @Test
  void aDepartmentAddedInAdminIsOfferedAtOnce() throws Exception {
    IdentityService identity = engine.getIdentityService();
    Group it = identity.newGroup("dept-it");
    it.setName("信息中心");
    it.setType(RoleGroups.DEPARTMENT_TYPE);
    identity.saveGroup(it);
    try {
      JsonNode supervision =
          form(
              "/engine-rest/process-definition/key/supervision/deployed-start-form",
              DemoUsers.LEADER);
      JsonNode department = field(supervision, "department");
      assertThat(department.has("valuesKey")).isFalse();
      assertThat(department.get("values").findValuesAsText("value"))
          .contains("dept-it", "dept-office", "dept-business", "dept-finance");
      assertThat(department.get("values").findValuesAsText("label")).contains("信息中心", "办公室");
      assertThat(field(supervision, "assistingDepartments").get("values").findValuesAsText("value"))
          .contains("dept-it");
      JsonNode draft =
          form(
              "/engine-rest/process-definition/key/outgoing_document/deployed-start-form",
              DemoUsers.DRAFTER);
      assertThat(field(draft, "countersignDepts").get("values").findValuesAsText("label"))
          .contains("信息中心");
    } finally {
      identity.deleteGroup("dept-it");
    }
    JsonNode again =
        form(
            "/engine-rest/process-definition/key/supervision/deployed-start-form",
            DemoUsers.LEADER);
    assertThat(field(again, "department").get("values").findValuesAsText("value"))
        .doesNotContain("dept-it")
        .contains("dept-office");
  }

  /** A task form served over /engine-rest: the leaders by name, read as the engine for any user. */
  @Test
  void aTaskFormListsTheLeadersByName() throws Exception {
    BpmnModelInstance model =
        Bpmn.createExecutableProcess("form_options_probe")
            .name("表单选项测试")
            .startEvent()
            .userTask("Task_Probe")
            .name("选择领导")
            .camundaFormRef("form-options-probe")
            .camundaFormRefBinding("deployment")
            .camundaCandidateUsers(DemoUsers.DRAFTER)
            .endEvent()
            .done();
    String form =
        "{\"id\":\"form-options-probe\",\"type\":\"default\",\"components\":["
            + "{\"type\":\"checklist\",\"key\":\"readers\",\"label\":\"传阅领导\",\"valuesKey\":\"options_leaders\"}]}";
    Deployment deployment =
        engine
            .getRepositoryService()
            .createDeployment()
            .addModelInstance("form_options_probe.bpmn", model)
            .addString("form-options-probe.form", form)
            .deploy();
    try {
      ProcessInstance pi =
          engine.getRuntimeService().startProcessInstanceByKey("form_options_probe");
      Task task =
          engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).singleResult();
      JsonNode served =
          form("/engine-rest/task/" + task.getId() + "/deployed-form", DemoUsers.DRAFTER);
      JsonNode readers = field(served, "readers");
      assertThat(readers.get("values").findValuesAsText("value"))
          .containsExactlyInAnyOrder("wuqiang", "hanbing");
      assertThat(readers.get("values").findValuesAsText("label")).contains("吴强", "韩冰");
    } finally {
      engine.getRepositoryService().deleteDeployment(deployment.getId(), true);
    }
  }
}
