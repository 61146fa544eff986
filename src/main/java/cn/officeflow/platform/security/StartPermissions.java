package cn.officeflow.platform.security;

import static java.util.stream.Collectors.toSet;
import static org.camunda.bpm.engine.authorization.Authorization.ANY;

import cn.officeflow.platform.engine.DeployedProcessHook;
import cn.officeflow.platform.org.RoleGroups;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Who may start a process, read from its model (DESIGN.md §5), granted when the model is deployed — at
 * start-up and at once for a deployment from Modeler, no restart:
 * <ul>
 *   <li>READ + CREATE_INSTANCE on the process definition (its key) and CREATE on PROCESS_INSTANCE for
 *       every group in {@code camunda:candidateStarterGroups} and user in {@code
 *       camunda:candidateStarterUsers} (literal ids; an expression there grants nothing);</li>
 *   <li>the same for {@code integrations} when the process has a message start event for one of {@code
 *       officeflow.integrations.messages} (the API filter and the engine guard keep those users to the
 *       correlation itself).</li>
 * </ul>
 * The model decides: a group or user that a new version no longer names loses CREATE_INSTANCE on that
 * process (a start permission given by hand in Admin for one process is taken back the same way at the
 * next deployment or start-up; {@code camunda-admin} keeps everything).
 */
@Component
public class StartPermissions implements DeployedProcessHook {

  private final Set<String> integrationMessages;

  public StartPermissions(
      @Value("${officeflow.integrations.messages:}") List<String> integrationMessages) {
    this.integrationMessages =
        integrationMessages.stream().map(String::strip).filter(m -> !m.isEmpty()).collect(toSet());
  }

  @Override
  public void deployed(AuthorizationService authorizations, List<DeployedProcess> processes) {
    // collected first: inside one deployment a grant written for the first process is not yet
    // visible
    // to the query for the second (the engine flushes at the end of the command)
    Map<Owner, Set<Permission>> grants = new LinkedHashMap<>();
    for (DeployedProcess process : processes) {
      Set<Owner> starters = collect(process.key(), process.model(), grants);
      if (starters != null) {
        revokeOthers(authorizations, process.key(), starters);
      }
    }
    Grants writer = new Grants(authorizations);
    grants.forEach(
        (owner, permissions) -> {
          Permission[] array = permissions.toArray(new Permission[0]);
          if (owner.group()) {
            writer.group(owner.id(), owner.resource(), owner.resourceId(), array);
          } else {
            writer.user(owner.id(), owner.resource(), owner.resourceId(), array);
          }
        });
  }

  /** The starters of the process (null when the model has no such process), their grants added. */
  private Set<Owner> collect(
      String key, BpmnModelInstance model, Map<Owner, Set<Permission>> grants) {
    Process process = model.getModelElementById(key);
    if (process == null) {
      return null;
    }
    Set<Owner> starters = new LinkedHashSet<>();
    for (String group : process.getCamundaCandidateStarterGroupsList()) {
      if (literal(group)) {
        starters.add(new Owner(true, group.strip(), Resources.PROCESS_DEFINITION, key));
      }
    }
    for (String user : process.getCamundaCandidateStarterUsersList()) {
      if (literal(user)) {
        starters.add(new Owner(false, user.strip(), Resources.PROCESS_DEFINITION, key));
      }
    }
    if (startedByIntegrationMessage(model)) {
      starters.add(new Owner(true, RoleGroups.INTEGRATIONS, Resources.PROCESS_DEFINITION, key));
    }
    for (Owner starter : starters) {
      add(grants, starter, Permissions.READ, Permissions.CREATE_INSTANCE);
      add(
          grants,
          new Owner(starter.group(), starter.id(), Resources.PROCESS_INSTANCE, ANY),
          Permissions.CREATE);
    }
    return starters;
  }

  /**
   * A group or user that may start the process by its key but is no longer named by the model loses
   * CREATE_INSTANCE (READ stays: staff read every definition anyway). {@code camunda-admin} keeps
   * everything.
   */
  private static void revokeOthers(
      AuthorizationService authorizations, String key, Set<Owner> starters) {
    for (Authorization authorization :
        authorizations
            .createAuthorizationQuery()
            .authorizationType(Authorization.AUTH_TYPE_GRANT)
            .resourceType(Resources.PROCESS_DEFINITION)
            .resourceId(key)
            .list()) {
      boolean group = authorization.getGroupId() != null;
      String id = group ? authorization.getGroupId() : authorization.getUserId();
      if (RoleGroups.CAMUNDA_ADMIN.equals(id)
          || starters.contains(new Owner(group, id, Resources.PROCESS_DEFINITION, key))
          || !authorization.isPermissionGranted(Permissions.CREATE_INSTANCE)) {
        continue;
      }
      authorization.removePermission(Permissions.CREATE_INSTANCE);
      authorizations.saveAuthorization(authorization);
    }
  }

  private boolean startedByIntegrationMessage(BpmnModelInstance model) {
    return model.getModelElementsByType(StartEvent.class).stream()
        .flatMap(start -> start.getEventDefinitions().stream())
        .filter(MessageEventDefinition.class::isInstance)
        .map(e -> ((MessageEventDefinition) e).getMessage())
        .anyMatch(m -> m != null && integrationMessages.contains(m.getName()));
  }

  private static boolean literal(String id) {
    return id != null && !id.isBlank() && !id.contains("${") && !id.contains("#{");
  }

  private static void add(Map<Owner, Set<Permission>> grants, Owner owner, Permission... perms) {
    Set<Permission> set = grants.computeIfAbsent(owner, o -> new LinkedHashSet<>());
    set.addAll(List.of(perms));
  }

  private record Owner(boolean group, String id, Resource resource, String resourceId) {}
}
