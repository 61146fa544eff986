package cn.officeflow.platform.taskops;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.MultiInstanceLoopCharacteristics;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * What 退回 and 撤回 read from a deployed model: the initiator's step ({@value #RETURN_TO_INITIATOR}, an extension
 * property of the process naming a user task, e.g. {@code Task_Revise} of 发文) and which flow nodes lie downstream
 * of a step, following sequence flows into and out of embedded subprocesses but not boundary events (a 督办
 * escalation started by a timer is not part of the path that a return resets).
 */
final class ProcessFlow {

  /** Process extension property naming the initiator's user task: target of 退回 to the drafter and of 撤回. */
  static final String RETURN_TO_INITIATOR = "returnToInitiator";

  private final BpmnModelInstance model;

  ProcessFlow(BpmnModelInstance model) {
    this.model = model;
  }

  /** The initiator's step declared on the process, when it names a user task of the model. */
  Optional<UserTask> initiatorStep() {
    for (Process process : model.getModelElementsByType(Process.class)) {
      String value = property(process, RETURN_TO_INITIATOR);
      if (value != null && model.getModelElementById(value.strip()) instanceof UserTask task) {
        return Optional.of(task);
      }
    }
    return Optional.empty();
  }

  Optional<UserTask> userTask(String activityId) {
    return activityId != null && model.getModelElementById(activityId) instanceof UserTask task
        ? Optional.of(task)
        : Optional.empty();
  }

  static boolean multiInstance(UserTask task) {
    return task.getLoopCharacteristics() instanceof MultiInstanceLoopCharacteristics;
  }

  /** Whether {@code node} lies inside a multi-instance subprocess (one of several parallel copies). */
  static boolean inMultiInstanceScope(FlowNode node) {
    for (ModelElementInstance parent = node.getParentElement();
        parent != null;
        parent = parent.getParentElement()) {
      if (parent instanceof SubProcess sub
          && sub.getLoopCharacteristics() instanceof MultiInstanceLoopCharacteristics) {
        return true;
      }
    }
    return false;
  }

  /**
   * The ids of the flow nodes reachable from {@code from} (itself excluded unless a loop leads back to it), not
   * passing through {@code barrier} (null: none). A subprocess reached counts with everything inside it.
   */
  Set<String> downstream(String from, String barrier) {
    Set<String> seen = new HashSet<>();
    Deque<FlowNode> queue = new ArrayDeque<>();
    if (model.getModelElementById(from) instanceof FlowNode start) {
      next(start, queue);
    }
    while (!queue.isEmpty()) {
      FlowNode node = queue.poll();
      if (node.getId().equals(barrier) || !seen.add(node.getId())) {
        continue;
      }
      if (node instanceof SubProcess sub) {
        for (FlowNode child : sub.getChildElementsByType(FlowNode.class)) {
          addAll(child, seen);
        }
      }
      next(node, queue);
    }
    return seen;
  }

  /** Whether {@code to} (or a subprocess containing it) is reachable from {@code from} without passing barrier. */
  boolean upstreamOf(String from, String to, String barrier) {
    Set<String> reachable = downstream(from, barrier);
    ModelElementInstance element = model.getModelElementById(to);
    for (; element != null; element = element.getParentElement()) {
      if (element instanceof BaseElement base && reachable.contains(base.getId())) {
        return true;
      }
    }
    return false;
  }

  private static void next(FlowNode node, Deque<FlowNode> queue) {
    for (SequenceFlow flow : node.getOutgoing()) {
      queue.add(flow.getTarget());
    }
    if (node instanceof EndEvent && node.getParentElement() instanceof SubProcess sub) {
      // leaving the subprocess through its end: continue after it
      for (SequenceFlow flow : sub.getOutgoing()) {
        queue.add(flow.getTarget());
      }
    }
    if (node instanceof SubProcess sub) {
      for (StartEvent start : sub.getChildElementsByType(StartEvent.class)) {
        queue.add(start);
      }
    }
  }

  private static void addAll(FlowNode node, Set<String> seen) {
    seen.add(node.getId());
    if (node instanceof SubProcess sub) {
      for (FlowNode child : sub.getChildElementsByType(FlowNode.class)) {
        addAll(child, seen);
      }
    }
  }

  static String property(BaseElement element, String name) {
    if (element.getExtensionElements() == null) {
      return null;
    }
    for (CamundaProperties properties :
        element
            .getExtensionElements()
            .getElementsQuery()
            .filterByType(CamundaProperties.class)
            .list()) {
      for (CamundaProperty property : properties.getCamundaProperties()) {
        if (name.equals(property.getCamundaName())) {
          return property.getCamundaValue();
        }
      }
    }
    return null;
  }
}
