package cn.officeflow.platform.engine;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

/**
 * Told about the process definitions of every new deployment (Modeler, REST, start-up) inside the
 * deployment's own transaction, so that what it grants is there the moment the deployment is: start
 * permissions follow the model without a restart. Runs without authorization checks (the engine deploys
 * as itself); {@code authorizations} is the engine's service for that transaction.
 */
public interface DeployedProcessHook {

  /** One deployed process: its key and its model. */
  record DeployedProcess(String key, BpmnModelInstance model) {}

  void deployed(AuthorizationService authorizations, List<DeployedProcess> processes);
}
