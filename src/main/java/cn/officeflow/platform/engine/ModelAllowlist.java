package cn.officeflow.platform.engine;

import java.util.Set;

/**
 * What a deployed model may call (DESIGN.md §6 "Audit and designers"), in one place; {@link
 * DeploymentGuard} refuses everything else with 400 naming the element. Derived from the shipped models
 * ({@code DesignerDeploymentTest} fails when a shipped model needs more, or when a name here is used by no
 * shipped model):
 * <ul>
 *   <li>every Spring bean that is a {@code JavaDelegate}, {@code ExecutionListener} or {@code TaskListener}
 *       (the project's delegates and listeners, by type: a new delegate needs no entry here), in {@code
 *       camunda:delegateExpression} or as the root of an expression; {@code camunda:class} only for the
 *       classes of those beans;</li>
 *   <li>the helper beans below, whose methods the models call in expressions (status marks, due dates,
 *       collections, conditions);</li>
 *   <li>on {@code execution} and {@code task}: only the variable and identity methods/properties below
 *       (not {@code getProcessEngineServices()} and the like);</li>
 *   <li>Camunda's expression functions below; any other identifier is a process variable, whose methods
 *       cannot be called.</li>
 * </ul>
 */
public final class ModelAllowlist {

  /** Beans (not delegates or listeners) whose methods the shipped models call. */
  public static final Set<String> HELPER_BEANS =
      Set.of(
          "workingDays",
          "orgService",
          "outgoingDocumentService",
          "incomingDocumentService",
          "supervisionService",
          "documentDestructionService",
          "emergencyService",
          "crisisService",
          "drillService",
          "procurementService",
          "supplierService",
          "suppliesService",
          "reimbursementService");

  /** The scope objects of an expression. */
  public static final Set<String> SCOPE_OBJECTS = Set.of("execution", "task");

  /** Methods of {@code execution}/{@code task} a model may call: variables and who/what the step is. */
  public static final Set<String> SCOPE_METHODS =
      Set.of(
          "getVariable",
          "getVariableLocal",
          "getVariableTyped",
          "getVariableLocalTyped",
          "hasVariable",
          "hasVariableLocal",
          "setVariable",
          "setVariableLocal",
          "getProcessBusinessKey",
          "getBusinessKey",
          "getProcessInstanceId",
          "getId",
          "getCurrentActivityId",
          "getCurrentActivityName",
          "getActivityInstanceId",
          "getEventName",
          "getTaskDefinitionKey",
          "getAssignee",
          "getName");

  /** Properties of {@code execution}/{@code task} a model may read (the getters above as properties). */
  public static final Set<String> SCOPE_PROPERTIES =
      Set.of(
          "variables",
          "variablesLocal",
          "processBusinessKey",
          "businessKey",
          "processInstanceId",
          "id",
          "currentActivityId",
          "currentActivityName",
          "activityInstanceId",
          "eventName",
          "taskDefinitionKey",
          "assignee",
          "name");

  /** Camunda's expression functions. */
  public static final Set<String> FUNCTIONS =
      Set.of("now", "dateTime", "currentUser", "currentUserGroups");

  /** Properties that lead from any value to Java reflection. */
  public static final Set<String> REFLECTION_PROPERTIES =
      Set.of("class", "classLoader", "declaringClass", "module");

  private ModelAllowlist() {}
}
