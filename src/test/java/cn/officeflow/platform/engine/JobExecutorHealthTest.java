package cn.officeflow.platform.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.actuate.health.Status;

/** The job executor's readiness: DOWN when it should run but is not active, UP once it runs. */
class JobExecutorHealthTest {

  @Test
  void anExecutorThatShouldRunButDoesNotIsDown() {
    JobExecutor executor = new DefaultJobExecutor();
    JobExecutorHealth health =
        new JobExecutorHealth(
            new StaticListableBeanFactory(Map.of("jobExecutor", executor))
                .getBeanProvider(JobExecutor.class),
            true,
            null,
            Duration.ofMinutes(10));
    assertThat(executor.isActive()).isFalse();
    assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
    assertThat(health.health().getDetails()).containsEntry("active", false);

    JobExecutorHealth missing =
        new JobExecutorHealth(
            new StaticListableBeanFactory().getBeanProvider(JobExecutor.class),
            true,
            null,
            Duration.ofMinutes(10));
    assertThat(missing.health().getStatus()).isEqualTo(Status.DOWN);

    JobExecutorHealth disabled =
        new JobExecutorHealth(
            new StaticListableBeanFactory().getBeanProvider(JobExecutor.class),
            false,
            null,
            Duration.ofMinutes(10));
    assertThat(disabled.health().getStatus()).isEqualTo(Status.UP);
  }
}
