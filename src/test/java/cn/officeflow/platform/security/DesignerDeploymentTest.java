package cn.officeflow.platform.security;

import static cn.officeflow.support.DesignerScenarios.DESIGNER;
import static cn.officeflow.support.DesignerScenarios.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.officeflow.platform.engine.DeploymentGuard;
import cn.officeflow.platform.engine.ModelAllowlist;
import cn.officeflow.platform.engine.OfficeFlowEnginePlugin;
import cn.officeflow.platform.web.ValidationException;
import cn.officeflow.support.ApiResponses;
import cn.officeflow.support.DesignerScenarios;
import cn.officeflow.support.Http;
import cn.officeflow.support.HttpTest;
import cn.officeflow.support.ModelerDeployment;
import cn.officeflow.support.ModelerDeployment.File;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * 流程设计 ({@code process-designers}, demo user 佘吉 {@code sheji}) deploys from Camunda Modeler over
 * /engine-rest/deployment/create: the model's starters start it at once, its input contract holds, and
 * the deployment guard refuses code the project did not ship (400 naming the element, nothing deployed).
 * The designer reads definitions and nothing else. The same scenarios run on MariaDB in {@code
 * DesignerDeploymentOnMysqlTest}.
 */
@HttpTest
class DesignerDeploymentTest {

  static final String REST = "/engine-rest";

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired OfficeFlowEnginePlugin plugin;
  @Autowired ApplicationContext context;

  Http http;
  DesignerScenarios scenarios;

  @BeforeEach
  void setUp() {
    http = new Http(port);
    scenarios = new DesignerScenarios(http, REST, engine);
  }

  @Test
  void modelerDeploymentIsStartedByItsStartersAtOnce() throws Exception {
    scenarios.deployedModelStartsAtOnce();
  }

  @Test
  void aModelWithoutDeclaredInputsAcceptsNoStartVariables() throws Exception {
    scenarios.undeclaredStartAcceptsNothing();
  }

  @Test
  void scriptTaskIsRefused() throws Exception {
    scenarios.scriptTaskRefused();
  }

  @Test
  void javaClassIsRefused() throws Exception {
    scenarios.classRefused();
  }

  @Test
  void engineBeanInAnExpressionIsRefused() throws Exception {
    scenarios.beanExpressionRefused();
  }

  @Test
  void theProjectsDelegatesAndHelpersAreAccepted() throws Exception {
    scenarios.allowedModelAccepted();
  }

  @Test
  void scriptsHiddenInListenersMappingsAndConditionsAreRefused() throws Exception {
    scenarios.refused(
        "Task_Listener",
        """
        <bpmn:userTask id="Task_Listener" name="监听" camunda:candidateGroups="staff">
          <bpmn:extensionElements>
            <camunda:executionListener event="start">
              <camunda:script scriptFormat="groovy">'id'.execute()</camunda:script>
            </camunda:executionListener>
          </bpmn:extensionElements>
        </bpmn:userTask>""",
        "脚本");
    scenarios.refused(
        "Task_TaskListener",
        """
        <bpmn:userTask id="Task_TaskListener" name="任务监听" camunda:candidateGroups="staff">
          <bpmn:extensionElements>
            <camunda:taskListener event="create" class="com.example.Listener" />
          </bpmn:extensionElements>
        </bpmn:userTask>""",
        "com.example.Listener");
    scenarios.refused(
        "Task_Mapping",
        """
        <bpmn:userTask id="Task_Mapping" name="映射" camunda:candidateGroups="staff">
          <bpmn:extensionElements>
            <camunda:inputOutput>
              <camunda:inputParameter name="x">
                <camunda:script scriptFormat="javascript">java.lang.System.exit(1)</camunda:script>
              </camunda:inputParameter>
            </camunda:inputOutput>
          </bpmn:extensionElements>
        </bpmn:userTask>""",
        "脚本");
    scenarios.refused(
        "Task_Connector",
        """
        <bpmn:serviceTask id="Task_Connector" name="连接器">
          <bpmn:extensionElements>
            <camunda:connector>
              <camunda:connectorId>http-connector</camunda:connectorId>
            </camunda:connector>
          </bpmn:extensionElements>
        </bpmn:serviceTask>""",
        "连接器");
    scenarios.refused(
        "Task_Engine",
        """
        <bpmn:serviceTask id="Task_Engine" name="引擎"
            camunda:expression="${execution.getProcessEngineServices().getIdentityService()}" />""",
        "getProcessEngineServices");
    scenarios.refused(
        "Task_Reflection",
        """
        <bpmn:serviceTask id="Task_Reflection" name="反射"
            camunda:expression="${''.getClass().forName('java.lang.Runtime')}" />""",
        "getClass");
    scenarios.refused(
        "Task_Delegate",
        """
        <bpmn:serviceTask id="Task_Delegate" name="数据源" camunda:delegateExpression="${dataSource}" />""",
        "dataSource");
  }

  @Test
  void otherFilesAndTenantsAreRefused() throws Exception {
    String key = DesignerScenarios.newKey("designer_files");
    ModelerDeployment modeler = scenarios.modeler();
    File model =
        File.bpmn(key + ".bpmn", ModelerDeployment.process(key, "staff", null, null, null));
    HttpResponse<String> script =
        modeler.deploy(
            DESIGNER,
            PASSWORD,
            "设计测试",
            null,
            model,
            new File("helper.js", "text/javascript", "java.lang.System.exit(1)"));
    ApiResponses.assertRefused(script, "helper.js");
    HttpResponse<String> tenant = modeler.deploy(DESIGNER, PASSWORD, "设计测试", "tenant-a", model);
    ApiResponses.assertRefused(tenant, "tenant-id");
    assertThat(scenarios.definitions(key)).isZero();
  }

  @Test
  void theDesignerReadsDefinitionsAndNothingElse() throws Exception {
    // Modeler's「Check connection」in the deploy dialog
    assertThat(http.get(REST + "/deployment?maxResults=0", DESIGNER, PASSWORD).statusCode())
        .isEqualTo(200);
    HttpResponse<String> definitions =
        http.get(REST + "/process-definition?key=outgoing_document", DESIGNER, PASSWORD);
    assertThat(definitions.statusCode()).isEqualTo(200);
    assertThat(definitions.body()).contains("outgoing_document");
    HttpResponse<String> xml =
        http.get(REST + "/process-definition/key/outgoing_document/xml", DESIGNER, PASSWORD);
    assertThat(xml.statusCode()).isEqualTo(200);

    // a running case with a task and a variable exists, and the designer sees none of it
    String key = DesignerScenarios.newKey("designer_case");
    engine
        .getRepositoryService()
        .createDeployment()
        .addModelInstance(
            key + ".bpmn",
            Bpmn.createExecutableProcess(key)
                .camundaHistoryTimeToLive(180)
                .startEvent()
                .userTask("Task_Work")
                .camundaCandidateGroups("staff")
                .endEvent()
                .done())
        .deploy();
    engine.getRuntimeService().startProcessInstanceByKey(key, Map.of("secret", "内部事项"));
    assertThat(engine.getTaskService().createTaskQuery().processDefinitionKey(key).count())
        .isEqualTo(1);
    assertThat(http.get(REST + "/task", DESIGNER, PASSWORD).body()).isEqualTo("[]");
    assertThat(http.get(REST + "/process-instance", DESIGNER, PASSWORD).body()).isEqualTo("[]");
    assertThat(http.get(REST + "/history/process-instance", DESIGNER, PASSWORD).body())
        .isEqualTo("[]");
    assertThat(http.get(REST + "/history/variable-instance", DESIGNER, PASSWORD).body())
        .isEqualTo("[]");
    // no business data
    assertThat(http.get("/api/worklist", DESIGNER, PASSWORD).statusCode()).isEqualTo(403);
    assertThat(http.get("/api/inventory/items", DESIGNER, PASSWORD).statusCode()).isEqualTo(403);
    // no start of a process that does not name them
    assertThat(scenarios.start(DESIGNER, "outgoing_document", Map.of()).statusCode())
        .isIn(403, 404);
    // no Admin: neither users nor authorizations
    assertThat(http.get(REST + "/authorization", DESIGNER, PASSWORD).body()).isEqualTo("[]");
  }

  @Test
  void everyShippedModelPassesTheGuard() throws IOException {
    DeploymentGuard guard = plugin.deploymentGuard();
    List<Path> shipped = new ArrayList<>();
    for (String dir : List.of("bpmn", "forms")) {
      try (Stream<Path> files = Files.list(Path.of(dir))) {
        files.filter(Files::isRegularFile).forEach(shipped::add);
      }
    }
    assertThat(shipped).hasSizeGreaterThan(60);
    for (Path file : shipped) {
      guard.check(file.getFileName().toString(), Files.readAllBytes(file));
    }
  }

  @Test
  void everyHelperBeanOfTheAllowlistIsUsedByAShippedModelAndExists() throws IOException {
    StringBuilder models = new StringBuilder();
    try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
        models.append(Files.readString(file));
      }
    }
    for (String bean : ModelAllowlist.HELPER_BEANS) {
      assertThat(models).as(bean).containsPattern("\\$\\{[^}]*\\b" + bean + "\\.");
      assertThat(context.containsBean(bean)).as(bean).isTrue();
    }
  }

  @Test
  void scriptConditionsDmnScriptsAndFeelJavaCallsAreRefused() {
    DeploymentGuard guard = plugin.deploymentGuard();
    String condition =
        ModelerDeployment.process("cond_probe", "staff", null, null, null)
            .replace(
                "<bpmn:sequenceFlow id=\"Flow_2\" sourceRef=\"Task_Check\" targetRef=\"EndEvent_1\" />",
                "<bpmn:sequenceFlow id=\"Flow_2\" sourceRef=\"Task_Check\" targetRef=\"EndEvent_1\">"
                    + "<bpmn:conditionExpression xsi:type=\"bpmn:tFormalExpression\" language=\"javascript\""
                    + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">true</bpmn:conditionExpression>"
                    + "</bpmn:sequenceFlow>");
    assertThatThrownBy(() -> guard.check("cond.bpmn", condition.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("Flow_2")
        .hasMessageContaining("language");
    String dmn =
        """
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="d" name="d" namespace="x">
          <decision id="Decision_Script" name="脚本决策">
            <literalExpression id="e" expressionLanguage="javascript"><text>1</text></literalExpression>
          </decision>
        </definitions>""";
    assertThatThrownBy(() -> guard.check("script.dmn", dmn.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("expressionLanguage");
    String feel =
        """
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="d" name="d" namespace="x">
          <decision id="Decision_Java" name="Java 决策">
            <literalExpression id="f"><text>function(x) external {java: {class: "java.lang.System", method signature: "exit(int)"}}</text></literalExpression>
          </decision>
        </definitions>""";
    assertThatThrownBy(() -> guard.check("java.dmn", feel.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("external");
  }
}
