package cn.officeflow.platform.engine;

import cn.officeflow.platform.web.NotFoundException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * How a REST caller learns what a step accepts (the input contract, DESIGN.md §5):
 * {@code GET /api/tasks/{id}/inputs} for a task the caller can see, {@code GET
 * /api/process-definitions/{key}/start-inputs} for a process the caller may read. Both answer {@code
 * {"step", "editable", "readOnly"}}: send only {@code editable}; {@code readOnly} fields may be echoed
 * unchanged.
 */
@RestController
public class StepInputsController {

  private final ProcessEngine engine;
  private final OfficeFlowEnginePlugin plugin;

  public StepInputsController(ProcessEngine engine, OfficeFlowEnginePlugin plugin) {
    this.engine = engine;
    this.plugin = plugin;
  }

  @GetMapping("/api/tasks/{taskId}/inputs")
  public StepInputs taskInputs(@PathVariable String taskId) {
    // queried as the caller: a task they cannot see is 404
    Task task = engine.getTaskService().createTaskQuery().taskId(taskId).singleResult();
    if (task == null || task.getProcessDefinitionId() == null) {
      throw new NotFoundException("任务不存在或无权查看：" + taskId);
    }
    return plugin
        .guard()
        .inputContract()
        .taskInputs(task.getProcessDefinitionId(), task.getTaskDefinitionKey(), task.getId());
  }

  @GetMapping("/api/process-definitions/{key}/start-inputs")
  public StepInputs startInputs(@PathVariable String key) {
    ProcessDefinition definition =
        engine
            .getRepositoryService()
            .createProcessDefinitionQuery()
            .processDefinitionKey(key)
            .withoutTenantId()
            .latestVersion()
            .singleResult();
    if (definition == null) {
      throw new NotFoundException("流程不存在或无权查看：" + key);
    }
    return plugin.guard().inputContract().startInputs(definition.getId());
  }
}
