package cn.officeflow.platform.engine;

import java.util.Set;
import org.camunda.bpm.engine.history.JobState;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricJobLogEvent;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;

/**
 * The engine's history writer (in place of Camunda's {@link DbHistoryEventHandler}), history level
 * {@code full}, without four kinds of rows that no auditor reads and that cost more than a third of a 发文
 * lifecycle's inserts (measured by {@code bench/RestLifecycleComparison}):
 *
 * <ul>
 *   <li>{@code ACT_HI_DETAIL}, every intermediate value of every variable: what a variable ended as stays in
 *       {@code ACT_HI_VARINST} (each review task's own {@code decision} and {@code comment} are local to the
 *       task, so each is a row of its own there), every decision is in the review record ({@code of_review}:
 *       step, person, time, decision, comment, version), every draft in its versions; {@code
 *       officeflow.history.variable-details=true} writes them again;
 *   <li>the history of <em>display copies</em>, variables that repeat for a form what is recorded elsewhere
 *       ({@code officeflow.history.display-variables}, e.g. {@code reviewTrail}, a text of {@code of_review});
 *   <li>the activity history of exclusive, parallel and inclusive gateways: the way a token took shows in the
 *       activities after them (event-based gateways, where an instance waits, are kept); {@code
 *       officeflow.history.gateways=true} writes them again;
 *   <li>the job log's "created" and "succeeded" entries: the activity history already shows each service
 *       step ended, and when; failures and deletions are still logged (with incidents, what an operator
 *       needs); {@code officeflow.history.job-log-success=true} writes them again.
 * </ul>
 *
 * Everything else is written as Camunda writes it: process, activity and task instances, identity links, the
 * user operation log, incidents, and the latest value of every other variable.
 */
public class AuditHistoryEventHandler extends DbHistoryEventHandler {

  /** Gateways a token passes without waiting for anything outside the instance. */
  private static final Set<String> GATEWAYS =
      Set.of("exclusiveGateway", "parallelGateway", "inclusiveGateway");

  private final boolean variableDetails;
  private final boolean gateways;
  private final boolean jobLogSuccess;
  private final Set<String> displayVariables;

  public AuditHistoryEventHandler(
      boolean variableDetails,
      boolean gateways,
      boolean jobLogSuccess,
      Set<String> displayVariables) {
    this.variableDetails = variableDetails;
    this.gateways = gateways;
    this.jobLogSuccess = jobLogSuccess;
    this.displayVariables = Set.copyOf(displayVariables);
  }

  @Override
  public void handleEvent(HistoryEvent event) {
    if (event instanceof HistoricVariableUpdateEventEntity variable
        && displayVariables.contains(variable.getVariableName())) {
      return;
    }
    if (event instanceof HistoricActivityInstanceEventEntity activity
        && !gateways
        && GATEWAYS.contains(activity.getActivityType())) {
      return;
    }
    if (event instanceof HistoricJobLogEvent job
        && !jobLogSuccess
        && (job.getState() == JobState.CREATED.getStateCode()
            || job.getState() == JobState.SUCCESSFUL.getStateCode())) {
      return;
    }
    super.handleEvent(event);
  }

  @Override
  protected boolean shouldWriteHistoricDetail(HistoricVariableUpdateEventEntity event) {
    return variableDetails && super.shouldWriteHistoricDetail(event);
  }
}
