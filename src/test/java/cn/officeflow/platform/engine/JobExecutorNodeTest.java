package cn.officeflow.platform.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cmd.AcquireJobsCmd;
import org.camunda.bpm.engine.impl.jobexecutor.AcquiredJobs;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.yaml.snakeyaml.Yaml;

/** The job executor of a cluster node: who holds a job, and a lock time that outlasts the longest job. */
@ExtendWith(OutputCaptureExtension.class)
class JobExecutorNodeTest {

  @Test
  void theLockOwnerNamesTheNodeAndDiffersOnEveryStart() {
    StandaloneInMemProcessEngineConfiguration first = configuration("node-8094", 240_000);
    StandaloneInMemProcessEngineConfiguration second = configuration("node-8094", 240_000);
    new JobExecutorNode(180, "yes").postInit(first);
    new JobExecutorNode(180, "yes").postInit(second);
    String owner = first.getJobExecutor().getLockOwner();
    assertThat(owner).matches("node-8094/[0-9a-f]{8}");
    // a restarted node is a new owner: the locks of its previous life expire like any other's
    assertThat(second.getJobExecutor().getLockOwner()).startsWith("node-8094/").isNotEqualTo(owner);
  }

  @Test
  void aLongHostNameIsCutToFitTheLockColumn() {
    assertThat(JobExecutorNode.lockOwner("n".repeat(300))).hasSize(64);
    assertThat(JobExecutorNode.lockOwner(" ")).matches("node/[0-9a-f]{8}");
  }

  @Test
  void aLockTimeShorterThanTheLongestJobIsReported(CapturedOutput output) {
    new JobExecutorNode(180, "yes").postInit(configuration("node-a", 30_000));
    assertThat(output).contains("作业锁定时间 30 秒短于最长作业", "lock-time-in-millis");
  }

  @Test
  void theShippedLockTimeOutlastsTheLongestJob(CapturedOutput output) throws Exception {
    Map<String, Object> yaml;
    try (InputStream in = getClass().getResourceAsStream("/application.yaml")) {
      yaml = new Yaml().load(in);
    }
    Map<?, ?> jobs =
        (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) yaml.get("camunda")).get("bpm")).get("job-execution");
    Matcher shipped =
        Pattern.compile("\\$\\{OFFICEFLOW_JOB_LOCK_MILLIS:(\\d+)}")
            .matcher(String.valueOf(jobs.get("lock-time-in-millis")));
    assertThat(shipped.matches()).isTrue();
    long millis = Long.parseLong(shipped.group(1));
    assertThat(Duration.ofMillis(millis))
        .isGreaterThanOrEqualTo(Duration.ofSeconds(180).plus(JobExecutorNode.MARGIN))
        // shorter than Camunda's 5 minutes: a crashed node's jobs are taken over sooner
        .isLessThan(Duration.ofMinutes(5));
    new JobExecutorNode(180, "yes").postInit(configuration("node-a", (int) millis));
    assertThat(output).doesNotContain("作业锁定时间");
  }

  @Test
  void aUsersNodeLeavesRenderingToOthersAndARenderingNodeTakesNothingElse() {
    Map<String, List<Long>> acquired = new java.util.LinkedHashMap<>();
    for (String mode : List.of("yes", "no", "only")) {
      StandaloneInMemProcessEngineConfiguration configuration = configuration("node", 240_000);
      configuration.setJdbcUrl("jdbc:h2:mem:job-priorities-" + mode + ";DB_CLOSE_DELAY=-1");
      configuration.setProcessEngineName("job-priorities-" + mode);
      configuration.setJobExecutorActivate(false);
      new JobExecutorNode(180, mode).preInit(configuration);
      ProcessEngine engine = configuration.buildProcessEngine();
      try {
        engine
            .getRepositoryService()
            .createDeployment()
            .addModelInstance(
                "render.bpmn", oneAsyncStep("render", JobExecutorNode.RENDERING_PRIORITY))
            .addModelInstance("archive.bpmn", oneAsyncStep("archive", 0))
            .deploy();
        engine.getRuntimeService().startProcessInstanceByKey("render");
        engine.getRuntimeService().startProcessInstanceByKey("archive");
        AcquiredJobs jobs =
            configuration
                .getCommandExecutorTxRequired()
                .execute(new AcquireJobsCmd(configuration.getJobExecutor(), 10));
        List<Long> priorities = new ArrayList<>();
        for (List<String> batch : jobs.getJobIdBatches()) {
          for (String id : batch) {
            priorities.add(
                engine
                    .getManagementService()
                    .createJobQuery()
                    .jobId(id)
                    .singleResult()
                    .getPriority());
          }
        }
        acquired.put(mode, priorities);
      } finally {
        engine.close();
      }
    }
    assertThat(acquired.get("yes")).as("every job, by priority").containsExactly(0L, -10L);
    assertThat(acquired.get("no")).as("a users' node").containsExactly(0L);
    assertThat(acquired.get("only")).as("a rendering node").containsExactly(-10L);
    assertThatThrownBy(() -> new JobExecutorNode(180, "sometimes"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("officeflow.jobs.rendering");
  }

  @Test
  void theRenderingStepOf发文CarriesTheRenderingPriority() throws Exception {
    try (InputStream in = getClass().getResourceAsStream("/outgoing_document.bpmn")) {
      ServiceTask render =
          Bpmn.readModelFromStream(in).getModelElementById("Task_RenderPrintCopies");
      assertThat(render.getCamundaJobPriority())
          .isEqualTo(Long.toString(JobExecutorNode.RENDERING_PRIORITY));
    }
  }

  private static BpmnModelInstance oneAsyncStep(String key, long priority) {
    return Bpmn.createExecutableProcess(key)
        .startEvent()
        .serviceTask(key + "Step")
        .camundaAsyncBefore()
        .camundaJobPriority(Long.toString(priority))
        .camundaExpression("${true}")
        .endEvent()
        .done();
  }

  private static StandaloneInMemProcessEngineConfiguration configuration(
      String hostname, int lockMillis) {
    StandaloneInMemProcessEngineConfiguration configuration =
        new StandaloneInMemProcessEngineConfiguration();
    configuration.setHostname(hostname);
    DefaultJobExecutor jobExecutor = new DefaultJobExecutor();
    jobExecutor.setLockTimeInMillis(lockMillis);
    configuration.setJobExecutor(jobExecutor);
    return configuration;
  }
}
