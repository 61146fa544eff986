package cn.officeflow.platform.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.officeflow.platform.web.ValidationException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * Walks every user task and start event of every deployed process — so a process added later is covered
 * without a line of test code — and tries on each the three attacks of the trust-boundary issue through the
 * very contract the engine guard enforces: an undeclared variable, an identity variable (whoever the
 * process's assignments or initiator are read from) and a content variable (a read-only field, changed).
 */
@SpringBootTest
@ActiveProfiles("test")
@DirtiesContext
class EveryStepContractTest {

  /** Names that say who someone is or what they may do, in any process. */
  static final Set<String> IDENTITY =
      Set.of(
          "drafter",
          "initiator",
          "applicant",
          "registeredBy",
          "deptReviewers",
          "assignee",
          "candidateUsers",
          "candidateGroups",
          "documentNumber",
          "receiptNumber",
          "revisionRequired",
          "voided",
          "documentId",
          "incomingDocumentId");

  static final Pattern SIMPLE_EXPRESSION =
      Pattern.compile("\\$\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}");

  @Autowired ProcessEngine engine;
  @Autowired OfficeFlowEnginePlugin plugin;

  @TestFactory
  Stream<DynamicTest> everyUserTaskRefusesUndeclaredIdentityAndChangedContent() {
    InputContract contract = plugin.guard().inputContract();
    List<DynamicTest> tests = new ArrayList<>();
    for (ProcessDefinition definition : latestDefinitions()) {
      BpmnModelInstance model =
          engine.getRepositoryService().getBpmnModelInstance(definition.getId());
      Set<String> identities = identityVariables(model);
      for (UserTask task : model.getModelElementsByType(UserTask.class)) {
        tests.add(
            DynamicTest.dynamicTest(
                definition.getKey() + " / " + task.getId(),
                () -> {
                  StepInputs step = contract.taskInputs(definition.getId(), task.getId(), null);
                  assertThat(step.editable())
                      .as("%s declares what it accepts (a form or inputVariables)", task.getId())
                      .isNotEmpty();
                  attack(step, identities);
                }));
      }
      Process process = model.getModelElementById(definition.getKey());
      boolean startable =
          process.getChildElementsByType(StartEvent.class).stream()
              .anyMatch(e -> e.getEventDefinitions().isEmpty());
      if (startable && !definition.getKey().equals("notification_delivery")) {
        tests.add(
            DynamicTest.dynamicTest(
                definition.getKey() + " / 发起",
                () -> {
                  StepInputs step = contract.startInputs(definition.getId());
                  assertThat(step.editable())
                      .as("the start form of %s", definition.getKey())
                      .isNotEmpty();
                  attack(step, identities);
                }));
      }
    }
    assertThat(tests).hasSizeGreaterThan(20);
    return tests.stream();
  }

  @Test
  void identityVariablesAreNeverAStepsInput() {
    InputContract contract = plugin.guard().inputContract();
    for (ProcessDefinition definition : latestDefinitions()) {
      BpmnModelInstance model =
          engine.getRepositoryService().getBpmnModelInstance(definition.getId());
      for (UserTask task : model.getModelElementsByType(UserTask.class)) {
        StepInputs step = contract.taskInputs(definition.getId(), task.getId(), null);
        assertThat(step.editable())
            .as(definition.getKey() + " / " + task.getId())
            .doesNotContainAnyElementsOf(IDENTITY);
      }
    }
  }

  @Test
  void aNotificationProcessCannotBeStartedWithVariablesByAnyone() {
    ProcessDefinition internal =
        engine
            .getRepositoryService()
            .createProcessDefinitionQuery()
            .processDefinitionKey("notification_delivery")
            .latestVersion()
            .singleResult();
    StepInputs step = plugin.guard().inputContract().startInputs(internal.getId());
    assertThatThrownBy(() -> InputContract.check(step, Map.of("notificationId", "x"), null))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("notificationId");
  }

  static void attack(StepInputs step, Set<String> identities) {
    assertRefused(step, Map.of("officeflowUndeclared", "x"), "officeflowUndeclared");
    for (String identity : identities) {
      if (!step.editable().contains(identity)) {
        assertRefused(step, Map.of(identity, "luomin"), identity);
      }
    }
    // a field that stands for another variable (submitAs) cannot carry a second, different text for
    // it
    step.aliases()
        .forEach(
            (alias, variable) -> {
              assertThat(step.editable())
                  .as("%s: %s stands for an input of the step", step.step(), alias)
                  .contains(variable);
              assertThatThrownBy(
                      () ->
                          InputContract.applyAliases(step, Map.of(alias, "同意。", variable, "另一段话。")))
                  .isInstanceOf(ValidationException.class)
                  .satisfies(
                      e -> assertThat(((ValidationException) e).getField()).isEqualTo(alias));
            });
    for (String shown : step.readOnly()) {
      assertRefused(step, Map.of(shown, "改过的内容"), shown);
      // sent back unchanged it is harmless
      InputContract.check(step, Map.of(shown, "原来的内容"), name -> "原来的内容");
    }
  }

  static void assertRefused(StepInputs step, Map<String, Object> variables, String field) {
    assertThatThrownBy(() -> InputContract.check(step, variables, name -> "原来的内容"))
        .as("%s must refuse %s", step.step(), variables.keySet())
        .isInstanceOf(ValidationException.class)
        .satisfies(e -> assertThat(((ValidationException) e).getField()).isEqualTo(field));
  }

  /** The initiator variable, every {@code ${name}} of an assignee or candidate expression, and the usual names. */
  static Set<String> identityVariables(BpmnModelInstance model) {
    Set<String> names = new LinkedHashSet<>(IDENTITY);
    for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
      if (start.getCamundaInitiator() != null) {
        names.add(start.getCamundaInitiator());
      }
    }
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      for (String expression :
          new String[] {
            task.getCamundaAssignee(),
            task.getCamundaCandidateUsers(),
            task.getCamundaCandidateGroups()
          }) {
        if (expression != null) {
          Matcher m = SIMPLE_EXPRESSION.matcher(expression);
          while (m.find()) {
            names.add(m.group(1));
          }
        }
      }
    }
    return names;
  }

  List<ProcessDefinition> latestDefinitions() {
    List<ProcessDefinition> definitions =
        engine.getRepositoryService().createProcessDefinitionQuery().latestVersion().list();
    assertThat(definitions)
        .extracting(ProcessDefinition::getKey)
        .contains("outgoing_document", "incoming_document", "supervision", "document_destruction");
    return definitions;
  }
}
