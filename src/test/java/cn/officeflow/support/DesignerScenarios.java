package cn.officeflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import cn.officeflow.support.ModelerDeployment.File;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;

/**
 * The designer's path, run on H2 ({@code DesignerDeploymentTest}) and on MariaDB ({@code
 * DesignerDeploymentOnMysqlTest}): a Modeler deployment by 佘吉 ({@code process-designers}) that the model's
 * starters can use at once, and the deployment guard's refusals (nothing deployed).
 */
public final class DesignerScenarios {

  public static final String DESIGNER = "sheji";
  public static final String PASSWORD = DemoUsers.PASSWORD;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Http http;
  private final String rest;
  private final ProcessEngine engine;
  private final ModelerDeployment modeler;

  public DesignerScenarios(Http http, String rest, ProcessEngine engine) {
    this.http = http;
    this.rest = rest;
    this.engine = engine;
    this.modeler = new ModelerDeployment(http, rest);
  }

  public static String newKey(String prefix) {
    return prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  }

  /**
   * Deployed with its start form by the designer for {@code finance}: 陈静 (finance) starts it at once with
   * the form's field, 张伟 (staff only) and the designer may not; an undeclared variable is refused; a second
   * version that adds {@code staff} lets 张伟 start at once, a third without it takes that back at once.
   */
  public void deployedModelStartsAtOnce() throws Exception {
    String key = newKey("designer_probe");
    String formId = key + "_start";
    String start = "camunda:formRef=\"%s\" camunda:formRefBinding=\"deployment\"".formatted(formId);
    HttpResponse<String> deployed =
        deploy(
            File.bpmn(key + ".bpmn", ModelerDeployment.process(key, "finance", start, null, null)),
            File.form(key + "-start.form", ModelerDeployment.form(formId, "reason", "事由")));
    assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);
    JsonNode definitions = JSON.readTree(deployed.body()).path("deployedProcessDefinitions");
    assertThat(definitions.elements().next().path("key").asText()).isEqualTo(key);

    // no restart: the finance officer starts it right away with the form's field
    HttpResponse<String> started = start("chenjing", key, Map.of("reason", "购置打印机"));
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    // the input contract of the new model: its start form declares reason and nothing else
    HttpResponse<String> extra =
        start("chenjing", key, Map.of("reason", "x", "drafter", "wangfang"));
    ApiResponses.assertRefused(extra, "drafter");
    // not a starter of this model
    assertThat(start("zhangwei", key, Map.of("reason", "x")).statusCode()).isEqualTo(403);
    assertThat(start(DESIGNER, key, Map.of("reason", "x")).statusCode()).isIn(403, 404);
    assertThat(
            engine
                .getRuntimeService()
                .createProcessInstanceQuery()
                .processDefinitionKey(key)
                .count())
        .isEqualTo(1);

    HttpResponse<String> second =
        deploy(
            File.bpmn(
                key + ".bpmn", ModelerDeployment.process(key, "finance,staff", start, null, null)),
            File.form(key + "-start.form", ModelerDeployment.form(formId, "reason", "事由")));
    assertThat(second.statusCode()).as(second.body()).isEqualTo(200);
    HttpResponse<String> staff = start("zhangwei", key, Map.of("reason", "第二版"));
    assertThat(staff.statusCode()).as(staff.body()).isEqualTo(200);

    // a third version names finance alone again: staff lose the start at once
    HttpResponse<String> third =
        deploy(
            File.bpmn(key + ".bpmn", ModelerDeployment.process(key, "finance", start, null, null)),
            File.form(key + "-start.form", ModelerDeployment.form(formId, "reason", "事由")));
    assertThat(third.statusCode()).as(third.body()).isEqualTo(200);
    assertThat(start("zhangwei", key, Map.of("reason", "第三版")).statusCode()).isEqualTo(403);
    assertThat(start("chenjing", key, Map.of("reason", "第三版")).statusCode()).isEqualTo(200);
  }

  /** A model that declares no inputs (no form, no inputVariables) accepts a start without variables only. */
  public void undeclaredStartAcceptsNothing() throws Exception {
    String key = newKey("designer_bare");
    HttpResponse<String> deployed =
        deploy(File.bpmn(key + ".bpmn", ModelerDeployment.process(key, "staff", null, null, null)));
    assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);
    ApiResponses.assertRefused(start("zhangwei", key, Map.of("amount", 1)), "amount");
    assertThat(start("zhangwei", key, Map.of()).statusCode()).isEqualTo(200);
  }

  /** A model with a script task: 400 naming the element, nothing deployed. */
  public void scriptTaskRefused() throws Exception {
    refused(
        "Task_Script",
        """
        <bpmn:scriptTask id="Task_Script" name="脚本" scriptFormat="javascript">
          <bpmn:script>java.lang.Runtime.getRuntime().exec('id')</bpmn:script>
        </bpmn:scriptTask>""",
        "脚本任务");
  }

  /** A service task implemented by a Java class the project did not ship. */
  public void classRefused() throws Exception {
    refused(
        "Task_Class",
        """
        <bpmn:serviceTask id="Task_Class" name="类" camunda:class="com.example.RunAnything" />""",
        "com.example.RunAnything");
  }

  /** An expression that reaches for an engine bean (identity service → make oneself admin). */
  public void beanExpressionRefused() throws Exception {
    refused(
        "Task_Bean",
        """
        <bpmn:serviceTask id="Task_Bean" name="Bean"
            camunda:expression="${identityService.createMembership('sheji', 'camunda-admin')}" />""",
        "identityService");
  }

  /** The project's own delegates, listeners and helper beans pass. */
  public void allowedModelAccepted() throws Exception {
    String key = newKey("designer_allowed");
    String step =
        """
        <bpmn:userTask id="Task_Check" name="核对" camunda:candidateGroups="office-clerks"
            camunda:dueDate="${workingDays.addFromNow(3)}">
          <bpmn:extensionElements>
            <camunda:executionListener delegateExpression="${reviewTrailListener}" event="start" />
            <camunda:executionListener expression="${execution.setVariableLocal('checked', true)}" event="end" />
          </bpmn:extensionElements>
        </bpmn:userTask>""";
    HttpResponse<String> deployed =
        deploy(File.bpmn(key + ".bpmn", ModelerDeployment.process(key, "staff", null, null, step)));
    assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);
  }

  /** Deploys one step and expects 400 naming {@code elementId}, a Chinese message and no deployment. */
  public void refused(String elementId, String stepXml, String messagePart) throws Exception {
    String key = newKey("designer_refused");
    long before = engine.getRepositoryService().createDeploymentQuery().count();
    HttpResponse<String> response =
        deploy(
            File.bpmn(key + ".bpmn", ModelerDeployment.processWithStep(key, elementId, stepXml)));
    ApiResponses.assertRefused(response, elementId);
    String message = ApiResponses.message(response);
    assertThat(message).contains(elementId).contains(messagePart).containsPattern("\\p{IsHan}");
    assertThat(engine.getRepositoryService().createDeploymentQuery().count()).isEqualTo(before);
    assertThat(definitions(key)).isZero();
  }

  /** Deploys as the designer, the way Modeler does. */
  public HttpResponse<String> deploy(File diagram, File... more) {
    return modeler.deploy(DESIGNER, PASSWORD, "设计测试", null, diagram, more);
  }

  /** How many versions of {@code key} are deployed. */
  public long definitions(String key) {
    return engine
        .getRepositoryService()
        .createProcessDefinitionQuery()
        .processDefinitionKey(key)
        .count();
  }

  public ModelerDeployment modeler() {
    return modeler;
  }

  public HttpResponse<String> start(String user, String key, Map<String, Object> variables)
      throws Exception {
    return http.postJson(
        rest + "/process-definition/key/" + key + "/start",
        user,
        PASSWORD,
        ApiResponses.body(variables));
  }
}
