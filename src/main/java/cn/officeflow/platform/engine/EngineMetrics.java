package cn.officeflow.platform.engine;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.camunda.bpm.engine.impl.history.event.HistoricJobLogEvent;
import org.camunda.bpm.engine.impl.history.event.HistoricTaskInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Engine counters for Micrometer (actuator /metrics and /prometheus on the management port), from the history
 * events the starter publishes as Spring events ({@code camunda.bpm.eventing.history}, history level full):
 *
 * <ul>
 *   <li>{@value #TASKS_COMPLETED} (tag {@code process}: the process definition key, {@code none} for a task
 *       outside any process such as a 加签 subtask): user tasks completed;
 *   <li>{@value #JOBS_FAILED} (tag {@code process}): failed job executions (each failed attempt, retries
 *       included; the last one also opens an incident, see the {@code officeflow.incidents.open} gauge).
 * </ul>
 *
 * Counted after the transaction that wrote the event commits, so a completion that is rolled back (refused
 * input, optimistic locking) is not counted.
 */
@Component
public class EngineMetrics {

  public static final String TASKS_COMPLETED = "officeflow.tasks.completed";
  public static final String JOBS_FAILED = "officeflow.jobs.failed";

  private final MeterRegistry registry;

  public EngineMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  @EventListener
  public void onHistoryEvent(HistoryEvent event) {
    if (event instanceof HistoricTaskInstanceEventEntity task
        && HistoryEventTypes.TASK_INSTANCE_COMPLETE.getEventName().equals(task.getEventType())) {
      afterCommit(counter(TASKS_COMPLETED, "完成的用户任务", task.getProcessDefinitionKey()));
    } else if (event instanceof HistoricJobLogEvent job && job.isFailureLog()) {
      // job log events carry no event type; the failure log is the one written after a failed
      // attempt
      afterCommit(counter(JOBS_FAILED, "失败的作业执行", job.getProcessDefinitionKey()));
    }
  }

  private Counter counter(String name, String description, String processKey) {
    return Counter.builder(name)
        .description(description)
        .tag("process", processKey == null || processKey.isBlank() ? "none" : processKey)
        .register(registry);
  }

  private static void afterCommit(Counter counter) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      counter.increment();
      return;
    }
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCommit() {
            counter.increment();
          }
        });
  }
}
