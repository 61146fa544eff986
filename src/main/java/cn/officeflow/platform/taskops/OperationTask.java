package cn.officeflow.platform.taskops;

import java.util.Set;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;

/**
 * A task as the task operations (转办, 委派, 抄送, 退回, 加签) see it: the task, its process, the business record
 * (business key, the process's name, the record's title), its candidates and who started the process.
 */
record OperationTask(
    Task task,
    ProcessDefinition definition,
    String businessKey,
    String processName,
    String title,
    Set<String> candidateUsers,
    Set<String> candidateGroups,
    String starter) {

  String stepName() {
    return task.getName() == null ? task.getTaskDefinitionKey() : task.getName();
  }
}
