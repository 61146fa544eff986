package cn.officeflow.platform.taskops;

import cn.officeflow.platform.engine.SystemAuthentication;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.MultiInstanceLoopCharacteristics;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Which task operations a step allows, declared in the model: the extension property {@value #PROPERTY} of the
 * user task, a comma-separated list of {@code transfer}, {@code delegate}, {@code cc}, {@code return},
 * {@code add-signers} (empty = none; Modeler: element → 「Extension properties」). Without the property: all,
 * except on a multi-instance user task (会签: one instance per department or person, each the decision of whom the model chose), which allows
 * {@code cc} only. A task outside a process allows none. Read as the engine, cached per process definition:
 * a deployed model never changes.
 */
@Component
public class TaskOperationPolicy {

  public static final String PROPERTY = "taskOperations";

  private static final Logger LOG = LoggerFactory.getLogger(TaskOperationPolicy.class);

  private final RepositoryService repository;
  private final IdentityService identity;
  private final Map<String, Set<TaskOperation>> cache = new ConcurrentHashMap<>();

  public TaskOperationPolicy(RepositoryService repository, IdentityService identity) {
    this.repository = repository;
    this.identity = identity;
  }

  public Set<TaskOperation> allowed(Task task) {
    if (task.getProcessDefinitionId() == null || task.getTaskDefinitionKey() == null) {
      return Collections.emptySet();
    }
    return cache.computeIfAbsent(
        task.getProcessDefinitionId() + "#" + task.getTaskDefinitionKey(),
        key ->
            SystemAuthentication.call(
                identity,
                () ->
                    declared(
                        repository.getBpmnModelInstance(task.getProcessDefinitionId()),
                        task.getTaskDefinitionKey())));
  }

  /** The operations the user task {@code taskDefinitionKey} of {@code model} allows (none for anything else). */
  public static Set<TaskOperation> declared(BpmnModelInstance model, String taskDefinitionKey) {
    if (!(model.getModelElementById(taskDefinitionKey) instanceof UserTask task)) {
      return Collections.emptySet();
    }
    if (task.getExtensionElements() != null) {
      for (CamundaProperties properties :
          task.getExtensionElements()
              .getElementsQuery()
              .filterByType(CamundaProperties.class)
              .list()) {
        for (CamundaProperty property : properties.getCamundaProperties()) {
          if (PROPERTY.equals(property.getCamundaName())) {
            return parse(property.getCamundaValue(), taskDefinitionKey);
          }
        }
      }
    }
    return task.getLoopCharacteristics() instanceof MultiInstanceLoopCharacteristics
        ? Collections.unmodifiableSet(EnumSet.of(TaskOperation.CC))
        : Collections.unmodifiableSet(EnumSet.allOf(TaskOperation.class));
  }

  static Set<TaskOperation> parse(String value, String taskDefinitionKey) {
    Set<TaskOperation> operations = EnumSet.noneOf(TaskOperation.class);
    if (value == null) {
      return operations;
    }
    for (String name : value.split("[,，\\s]+")) {
      if (name.isBlank()) {
        continue;
      }
      TaskOperation.byId(name.strip())
          .ifPresentOrElse(
              operations::add,
              () ->
                  LOG.warn(
                      "user task {}: unknown task operation '{}' in {} ignored",
                      taskDefinitionKey,
                      name,
                      PROPERTY));
    }
    return Collections.unmodifiableSet(operations);
  }
}
