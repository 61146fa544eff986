package cn.officeflow.models;

import static org.assertj.core.api.Assertions.assertThat;

import cn.officeflow.platform.engine.StepInputs;
import cn.officeflow.platform.taskops.TaskOperation;
import cn.officeflow.platform.taskops.TaskOperationPolicy;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The element templates a designer uses in Camunda Modeler (bpmn/.camunda/element-templates, Camunda 7 templates):
 * well-formed for the schema they name, one id each, only bindings Camunda 7 knows, and every extension property
 * one that the server reads ({@code taskOperations}, {@code inputVariables}, {@code returnToInitiator}) — a typo
 * there would be ignored silently by the engine. The defaults they write must pass their own checks and mean what
 * their descriptions say: applied to a user task, the approval template allows every operation.
 */
class ElementTemplatesTest {

  static final Path DIR = Path.of("bpmn", ".camunda", "element-templates");
  static final String SCHEMA =
      "https://unpkg.com/@camunda/element-templates-json-schema/resources/schema.json";
  static final Set<String> BINDINGS =
      Set.of(
          "property",
          "camunda:property",
          "camunda:inputParameter",
          "camunda:outputParameter",
          "camunda:in",
          "camunda:out",
          "camunda:executionListener",
          "camunda:field",
          "camunda:errorEventDefinition");
  static final Set<String> TYPES = Set.of("String", "Text", "Boolean", "Dropdown", "Hidden");

  /** The extension properties the server reads, and on what. */
  static final Map<String, String> PROPERTIES =
      Map.of(
          TaskOperationPolicy.PROPERTY,
          "bpmn:UserTask",
          StepInputs.INPUT_VARIABLES_PROPERTY,
          "bpmn:UserTask",
          "returnToInitiator",
          "bpmn:Process");

  static final ObjectMapper JSON = new ObjectMapper();

  static Stream<Path> templates() throws IOException {
    return Files.list(DIR).filter(p -> p.toString().endsWith(".json")).sorted();
  }

  @ParameterizedTest
  @MethodSource("templates")
  void templateIsWellFormed(Path file) throws IOException {
    JsonNode template = JSON.readTree(file.toFile());
    assertThat(template.path("$schema").asText()).isEqualTo(SCHEMA);
    assertThat(template.path("name").asText()).isNotBlank();
    assertThat(template.path("id").asText()).startsWith("cn.officeflow.");
    assertThat(template.path("version").isInt()).as("version").isTrue();
    assertThat(template.path("appliesTo")).isNotEmpty();
    for (JsonNode property : template.path("properties")) {
      String label = property.path("label").asText();
      assertThat(label).isNotBlank();
      assertThat(property.path("type").asText()).as(label).isIn(TYPES);
      JsonNode binding = property.path("binding");
      assertThat(binding.path("type").asText()).as(label).isIn(BINDINGS);
      if ("camunda:property".equals(binding.path("type").asText())) {
        String name = binding.path("name").asText();
        assertThat(PROPERTIES)
            .as("%s: extension property the server reads", label)
            .containsKey(name);
        List<String> appliesTo = new ArrayList<>();
        template.path("appliesTo").forEach(a -> appliesTo.add(a.asText()));
        assertThat(appliesTo).as("%s is read on", name).containsOnly(PROPERTIES.get(name));
      }
      JsonNode pattern = property.path("constraints").path("pattern");
      if (!pattern.isMissingNode()) {
        assertThat(pattern.path("message").asText()).as(label).isNotBlank();
        assertThat(
                Pattern.compile(pattern.path("value").asText())
                    .matcher(property.path("value").asText())
                    .matches())
            .as("%s: the default passes its own check", label)
            .isTrue();
      }
    }
  }

  @Test
  void templateIdsAreUnique() throws IOException {
    Set<String> ids = new HashSet<>();
    for (Path file : templates().toList()) {
      assertThat(ids.add(JSON.readTree(file.toFile()).path("id").asText()))
          .as(file.toString())
          .isTrue();
    }
  }

  @Test
  void everyDeclaredPropertyHasATemplate() throws IOException {
    Set<String> offered = new HashSet<>();
    for (Path file : templates().toList()) {
      JSON.readTree(file.toFile())
          .path("properties")
          .forEach(p -> offered.add(p.path("binding").path("name").asText()));
    }
    assertThat(offered).containsAll(PROPERTIES.keySet());
  }

  @Test
  void taskOperationsCheckAcceptsTheOperationsAndNothingElse() throws IOException {
    Pattern check =
        Pattern.compile(
            property("officeflow-user-task.json", TaskOperationPolicy.PROPERTY)
                .path("constraints")
                .path("pattern")
                .path("value")
                .asText());
    for (TaskOperation operation : TaskOperation.values()) {
      assertThat(check.matcher(operation.id()).matches()).as(operation.id()).isTrue();
    }
    assertThat(check.matcher("cc, return，transfer").matches()).isTrue();
    assertThat(check.matcher("").matches()).as("none").isTrue();
    assertThat(check.matcher("cc,withdraw").matches()).as("撤回 is no task operation").isFalse();
    assertThat(check.matcher("approve").matches()).isFalse();
  }

  @Test
  void defaultsMeanWhatTheDescriptionsSay() throws IOException {
    assertThat(applied(property("officeflow-approval-task.json", TaskOperationPolicy.PROPERTY)))
        .isEqualTo(EnumSet.allOf(TaskOperation.class));
    assertThat(applied(property("officeflow-user-task.json", TaskOperationPolicy.PROPERTY)))
        .isEqualTo(
            EnumSet.of(
                TaskOperation.TRANSFER,
                TaskOperation.DELEGATE,
                TaskOperation.CC,
                TaskOperation.RETURN));
    // 发文 declares its initiator's step with the property the process template writes
    assertThat(Files.readString(Path.of("bpmn", "outgoing_document.bpmn")))
        .contains(
            "<camunda:property name=\""
                + property("officeflow-process.json", "returnToInitiator")
                    .path("binding")
                    .path("name")
                    .asText()
                + "\" value=\"Task_Revise\" />");
  }

  /** What a user task allows once the template wrote the property's default into it. */
  private static Set<TaskOperation> applied(JsonNode property) {
    BpmnModelInstance model =
        Bpmn.createExecutableProcess("p").startEvent().userTask("t").endEvent().done();
    UserTask task = model.getModelElementById("t");
    ExtensionElements extensions = model.newInstance(ExtensionElements.class);
    CamundaProperties properties = model.newInstance(CamundaProperties.class);
    CamundaProperty written = model.newInstance(CamundaProperty.class);
    written.setCamundaName(property.path("binding").path("name").asText());
    written.setCamundaValue(property.path("value").asText());
    properties.addChildElement(written);
    extensions.addChildElement(properties);
    task.setExtensionElements(extensions);
    return TaskOperationPolicy.declared(
        Bpmn.readModelFromStream(
            new java.io.ByteArrayInputStream(
                Bpmn.convertToString(model).getBytes(java.nio.charset.StandardCharsets.UTF_8))),
        "t");
  }

  private static JsonNode property(String file, String name) throws IOException {
    for (JsonNode property : JSON.readTree(DIR.resolve(file).toFile()).path("properties")) {
      if (name.equals(property.path("binding").path("name").asText())) {
        return property;
      }
    }
    throw new AssertionError(file + " has no property " + name);
  }
}
