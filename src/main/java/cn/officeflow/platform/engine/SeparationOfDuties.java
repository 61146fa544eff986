package cn.officeflow.platform.engine;

import cn.officeflow.platform.web.AccessRefusedException;
import cn.officeflow.platform.web.ValidationException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;

/**
 * 不相容岗位分离 (e.g. 报销「初审-复核」双签): a user task may declare, in its extension property {@value
 * #PROPERTY}, the process variable that holds the user who must not handle it (the server writes that variable
 * from the authenticated user of an earlier step — 初审, the applicant — never from input; several variables and
 * several users in one, comma-separated). {@link UserCommandGuard} asks
 * before every command that would put the task into that person's hands: claiming it (REST, Tasklist),
 * completing it or submitting its form (REST, Tasklist — also unclaimed), being made its assignee (REST
 * {@code /assignee}, 转办) or its delegate (委派). Refused: 403 with a Chinese message for the person
 * themselves, 400 naming {@code userId} when someone else hands the task to them. The engine's command is
 * not run, nothing changes.
 *
 * <p>Read as the engine; the model's property is cached per process definition (a deployed model never
 * changes), the variable is read each time (it changes when the earlier step is done again).
 */
public class SeparationOfDuties {

  /**
   * Extension property of a user task: the process variable(s) holding the excluded users, comma-separated
   * (e.g. {@code firstReviewer,applicant}); each may hold several users, comma-separated.
   */
  public static final String PROPERTY = "separateFrom";

  static final String RULE = "按不相容岗位分离（双签）规定须由另一人办理";

  private final IdentityService identity;
  private final RepositoryService repository;
  private final RuntimeService runtime;
  private final Map<String, Optional<String>> variables = new ConcurrentHashMap<>();

  public SeparationOfDuties(
      IdentityService identity, RepositoryService repository, RuntimeService runtime) {
    this.identity = identity;
    this.repository = repository;
    this.runtime = runtime;
  }

  /** The user(s) who must not handle {@code task} (comma-separated), or empty. */
  public Optional<String> excluded(Task task) {
    if (task.getProcessDefinitionId() == null
        || task.getTaskDefinitionKey() == null
        || task.getExecutionId() == null) {
      return Optional.empty();
    }
    Optional<String> variable =
        variables.computeIfAbsent(
            task.getProcessDefinitionId() + "#" + task.getTaskDefinitionKey(),
            key ->
                SystemAuthentication.call(
                    identity,
                    () ->
                        declared(
                            repository.getBpmnModelInstance(task.getProcessDefinitionId()),
                            task.getTaskDefinitionKey())));
    if (variable.isEmpty()) {
      return Optional.empty();
    }
    List<String> names =
        Arrays.stream(variable.get().split(","))
            .map(String::strip)
            .filter(n -> !n.isEmpty())
            .toList();
    Map<String, Object> values =
        SystemAuthentication.call(
            identity, () -> runtime.getVariables(task.getExecutionId(), names));
    String users =
        names.stream()
            .map(values::get)
            .filter(v -> v instanceof String id && !id.isBlank())
            .map(String.class::cast)
            .collect(Collectors.joining(","));
    return users.isEmpty() ? Optional.empty() : Optional.of(users);
  }

  /** Whether {@code userId} is among the excluded users (the variable may hold several, comma-separated). */
  private boolean isExcluded(Task task, String userId) {
    return excluded(task)
        .map(ids -> Arrays.stream(ids.split(",")).map(String::strip).anyMatch(userId::equals))
        .orElse(false);
  }

  /** Refuses when {@code actor} itself would handle the task (claim, complete, submit-form): 403. */
  public void checkActor(Task task, String actor) {
    if (actor != null && isExcluded(task, actor)) {
      throw new AccessRefusedException(
          "「" + task.getName() + "」不能由您办理：您是本流程的申请人或已办理其前一审核环节，" + RULE);
    }
  }

  /** Refuses when the task would be handed to {@code target} (assignee, 转办, 委派): 400 naming userId. */
  public void checkTarget(Task task, String target) {
    if (target != null && isExcluded(task, target)) {
      throw new ValidationException(
          "userId",
          "「" + task.getName() + "」不能交给 " + target + " 办理：该用户是本流程的申请人或已办理其前一审核环节，" + RULE);
    }
  }

  /** The variable named by {@value #PROPERTY} on user task {@code taskDefinitionKey} of {@code model}. */
  public static Optional<String> declared(BpmnModelInstance model, String taskDefinitionKey) {
    if (!(model.getModelElementById(taskDefinitionKey) instanceof UserTask task)
        || task.getExtensionElements() == null) {
      return Optional.empty();
    }
    for (CamundaProperties properties :
        task.getExtensionElements()
            .getElementsQuery()
            .filterByType(CamundaProperties.class)
            .list()) {
      for (CamundaProperty property : properties.getCamundaProperties()) {
        if (PROPERTY.equals(property.getCamundaName())
            && property.getCamundaValue() != null
            && !property.getCamundaValue().isBlank()) {
          return Optional.of(property.getCamundaValue().strip());
        }
      }
    }
    return Optional.empty();
  }
}
