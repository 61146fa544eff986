package cn.officeflow.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.officeflow.support.DemoUsers;
import cn.officeflow.support.Http;
import cn.officeflow.support.HttpTest;
import java.net.http.HttpResponse;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Users of {@code integrations} (门禁, 监控, 舆情监测 systems) may correlate the configured messages through
 * {@code POST /engine-rest/message} and nothing else: no other message, no start by key, no task, no read
 * of /engine-rest or /api. Probed with a process of this test whose message {@code IntegrationProbe} is
 * added to the configured list, next to one whose message is not on it.
 */
@HttpTest
@TestPropertySource(
    properties =
        "officeflow.integrations.messages=EmergencyReported,PublicOpinionAlert,IntegrationProbe")
class IntegrationsAccessTest {

  static final String SYSTEM = "anfang";
  static final String PASSWORD = DemoUsers.PASSWORD;

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired AccessBootstrap access;

  Http http;
  Deployment deployment;

  @BeforeEach
  void deploy() {
    http = new Http(port);
    deployment =
        engine
            .getRepositoryService()
            .createDeployment()
            .name("integrations probe")
            .addModelInstance(
                "integration_probe.bpmn", probe("integration_probe", "IntegrationProbe"))
            .addModelInstance("other_probe.bpmn", probe("other_probe", "OtherProbe"))
            .deploy();
    // the grants are made at start-up for the deployed models: again for the probes
    access.afterPropertiesSet();
  }

  @AfterEach
  void undeploy() {
    engine.getRepositoryService().deleteDeployment(deployment.getId(), true);
  }

  /** start (message, inputVariables place) → user task for staff → end. */
  private static BpmnModelInstance probe(String key, String message) {
    BpmnModelInstance model =
        Bpmn.createExecutableProcess(key)
            .camundaHistoryTimeToLive(1)
            .startEvent("Start")
            .message(message)
            .userTask("Task_Look")
            .camundaCandidateGroups("staff")
            .endEvent()
            .done();
    StartEvent start = model.getModelElementById("Start");
    CamundaProperties properties = model.newInstance(CamundaProperties.class);
    CamundaProperty inputs = model.newInstance(CamundaProperty.class);
    inputs.setCamundaName("inputVariables");
    inputs.setCamundaValue("place");
    properties.addChildElement(inputs);
    start.builder().addExtensionElement(properties);
    return model;
  }

  private HttpResponse<String> report(String user, String message, String variables) {
    return http.postJson(
        "/engine-rest/message",
        user,
        PASSWORD,
        "{\"messageName\":\"" + message + "\",\"processVariables\":" + variables + "}");
  }

  private List<ProcessInstance> instances(String key) {
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(key).list();
  }

  @Test
  void aSystemStartsAProcessWithAConfiguredMessage() {
    HttpResponse<String> response =
        report(SYSTEM, "IntegrationProbe", "{\"place\":{\"value\":\"一号楼东门\"}}");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
    assertThat(instances("integration_probe")).hasSize(1);
    assertThat(
            engine
                .getRuntimeService()
                .getVariable(instances("integration_probe").get(0).getId(), "place"))
        .isEqualTo("一号楼东门");
  }

  @Test
  void aSystemCannotSendOtherMessagesOrExtraVariables() {
    HttpResponse<String> other = report(SYSTEM, "OtherProbe", "{}");
    assertThat(other.statusCode()).as(other.body()).isEqualTo(403);
    assertThat(other.body()).contains("系统对接账号只能上报约定的消息");
    assertThat(instances("other_probe")).isEmpty();

    HttpResponse<String> extra =
        report(
            SYSTEM,
            "IntegrationProbe",
            "{\"place\":{\"value\":\"东门\"},\"initiator\":{\"value\":\"wuqiang\"}}");
    assertThat(extra.statusCode()).as(extra.body()).isEqualTo(400);
    assertThat(extra.body()).contains("initiator");
    assertThat(instances("integration_probe")).isEmpty();
  }

  @Test
  void aSystemCannotStartByKeyWorkOnTasksOrReadAnything() {
    HttpResponse<String> start =
        http.postJson(
            "/engine-rest/process-definition/key/integration_probe/start",
            SYSTEM,
            PASSWORD,
            "{\"variables\":{}}");
    assertThat(start.statusCode()).as(start.body()).isEqualTo(403);
    assertThat(instances("integration_probe")).isEmpty();

    report("anfang", "IntegrationProbe", "{}");
    String taskId =
        engine
            .getTaskService()
            .createTaskQuery()
            .taskDefinitionKey("Task_Look")
            .singleResult()
            .getId();
    HttpResponse<String> claim =
        http.postJson(
            "/engine-rest/task/" + taskId + "/claim", SYSTEM, PASSWORD, "{\"userId\":\"anfang\"}");
    assertThat(claim.statusCode()).as(claim.body()).isEqualTo(403);
    assertThat(
            engine.getTaskService().createTaskQuery().taskId(taskId).singleResult().getAssignee())
        .isNull();

    for (String path :
        List.of(
            "/engine-rest/task",
            "/engine-rest/process-definition",
            "/engine-rest/process-instance",
            "/engine-rest/user",
            "/engine-rest/history/process-instance",
            "/api/worklist",
            "/api/notifications?businessKey=x")) {
      HttpResponse<String> read = http.get(path, SYSTEM, PASSWORD);
      assertThat(read.statusCode()).as(path + " " + read.body()).isEqualTo(403);
    }
  }

  @Test
  void staffCannotStartTheSystemsProcessByMessage() {
    HttpResponse<String> response = report("zhangwei", "IntegrationProbe", "{}");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
    assertThat(instances("integration_probe")).isEmpty();
  }

  @Test
  void theGroupExistsAndTheDemoSystemsAreOnlyInIt() {
    assertThat(
            engine.getIdentityService().createGroupQuery().groupId("integrations").singleResult())
        .isNotNull();
    for (String system : List.of("anfang", "yuqing")) {
      assertThat(
              engine.getIdentityService().createGroupQuery().groupMember(system).list().stream()
                  .map(g -> g.getId())
                  .toList())
          .containsExactly("integrations");
    }
  }
}
