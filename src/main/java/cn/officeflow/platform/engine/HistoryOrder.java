package cn.officeflow.platform.engine;

import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;

/**
 * The engine's sequence counter of a historic activity instance: increases along a path of execution, so it orders
 * the steps of one instance where the database keeps times only to the second (MySQL/MariaDB {@code datetime}).
 * Not part of Camunda's public interface, hence here (ArchitectureTest).
 */
public final class HistoryOrder {

  private HistoryOrder() {}

  public static long sequence(HistoricActivityInstance instance) {
    return instance instanceof HistoricActivityInstanceEventEntity entity
        ? entity.getSequenceCounter()
        : 0L;
  }
}
