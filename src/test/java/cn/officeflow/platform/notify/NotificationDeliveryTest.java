package cn.officeflow.platform.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.junit.jupiter.api.Test;

/** Sending behind the async boundary: delivery, failure and retries, incident, recovery, idempotency. */
class NotificationDeliveryTest extends NotifyTestBase {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String DECISION_PROCESS = "notify_test_decision";

  @Test
  void mailAndSmsAreSentWithChineseTextAndRecordedSent() throws Exception {
    String businessKey = "doc-" + UUID.randomUUID();
    List<String> ids =
        notifications.send(
            "message",
            Map.of("title", "关于国庆节放假安排的通知", "text", "国庆节、中秋节放假调休共 8 天，10 月 1 日至 8 日。"),
            List.of("zhangwei"),
            Channel.BOTH,
            businessKey);

    assertThat(ids).hasSize(2);
    Notification mail = record(ids.get(0));
    Notification sms = record(ids.get(1));
    assertThat(mail.channel()).isEqualTo(Channel.MAIL);
    assertThat(mail.address()).isEqualTo("zhangwei@officeflow.example");
    assertThat(sms.channel()).isEqualTo(Channel.SMS);
    assertThat(sms.address()).isEqualTo("13800000001");
    for (Notification n : List.of(mail, sms)) {
      assertThat(n.status()).isEqualTo(NotificationStatus.PENDING);
      assertThat(n.attempts()).isZero();
      assertThat(n.template()).isEqualTo("message");
      assertThat(n.businessKey()).isEqualTo(businessKey);
      assertThat(n.recipient()).isEqualTo("zhangwei");
      assertThat(n.createdBy()).isEqualTo("system");
      // the delivery instance: business key = notification id, one variable
      ProcessInstance instance = deliveryInstance(n.id());
      assertThat(engine.getRuntimeService().getVariables(instance.getId()))
          .containsExactly(Map.entry(NotificationVariables.NOTIFICATION_ID, n.id()));
    }
    assertThat(MAIL.getReceivedMessages()).isEmpty();
    assertThat(SMS.requests()).isEmpty();

    deliver(ids);

    MimeMessage[] received = MAIL.getReceivedMessages();
    assertThat(received).hasSize(1);
    MimeMessage message = received[0];
    assertThat(message.getSubject()).isEqualTo("关于国庆节放假安排的通知");
    assertThat(((InternetAddress) message.getAllRecipients()[0]).getAddress())
        .isEqualTo("zhangwei@officeflow.example");
    InternetAddress from = (InternetAddress) message.getFrom()[0];
    assertThat(from.getAddress()).isEqualTo("noreply@officeflow.example");
    assertThat(from.getPersonal()).isEqualTo("行政办公室");
    assertThat(message.getHeader(NotificationSender.ID_HEADER)[0]).isEqualTo(mail.id());
    String body = (String) message.getContent();
    assertThat(body).startsWith("张伟，您好：").contains("国庆节、中秋节放假调休共 8 天，10 月 1 日至 8 日。");

    assertThat(SMS.requests()).hasSize(1);
    SmsGatewayStub.Request request = SMS.requests().get(0);
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.contentType()).startsWith("application/json");
    assertThat(request.authorization()).isEqualTo("Bearer test-key");
    JsonNode posted = JSON.readTree(request.body());
    assertThat(posted.get("phone").asText()).isEqualTo("13800000001");
    assertThat(posted.get("text").asText())
        .isEqualTo("【行政办公】关于国庆节放假安排的通知：国庆节、中秋节放假调休共 8 天，10 月 1 日至 8 日。");

    for (String id : ids) {
      Notification sent = record(id);
      assertThat(sent.status()).isEqualTo(NotificationStatus.SENT);
      assertThat(sent.attempts()).isEqualTo(1);
      assertThat(sent.sentAt()).isNotNull();
      assertThat(sent.lastError()).isNull();
      assertThat(deliveryInstance(id)).as("delivery instance ended").isNull();
    }
    assertThat(GreenMailUtil.getBody(message)).isNotBlank();
  }

  @Test
  void smtpDownNeverRollsBackTheDecisionRetriesRaiseAnIncidentAndRecoverySendsOnce() {
    String businessKey = deployDecisionProcessAndStart();
    MAIL.stop();

    // the user's decision: completing the task runs the notifying delegate in the same transaction
    TaskService tasks = engine.getTaskService();
    String taskId =
        tasks.createTaskQuery().processInstanceBusinessKey(businessKey).singleResult().getId();
    asUser("zhangwei", () -> tasks.complete(taskId, Map.of("decision", "approve")));

    assertThat(
            engine
                .getHistoryService()
                .createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(businessKey)
                .finished()
                .count())
        .as("decision committed, process finished")
        .isEqualTo(1);
    List<Notification> records = notifications.forBusinessKey(businessKey);
    assertThat(records).hasSize(1);
    String id = records.get(0).id();
    assertThat(records.get(0).status()).isEqualTo(NotificationStatus.PENDING);

    ManagementService management = engine.getManagementService();
    Job job = deliveryJob(id);
    assertThatThrownBy(() -> management.executeJob(job.getId())).hasMessageContaining("邮件发送失败");
    Notification failed = record(id);
    assertThat(failed.status()).isEqualTo(NotificationStatus.FAILED);
    assertThat(failed.attempts()).isEqualTo(1);
    assertThat(failed.lastError()).contains("邮件发送失败").contains("zhangwei@officeflow.example");
    assertThat(deliveryJob(id).getRetries()).isEqualTo(4); // R5/PT1M: five attempts in all
    assertThat(deliveryJob(id).getDuedate()).isNotNull();

    // the job executor would retry every minute; run the remaining attempts now
    int executions = 1;
    while (deliveryJob(id).getRetries() > 0) {
      assertThatThrownBy(() -> management.executeJob(job.getId()))
          .isInstanceOf(NotificationDeliveryException.class);
      executions++;
    }
    assertThat(executions).isEqualTo(5);
    assertThat(record(id).attempts()).isEqualTo(5);
    RuntimeService runtime = engine.getRuntimeService();
    String deliveryInstanceId = deliveryInstance(id).getId();
    Incident incident =
        runtime.createIncidentQuery().processInstanceId(deliveryInstanceId).singleResult();
    assertThat(incident).as("incident visible in Cockpit").isNotNull();
    assertThat(incident.getIncidentType()).isEqualTo(Incident.FAILED_JOB_HANDLER_TYPE);
    assertThat(incident.getActivityId()).isEqualTo(NotificationVariables.TASK_DELIVER);
    assertThat(incident.getIncidentMessage()).contains("邮件发送失败");
    assertThat(MAIL.getReceivedMessages()).isEmpty();

    // the operator fixes SMTP and retries the job in Cockpit
    MAIL.start();
    management.setJobRetries(job.getId(), 1);
    management.executeJob(job.getId());

    assertThat(MAIL.getReceivedMessages()).hasSize(1);
    Notification sent = record(id);
    assertThat(sent.status()).isEqualTo(NotificationStatus.SENT);
    assertThat(sent.attempts()).isEqualTo(6);
    assertThat(sent.sentAt()).isNotNull();
    assertThat(runtime.createIncidentQuery().processInstanceId(deliveryInstanceId).count())
        .isZero();
    assertThat(deliveryInstance(id)).isNull();
  }

  @Test
  void smsGatewayErrorFailsTheJobAndIsRetried() {
    List<String> ids =
        notifications.send(
            "message",
            Map.of("title", "停电通知", "text", "周六 9:00–12:00 停电。"),
            List.of("liuyang"),
            EnumSet.of(Channel.SMS),
            "power-" + UUID.randomUUID());
    String id = ids.get(0);
    SMS.answer(500);
    assertThatThrownBy(() -> deliver(ids)).hasMessageContaining("HTTP 500");
    assertThat(record(id).status()).isEqualTo(NotificationStatus.FAILED);
    assertThat(record(id).lastError()).contains("短信网关返回 HTTP 500").contains("网关故障");
    assertThat(SMS.requests()).isEmpty();

    SMS.answer(200);
    deliver(ids);
    assertThat(SMS.requests()).hasSize(1);
    assertThat(record(id).status()).isEqualTo(NotificationStatus.SENT);
    assertThat(record(id).attempts()).isEqualTo(2);
  }

  @Test
  void aDuplicatedOrRepeatedDeliveryJobNeverSendsTwice() {
    List<String> ids =
        notifications.send(
            "message",
            Map.of("title", "会议通知", "text", "周一 9:00 三楼会议室。"),
            List.of("zhangwei"),
            EnumSet.of(Channel.MAIL),
            "meeting-" + UUID.randomUUID());
    String id = ids.get(0);
    deliver(ids);
    assertThat(MAIL.getReceivedMessages()).hasSize(1);

    // a duplicate of the delivery job (e.g. started twice, or re-run after a lost commit)
    startDuplicateDelivery(id);
    deliver(ids);
    assertThat(MAIL.getReceivedMessages()).hasSize(1);
    assertThat(record(id).attempts()).isEqualTo(1);
    assertThat(record(id).status()).isEqualTo(NotificationStatus.SENT);
  }

  @Test
  void twoDeliveryJobsOfOneNotificationRunningAtOnceSendOnce() throws Exception {
    List<String> ids =
        notifications.send(
            "message",
            Map.of("title", "消防演练", "text", "周三 15:00 全员参加。"),
            List.of("sunli"),
            EnumSet.of(Channel.MAIL),
            "drill-" + UUID.randomUUID());
    String id = ids.get(0);
    String first = deliveryJob(id).getId();
    String second = startDuplicateDelivery(id);

    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<?>> runs = new ArrayList<>();
      for (String jobId : List.of(first, second)) {
        runs.add(
            pool.submit(
                () -> {
                  go.await();
                  engine.getManagementService().executeJob(jobId);
                  return null;
                }));
      }
      go.countDown();
      for (Future<?> run : runs) {
        try {
          run.get();
        } catch (java.util.concurrent.ExecutionException e) {
          // the loser may time out waiting for the row lock; its job would be retried and find SENT
        }
      }
    } finally {
      pool.shutdownNow();
    }
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> record(id).status() == NotificationStatus.SENT);
    assertThat(MAIL.getReceivedMessages()).hasSize(1);
    assertThat(record(id).attempts()).isEqualTo(1);
  }

  @Test
  void deliveryProcessIsInternal() {
    ProcessDefinition definition =
        engine
            .getRepositoryService()
            .createProcessDefinitionQuery()
            .processDefinitionKey(NotificationVariables.PROCESS_KEY)
            .latestVersion()
            .singleResult();
    assertThat(definition.getName()).isEqualTo("通知发送");
    assertThat(definition.isStartableInTasklist()).isFalse();
    assertThat(definition.getHistoryTimeToLive()).isEqualTo(180);
    Process process =
        engine
            .getRepositoryService()
            .getBpmnModelInstance(definition.getId())
            .getModelElementById(NotificationVariables.PROCESS_KEY);
    assertThat(process.getCamundaCandidateStarterGroupsList()).isEmpty();
    // nobody but the engine may start it: staff have no start permission
    assertThat(
            engine
                .getAuthorizationService()
                .isUserAuthorized(
                    "zhangwei",
                    List.of("staff"),
                    org.camunda.bpm.engine.authorization.Permissions.CREATE_INSTANCE,
                    org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION,
                    NotificationVariables.PROCESS_KEY))
        .isFalse();
  }

  @Test
  void sendFromAUserRequestStartsTheInternalProcessWithoutStartPermission() {
    List<String> ids =
        asUser(
            "zhangwei",
            () ->
                notifications.send(
                    "message",
                    Map.of("title", "测试", "text", "用户请求中发送"),
                    List.of("liuyang"),
                    EnumSet.of(Channel.MAIL),
                    "req-1"));
    assertThat(record(ids.get(0)).createdBy()).isEqualTo("zhangwei");
    assertThat(deliveryInstance(ids.get(0))).isNotNull();
  }

  private String startDuplicateDelivery(String id) {
    ProcessInstance duplicate =
        engine
            .getRuntimeService()
            .createProcessInstanceByKey(NotificationVariables.PROCESS_KEY)
            .businessKey(id)
            .setVariable(NotificationVariables.NOTIFICATION_ID, id)
            .execute();
    return engine
        .getManagementService()
        .createJobQuery()
        .processInstanceId(duplicate.getId())
        .singleResult()
        .getId();
  }

  /** A small process deployed for the test: a user's decision, then (synchronously) a notification. */
  private String deployDecisionProcessAndStart() {
    if (engine
            .getRepositoryService()
            .createProcessDefinitionQuery()
            .processDefinitionKey(DECISION_PROCESS)
            .count()
        == 0) {
      BpmnModelInstance model =
          Bpmn.createExecutableProcess(DECISION_PROCESS)
              .name("通知测试")
              .camundaHistoryTimeToLive(180)
              .startEvent()
              .name("开始")
              .userTask("Task_Decide")
              .name("审批")
              .camundaAssignee("zhangwei")
              // the step's input contract: a generated form with one field
              .camundaFormField()
              .camundaId("decision")
              .camundaType("string")
              .camundaFormFieldDone()
              .serviceTask("Task_Notify")
              .name("通知")
              .camundaDelegateExpression("${notifyAfterDecisionDelegate}")
              .endEvent()
              .name("结束")
              .done();
      engine
          .getRepositoryService()
          .createDeployment()
          .addModelInstance(DECISION_PROCESS + ".bpmn", model)
          .deploy();
    }
    String businessKey = "decision-" + UUID.randomUUID();
    engine
        .getRuntimeService()
        .startProcessInstanceByKey(DECISION_PROCESS, businessKey, Map.of("notify", "zhangwei"));
    return businessKey;
  }

  private <T> T asUser(String userId, java.util.function.Supplier<T> action) {
    List<String> groups =
        engine.getIdentityService().createGroupQuery().groupMember(userId).list().stream()
            .map(g -> g.getId())
            .toList();
    engine.getIdentityService().setAuthentication(userId, groups);
    try {
      return action.get();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  private void asUser(String userId, Runnable action) {
    asUser(
        userId,
        () -> {
          action.run();
          return null;
        });
  }
}
