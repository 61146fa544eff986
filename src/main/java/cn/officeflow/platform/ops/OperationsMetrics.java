package cn.officeflow.platform.ops;

import cn.officeflow.platform.notify.NotificationRepository;
import cn.officeflow.platform.notify.NotificationStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.Supplier;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Gauges read from the database at every scrape (one indexed count each), so both nodes report the same
 * figures: {@value #INCIDENTS} (open incidents, what Cockpit shows in red) and {@value #NOTIFICATION_BACKLOG}
 * (tag {@code status}: PENDING = written, not yet sent; FAILED = a failed attempt waiting for its retry). A
 * scrape while the database is unreachable reports NaN instead of failing the whole scrape. The counters of
 * completed tasks and failed jobs are {@link cn.officeflow.platform.engine.EngineMetrics}.
 */
@Component
public class OperationsMetrics {

  public static final String INCIDENTS = "officeflow.incidents.open";
  public static final String NOTIFICATION_BACKLOG = "officeflow.notifications.backlog";

  private static final Logger LOG = LoggerFactory.getLogger(OperationsMetrics.class);

  public OperationsMetrics(
      MeterRegistry registry, RuntimeService runtime, NotificationRepository notifications) {
    Gauge.builder(INCIDENTS, () -> read(() -> runtime.createIncidentQuery().count()))
        .description("未解决的事件（incident）数")
        .register(registry);
    for (NotificationStatus status :
        new NotificationStatus[] {NotificationStatus.PENDING, NotificationStatus.FAILED}) {
      Gauge.builder(NOTIFICATION_BACKLOG, () -> read(() -> notifications.countByStatus(status)))
          .description("尚未发出的通知数（PENDING 待发送，FAILED 等待重试）")
          .tag("status", status.name())
          .register(registry);
    }
  }

  private static double read(Supplier<Long> count) {
    try {
      return count.get();
    } catch (RuntimeException e) {
      LOG.debug("metrics: database not readable", e);
      return Double.NaN;
    }
  }
}
