package cn.officeflow.platform.engine;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.Date;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Health of the Camunda job executor, two contributors on the management port (actuator):
 *
 * <ul>
 *   <li>{@code jobExecutor} (part of the readiness group): UP while this node's job executor is active; DOWN
 *       when it should run ({@code camunda.bpm.job-execution.enabled}, the default) but has stopped. A node
 *       configured without a job executor reports UP with {@code enabled: false}. Replaces the starter's
 *       indicator of the same name (which has no notion of a backlog).
 *   <li>{@code jobBacklog} (overall health only, not readiness): DOWN when a due job has been waiting longer
 *       than {@code officeflow.health.job-backlog-age} (default 10 minutes) without a live lock — jobs that
 *       neither node picks up. Not in readiness on purpose: the backlog is shared by every node on the
 *       database, so failing readiness on it would take all nodes out of the proxy at once and stop the
 *       users as well as the jobs. Monitoring alerts on it (and on the incident gauge).
 * </ul>
 *
 * The backlog is read with one indexed count on {@code ACT_RU_JOB} (due date, or creation time for jobs
 * without one) against the engine clock, so tests move it with the engine clock.
 */
@Component("jobExecutorHealthIndicator")
public class JobExecutorHealth implements HealthIndicator {

  private static final String BACKLOG_SQL =
      """
      select count(*) from ACT_RU_JOB
      where RETRIES_ > 0 and SUSPENSION_STATE_ = 1
        and (LOCK_EXP_TIME_ is null or LOCK_EXP_TIME_ < :now)
        and ((DUEDATE_ is not null and DUEDATE_ < :threshold)
          or (DUEDATE_ is null and CREATE_TIME_ < :threshold))""";

  private final ObjectProvider<JobExecutor> jobExecutor;
  private final boolean enabled;
  private final JdbcClient jdbc;
  private final Duration backlogAge;

  public JobExecutorHealth(
      ObjectProvider<JobExecutor> jobExecutor,
      @Value("${camunda.bpm.job-execution.enabled:true}") boolean enabled,
      JdbcClient jdbc,
      @Value("${officeflow.health.job-backlog-age:PT10M}") Duration backlogAge) {
    this.jobExecutor = jobExecutor;
    this.enabled = enabled;
    this.jdbc = jdbc;
    this.backlogAge = backlogAge;
  }

  @Override
  public Health health() {
    if (!enabled) {
      return Health.up().withDetail("enabled", false).build();
    }
    JobExecutor executor = jobExecutor.getIfAvailable();
    if (executor == null || !executor.isActive()) {
      return Health.down()
          .withDetail("enabled", true)
          .withDetail("active", false)
          .withDetail("message", "作业执行器未运行：本节点不会执行定时器、异步步骤和通知发送")
          .build();
    }
    return Health.up()
        .withDetail("enabled", true)
        .withDetail("active", true)
        .withDetail("name", executor.getName())
        .build();
  }

  /** Due jobs waiting longer than the backlog age without a live lock. */
  public long backlog() {
    Date now = ClockUtil.getCurrentTime();
    Timestamp threshold = new Timestamp(now.getTime() - backlogAge.toMillis());
    return jdbc.sql(BACKLOG_SQL)
        .param("now", new Timestamp(now.getTime()))
        .param("threshold", threshold)
        .query(Long.class)
        .single();
  }

  /** The {@code jobBacklog} health contributor. */
  @Component("jobBacklogHealthIndicator")
  public static class Backlog implements HealthIndicator {

    private final JobExecutorHealth jobs;

    public Backlog(JobExecutorHealth jobs) {
      this.jobs = jobs;
    }

    @Override
    public Health health() {
      long waiting = jobs.backlog();
      Health.Builder health = waiting == 0 ? Health.up() : Health.down();
      health.withDetail("waiting", waiting).withDetail("olderThan", jobs.backlogAge.toString());
      if (waiting > 0) {
        health.withDetail(
            "message",
            waiting + " 个到期作业等待超过 " + jobs.backlogAge.toMinutes() + " 分钟仍未执行：请检查各节点的作业执行器和数据库");
      }
      return health.build();
    }
  }
}
