package cn.officeflow.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Event;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.Task;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What a process designer relies on in every bpmn/*.bpmn (DESIGN.md §2, §8, §10): file name = process
 * key, executable, history kept ≥ 180 days, a diagram element for every flow element (Modeler opens it
 * cleanly), Chinese names on tasks, events and gateways, and a condition or default on every exclusive
 * split. The same rules as bpmnlint's recommended set, checked in the build.
 */
class BpmnModelsTest {

  static Stream<Path> models() throws IOException {
    return Files.list(Path.of("bpmn")).filter(p -> p.toString().endsWith(".bpmn")).sorted();
  }

  @ParameterizedTest
  @MethodSource("models")
  void modelFollowsTheConventions(Path file) {
    BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
    Collection<Process> processes = model.getModelElementsByType(Process.class);
    assertThat(processes).hasSize(1);
    Process process = processes.iterator().next();
    String key = file.getFileName().toString().replace(".bpmn", "");
    assertThat(process.getId()).as("file name = process key").isEqualTo(key);
    assertThat(process.isExecutable()).isTrue();
    assertThat(process.getName()).as("process name").isNotBlank();
    assertThat(Duration.parse(process.getCamundaHistoryTimeToLiveString()).toDays())
        .as("historyTimeToLive (audit)")
        .isGreaterThanOrEqualTo(180);

    List<String> problems = new ArrayList<>();
    for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
      boolean drawn =
          element instanceof SequenceFlow
              ? model.getModelElementsByType(BpmnEdge.class).stream()
                  .anyMatch(e -> e.getBpmnElement() == element)
              : model.getModelElementsByType(BpmnShape.class).stream()
                  .anyMatch(s -> s.getBpmnElement() == element);
      if (!drawn) {
        problems.add(element.getId() + ": not in the diagram");
      }
      if ((element instanceof Task
              || element instanceof Event
              || element instanceof ExclusiveGateway)
          && (element.getName() == null || !element.getName().matches(".*\\p{IsHan}.*"))) {
        problems.add(element.getId() + ": needs a Chinese name");
      }
    }
    for (ExclusiveGateway gateway : model.getModelElementsByType(ExclusiveGateway.class)) {
      Collection<SequenceFlow> outgoing = gateway.getOutgoing();
      if (outgoing.size() > 1) {
        for (SequenceFlow flow : outgoing) {
          if (flow != gateway.getDefault() && flow.getConditionExpression() == null) {
            problems.add(
                gateway.getId() + " → " + flow.getId() + ": neither condition nor default");
          }
        }
      }
    }
    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      if (node instanceof Task && node.getIncoming().size() > 1) {
        problems.add(node.getId() + ": several incoming flows, use a merge gateway");
      }
    }
    assertThat(problems).as(file.toString()).isEmpty();
  }
}
