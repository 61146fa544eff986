package cn.officeflow.platform.engine;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The job executor of this node in a cluster (several nodes on one database).
 *
 * <ul>
 *   <li><b>Lock owner</b>: Camunda writes a random id into {@code ACT_RU_JOB.LOCK_OWNER_}; here it is the
 *       engine's host name ({@code camunda.bpm.generic-properties.properties.hostname}, also written to the job
 *       log {@code ACT_HI_JOB_LOG.HOSTNAME_}) followed by a random part for each start, so an operator sees
 *       which node holds a job — and, after a crash, which jobs wait for the dead node's lock to expire.</li>
 *   <li><b>Lock time</b> ({@code camunda.bpm.job-execution.lock-time-in-millis}): a job picked by a node
 *       that dies is taken over by another node only when its lock expires, so the lock time is the delay of
 *       those jobs after a crash; but a job still running when its lock expires may be picked and run a
 *       second time by another node. It must therefore be longer than the longest job: the PDF/OFD rendering
 *       waits for LibreOffice up to {@code officeflow.docgen.timeout-seconds}. A shorter lock time is
 *       reported at start-up.</li>
 * </ul>
 */
@Component
public class JobExecutorNode extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(JobExecutorNode.class);

  /** What a job needs beyond the LibreOffice conversion (document, database work, the commit). */
  static final Duration MARGIN = Duration.ofSeconds(30);

  /**
   * The job priority of the one step that renders documents (发文's 生成版式文件: LibreOffice, PDF/A, OFD,
   * signature), below every other job's (0): see {@link #rendering}.
   */
  public static final long RENDERING_PRIORITY = -10;

  private final Duration longestJob;
  private final String rendering;

  /**
   * {@code rendering} ({@code officeflow.jobs.rendering}): {@code yes} — this node runs every job, the
   * rendering ones last when jobs wait (acquired by priority); {@code no} — it leaves the rendering jobs to other
   * nodes (a node that serves the users); {@code only} — it runs nothing but them (a rendering node).
   */
  public JobExecutorNode(
      @Value("${officeflow.docgen.timeout-seconds:180}") long docgenTimeoutSeconds,
      @Value("${officeflow.jobs.rendering:yes}") String rendering) {
    this.longestJob = Duration.ofSeconds(docgenTimeoutSeconds);
    this.rendering = rendering == null ? "yes" : rendering.strip().toLowerCase(Locale.ROOT);
    if (!List.of("yes", "no", "only").contains(this.rendering)) {
      throw new IllegalArgumentException(
          "officeflow.jobs.rendering（OFFICEFLOW_JOBS_RENDERING）只能是 yes、no 或 only，当前为「"
              + rendering
              + "」");
    }
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setJobExecutorAcquireByPriority(true);
    if (rendering.equals("no")) {
      configuration.setJobExecutorPriorityRangeMin(RENDERING_PRIORITY + 1);
    } else if (rendering.equals("only")) {
      configuration.setJobExecutorPriorityRangeMax(RENDERING_PRIORITY);
    }
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    JobExecutor jobExecutor = configuration.getJobExecutor();
    if (jobExecutor == null) {
      return;
    }
    jobExecutor.setLockOwner(lockOwner(configuration.getHostname()));
    Duration lockTime = Duration.ofMillis(jobExecutor.getLockTimeInMillis());
    if (lockTime.compareTo(longestJob.plus(MARGIN)) < 0) {
      LOG.warn(
          "作业锁定时间 {} 秒短于最长作业（LibreOffice 转换上限 {} 秒）加 {} 秒：作业可能在两个节点上各执行一次。"
              + " Job lock time {} s is below the longest job ({} s LibreOffice timeout) + {} s: a job may run"
              + " twice in a cluster (camunda.bpm.job-execution.lock-time-in-millis)",
          lockTime.toSeconds(),
          longestJob.toSeconds(),
          MARGIN.toSeconds(),
          lockTime.toSeconds(),
          longestJob.toSeconds(),
          MARGIN.toSeconds());
    }
  }

  /** {@code <host name>/<random>}: at most 64 characters (the column ACT_RU_JOB.LOCK_OWNER_ is 255). */
  static String lockOwner(String hostname) {
    String host = hostname == null || hostname.isBlank() ? "node" : hostname.strip();
    if (host.length() > 55) {
      host = host.substring(0, 55);
    }
    return host + "/" + UUID.randomUUID().toString().substring(0, 8);
  }
}
