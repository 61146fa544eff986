package cn.officeflow.platform.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.variable.serializer.TypedValueSerializer;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Engine settings that have no Spring Boot property: the long-string serializer, the guard in front of every
 * user command ({@link UserCommandGuard}, with the application's {@link TaskCompletionHook} when there is one:
 * 加签), the assignment of tasks that only one person can do ({@link SingleCandidateAssignment}) and the
 * application's part when a user task is deleted ({@link TaskDeletionListener}, {@link TaskDeletionHook}: 加签),
 * the check of every deployment ({@link DeploymentGuard}) and the application's part after one ({@link
 * DeployedProcessHook}: start permissions), and the history writer ({@link AuditHistoryEventHandler}).
 */
@Component
public class OfficeFlowEnginePlugin extends AbstractProcessEnginePlugin {

  private final ObjectProvider<UserCommandGuard.PasswordPolicyGuard> passwordPolicy;
  private final ObjectProvider<TaskCompletionHook> completions;
  private final ObjectProvider<TaskDeletionHook> deletions;
  private final ObjectProvider<DeployedProcessHook> deployedProcesses;
  private final ListableBeanFactory beans;
  private final Set<String> integrationMessages;
  private final AuditHistoryEventHandler historyWriter;
  private final Set<String> adminGroups;
  private final IdentityChanges identityChanges;
  private UserCommandGuard guard;
  private DeploymentGuard deploymentGuard;

  public OfficeFlowEnginePlugin(
      ObjectProvider<UserCommandGuard.PasswordPolicyGuard> passwordPolicy,
      ObjectProvider<TaskCompletionHook> completions,
      ObjectProvider<TaskDeletionHook> deletions,
      ObjectProvider<DeployedProcessHook> deployedProcesses,
      ListableBeanFactory beans,
      IdentityChanges identityChanges,
      @Value("${officeflow.integrations.messages:}") List<String> integrationMessages,
      @Value("${officeflow.history.variable-details:false}") boolean variableDetails,
      @Value("${officeflow.history.gateways:false}") boolean gateways,
      @Value("${officeflow.history.job-log-success:false}") boolean jobLogSuccess,
      @Value("${officeflow.history.display-variables:}") List<String> displayVariables,
      @Value(
              "${officeflow.security.admin-groups:camunda-admin,system-admins,security-admins,audit-admins}")
          List<String> adminGroups) {
    this.adminGroups = Set.copyOf(adminGroups);
    this.identityChanges = identityChanges;
    this.passwordPolicy = passwordPolicy;
    this.completions = completions;
    this.deletions = deletions;
    this.deployedProcesses = deployedProcesses;
    this.beans = beans;
    this.integrationMessages = names(integrationMessages);
    this.historyWriter =
        new AuditHistoryEventHandler(
            variableDetails, gateways, jobLogSuccess, names(displayVariables));
  }

  /** The names of a comma-separated property, stripped, without blanks, in their order. */
  private static Set<String> names(List<String> values) {
    Set<String> names = new LinkedHashSet<>();
    for (String value : values) {
      if (value != null && !value.isBlank()) {
        names.add(value.strip());
      }
    }
    return names;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    // the history writer in place of Camunda's, first in line as Camunda puts its own; other
    // handlers (the starter's Spring event publisher) come after it
    List<HistoryEventHandler> historyHandlers = new ArrayList<>();
    historyHandlers.add(historyWriter);
    if (configuration.getCustomHistoryEventHandlers() != null) {
      historyHandlers.addAll(configuration.getCustomHistoryEventHandlers());
    }
    configuration.setCustomHistoryEventHandlers(historyHandlers);
    configuration.setEnableDefaultDbHistoryEventHandler(false);

    List<TypedValueSerializer> serializers = new ArrayList<>();
    if (configuration.getCustomPreVariableSerializers() != null) {
      serializers.addAll(configuration.getCustomPreVariableSerializers());
    }
    serializers.add(0, new LongStringSerializer());
    configuration.setCustomPreVariableSerializers(serializers);

    List<org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener> parseListeners =
        new ArrayList<>();
    if (configuration.getCustomPostBPMNParseListeners() != null) {
      parseListeners.addAll(configuration.getCustomPostBPMNParseListeners());
    }
    parseListeners.add(new SingleCandidateAssignment());
    parseListeners.add(new TaskDeletionListener(deletions::getIfAvailable));
    configuration.setCustomPostBPMNParseListeners(parseListeners);

    List<Deployer> preDeployers = new ArrayList<>();
    if (configuration.getCustomPreDeployers() != null) {
      preDeployers.addAll(configuration.getCustomPreDeployers());
    }
    deploymentGuard = new DeploymentGuard(beans);
    preDeployers.add(0, deploymentGuard);
    configuration.setCustomPreDeployers(preDeployers);
    List<Deployer> postDeployers = new ArrayList<>();
    if (configuration.getCustomPostDeployers() != null) {
      postDeployers.addAll(configuration.getCustomPostDeployers());
    }
    postDeployers.add(new DeployedProcessPermissions(deployedProcesses::getIfAvailable));
    configuration.setCustomPostDeployers(postDeployers);

    guard =
        new UserCommandGuard(
            configuration,
            new UserCommandGuard.PasswordPolicyGuard() {
              @Override
              public void check(org.camunda.bpm.engine.identity.User user, String password) {
                UserCommandGuard.PasswordPolicyGuard check = passwordPolicy.getIfAvailable();
                if (check != null) {
                  check.check(user, password);
                }
              }

              @Override
              public void saved(org.camunda.bpm.engine.identity.User user, String actingUserId) {
                UserCommandGuard.PasswordPolicyGuard check = passwordPolicy.getIfAvailable();
                if (check != null) {
                  check.saved(user, actingUserId);
                }
              }
            },
            completions::getIfAvailable,
            integrationMessages,
            new AdminSeparation(configuration, adminGroups));
    List<CommandInterceptor> interceptors = new ArrayList<>();
    if (configuration.getCustomPreCommandInterceptorsTxRequired() != null) {
      interceptors.addAll(configuration.getCustomPreCommandInterceptorsTxRequired());
    }
    interceptors.add(guard);
    interceptors.add(identityChanges);
    configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
  }

  /** The check every deployment of this engine passes (tests run the shipped models through it). */
  public DeploymentGuard deploymentGuard() {
    return deploymentGuard;
  }

  /** The guard of this engine (its input contract is what tests and tools walk). */
  public UserCommandGuard guard() {
    return guard;
  }
}
