package cn.officeflow.platform.engine;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.model.bpmn.Bpmn;

/**
 * After the engine has deployed the processes of a new deployment, hands them to the application's
 * {@link DeployedProcessHook} (start permissions from the model) in the same transaction: a process
 * deployed from Modeler can be started at once, without a restart.
 */
class DeployedProcessPermissions implements Deployer {

  private final Supplier<DeployedProcessHook> hook;

  DeployedProcessPermissions(Supplier<DeployedProcessHook> hook) {
    this.hook = hook;
  }

  @Override
  public void deploy(DeploymentEntity deployment) {
    DeployedProcessHook target = hook.get();
    List<ProcessDefinitionEntity> definitions =
        deployment.getDeployedArtifacts(ProcessDefinitionEntity.class);
    if (!deployment.isNew() || target == null || definitions == null || definitions.isEmpty()) {
      return;
    }
    List<DeployedProcessHook.DeployedProcess> processes = new ArrayList<>();
    for (ProcessDefinitionEntity definition : definitions) {
      // from the deployment's own bytes: its rows are not written before the command ends
      ResourceEntity resource = deployment.getResource(definition.getResourceName());
      if (resource != null) {
        processes.add(
            new DeployedProcessHook.DeployedProcess(
                definition.getKey(),
                Bpmn.readModelFromStream(new ByteArrayInputStream(resource.getBytes()))));
      }
    }
    // the deployment runs without authorization checks: so do the grants it makes
    target.deployed(Context.getProcessEngineConfiguration().getAuthorizationService(), processes);
  }
}
