package cn.officeflow.platform.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.officeflow.destruction.DocumentDestructionVariables;
import cn.officeflow.platform.archive.ArchiveEntry;
import cn.officeflow.platform.archive.ArchiveService;
import cn.officeflow.platform.archive.ArchiveTestData;
import cn.officeflow.platform.engine.EngineMetrics;
import cn.officeflow.platform.notify.Channel;
import cn.officeflow.platform.notify.NotificationService;
import cn.officeflow.platform.notify.NotificationVariables;
import cn.officeflow.support.Http;
import cn.officeflow.support.ProcessDriver;
import cn.officeflow.support.TestClock;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Actuator on the management port: health groups, the project's counters and gauges in /metrics and in the
 * Prometheus text, and nothing of it on the public port. Mail goes to a loopback port where nothing listens,
 * so a notification's delivery job fails as with a broken mail server.
 */
@DirtiesContext
@AutoConfigureObservability(tracing = false)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"camunda.bpm.process-engine-name=opsit", "officeflow.notify.sms.url="})
@ActiveProfiles("test")
class OperationsEndpointsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @DynamicPropertySource
  static void brokenMailServer(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", OperationsEndpointsTest::closedPort);
    registry.add("spring.mail.properties.mail.smtp.connectiontimeout", () -> "2000");
  }

  @LocalServerPort int port;
  @LocalManagementPort int managementPort;
  @Autowired ProcessEngine engine;
  @Autowired MeterRegistry registry;
  @Autowired NotificationService notifications;
  @Autowired ArchiveService archive;

  @AfterEach
  void resetClock() {
    TestClock.reset();
  }

  @Test
  void actuatorAnswersOnTheManagementPortOnlyWithReadinessOfDatabaseAndJobExecutor()
      throws Exception {
    assertThat(managementPort).isNotEqualTo(port);
    Http http = new Http(port);
    for (String path :
        List.of("/actuator/health", "/actuator/prometheus", "/actuator/metrics", "/actuator")) {
      assertThat(http.get(path, null, null).statusCode()).as("public " + path).isEqualTo(404);
      assertThat(http.get(path, "admin", "Guanli@2026").statusCode())
          .as("public " + path + " as admin")
          .isEqualTo(404);
    }

    HttpResponse<String> readiness = management("/actuator/health/readiness");
    assertThat(readiness.statusCode()).isEqualTo(200);
    JsonNode ready = JSON.readTree(readiness.body());
    assertThat(ready.get("status").asText()).isEqualTo("UP");
    assertThat(ready.get("components").fieldNames())
        .toIterable()
        .containsExactlyInAnyOrder("readinessState", "db", "jobExecutor");
    // the tests run without a job executor thread: a node configured so is ready
    assertThat(ready.at("/components/jobExecutor/details/enabled").asBoolean()).isFalse();

    HttpResponse<String> liveness = management("/actuator/health/liveness");
    assertThat(liveness.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(liveness.body()).get("status").asText()).isEqualTo("UP");
  }

  @Test
  void completedTasksAreCountedByProcessKey() throws Exception {
    double before = count(EngineMetrics.TASKS_COMPLETED, DocumentDestructionVariables.PROCESS_KEY);
    ArchiveEntry entry = archive.archive(ArchiveTestData.entry("指标 " + UUID.randomUUID()));
    ProcessDriver process = new ProcessDriver(engine);
    ProcessInstance pi =
        process.start(
            "lina",
            DocumentDestructionVariables.PROCESS_KEY,
            Map.of(
                DocumentDestructionVariables.ENTRIES, entry.id(),
                DocumentDestructionVariables.REASON, "保管期限已满",
                DocumentDestructionVariables.METHOD, "焚烧"));
    process.approve("zhaomin", pi.getId(), DocumentDestructionVariables.TASK_DIRECTOR_REVIEW);
    assertThat(count(EngineMetrics.TASKS_COMPLETED, DocumentDestructionVariables.PROCESS_KEY))
        .isEqualTo(before + 1);
    process.approve("wuqiang", pi.getId(), DocumentDestructionVariables.TASK_LEADER_APPROVAL);
    assertThat(count(EngineMetrics.TASKS_COMPLETED, DocumentDestructionVariables.PROCESS_KEY))
        .isEqualTo(before + 2);

    String prometheus = management("/actuator/prometheus").body();
    assertThat(prometheus)
        .contains(
            "officeflow_tasks_completed_total{application=\"officeflow\",process=\"document_destruction\"} "
                + (before + 2));
    JsonNode metric =
        JSON.readTree(
            management(
                    "/actuator/metrics/"
                        + EngineMetrics.TASKS_COMPLETED
                        + "?tag=process:"
                        + DocumentDestructionVariables.PROCESS_KEY)
                .body());
    assertThat(metric.at("/measurements/0/value").asDouble()).isEqualTo(before + 2);
  }

  @Test
  void failedJobsIncidentsAndNotificationBacklogMove() throws Exception {
    String process = NotificationVariables.PROCESS_KEY;
    double failedBefore = count(EngineMetrics.JOBS_FAILED, process);
    double incidentsBefore = gauge(OperationsMetrics.INCIDENTS, null);
    double pendingBefore = gauge(OperationsMetrics.NOTIFICATION_BACKLOG, "PENDING");
    double retryingBefore = gauge(OperationsMetrics.NOTIFICATION_BACKLOG, "FAILED");

    String id =
        notifications
            .send(
                "message",
                Map.of("title", "关于元旦值班安排的通知", "text", "请报送值班表。"),
                List.of("zhangwei"),
                java.util.Set.of(Channel.MAIL),
                "ops-" + UUID.randomUUID())
            .get(0);
    assertThat(gauge(OperationsMetrics.NOTIFICATION_BACKLOG, "PENDING"))
        .isEqualTo(pendingBefore + 1);

    ManagementService management = engine.getManagementService();
    Job job = deliveryJob(id);
    assertThatThrownBy(() -> management.executeJob(job.getId()));
    assertThat(count(EngineMetrics.JOBS_FAILED, process))
        .as(
            "%s",
            registry.find(EngineMetrics.JOBS_FAILED).counters().stream()
                .map(c -> c.getId() + "=" + c.count())
                .toList())
        .isEqualTo(failedBefore + 1);
    assertThat(gauge(OperationsMetrics.NOTIFICATION_BACKLOG, "PENDING")).isEqualTo(pendingBefore);
    assertThat(gauge(OperationsMetrics.NOTIFICATION_BACKLOG, "FAILED"))
        .isEqualTo(retryingBefore + 1);
    assertThat(gauge(OperationsMetrics.INCIDENTS, null)).isEqualTo(incidentsBefore);

    while (deliveryJob(id).getRetries() > 0) {
      assertThatThrownBy(() -> management.executeJob(job.getId()));
    }
    assertThat(count(EngineMetrics.JOBS_FAILED, process)).isEqualTo(failedBefore + 5);
    assertThat(gauge(OperationsMetrics.INCIDENTS, null)).isEqualTo(incidentsBefore + 1);
    assertThat(management("/actuator/prometheus").body())
        .contains("officeflow_jobs_failed_total{application=\"officeflow\",process=\"" + process)
        .contains("officeflow_incidents_open{application=\"officeflow\"} " + (incidentsBefore + 1))
        .contains(
            "officeflow_notifications_backlog{application=\"officeflow\",status=\"FAILED\"} "
                + (retryingBefore + 1));
  }

  @Test
  void aDueJobThatNobodyRunsForTenMinutesTurnsTheBacklogDownButNotReadiness() throws Exception {
    LocalDateTime start = LocalDateTime.now().withNano(0);
    TestClock.set(start.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME));
    notifications.send(
        "message",
        Map.of("title", "积压检查", "text", "无"),
        List.of("zhangwei"),
        java.util.Set.of(Channel.MAIL),
        "backlog-" + UUID.randomUUID());
    JsonNode health = JSON.readTree(management("/actuator/health").body());
    assertThat(health.at("/components/jobBacklog/status").asText()).isEqualTo("UP");

    TestClock.set(start.plusMinutes(11).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME));
    HttpResponse<String> overall = management("/actuator/health");
    assertThat(overall.statusCode()).isEqualTo(503);
    JsonNode backlog = JSON.readTree(overall.body()).at("/components/jobBacklog");
    assertThat(backlog.get("status").asText()).isEqualTo("DOWN");
    assertThat(backlog.at("/details/waiting").asLong()).isPositive();
    assertThat(backlog.at("/details/message").asText()).contains("到期作业");
    assertThat(management("/actuator/health/readiness").statusCode()).isEqualTo(200);
  }

  private Job deliveryJob(String notificationId) {
    ProcessInstance instance =
        engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processDefinitionKey(NotificationVariables.PROCESS_KEY)
            .processInstanceBusinessKey(notificationId)
            .singleResult();
    return engine
        .getManagementService()
        .createJobQuery()
        .processInstanceId(instance.getId())
        .singleResult();
  }

  private double count(String name, String process) {
    var counter = registry.find(name).tag("process", process).counter();
    return counter == null ? 0 : counter.count();
  }

  private double gauge(String name, String status) {
    var search = registry.find(name);
    if (status != null) {
      search = search.tag("status", status);
    }
    return search.gauge().value();
  }

  private HttpResponse<String> management(String path) throws IOException, InterruptedException {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static int closedPort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
