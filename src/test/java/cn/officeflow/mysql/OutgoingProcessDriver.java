package cn.officeflow.mysql;

import static cn.officeflow.outgoing.OutgoingDocumentVariables.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.officeflow.support.DemoUsers;
import cn.officeflow.support.ProcessDriver;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;

/**
 * Drives 发文 instances on one process engine the way people do: every start and task completion runs
 * with the engine authentication of the acting demo user (authorization checks apply, and the review
 * trail records that user); jobs run without authentication, as the job executor would run them.
 */
final class OutgoingProcessDriver extends ProcessDriver {

  // demo users (organisation/demo.yaml), named as in the MariaDB tests
  static final String ZHANGWEI = DemoUsers.DRAFTER;
  static final String LIUYANG = DemoUsers.HEAD;
  static final String WANGFANG = DemoUsers.FINANCE_HEAD;
  static final String ZHOUJIE = DemoUsers.LEGAL;
  static final String WUQIANG = DemoUsers.LEADER;
  static final String ZHENGHUA = DemoUsers.PROOF_1;

  OutgoingProcessDriver(ProcessEngine engine) {
    super(engine);
  }

  /** A 发文机关代字 nobody used before: letters only (Draft accepts 汉字 or letters, at most 12). */
  static String freshDocCode() {
    StringBuilder code = new StringBuilder("IT");
    for (int i = 0; i < 8; i++) {
      code.append((char) ('A' + ThreadLocalRandom.current().nextInt(26)));
    }
    return code.toString();
  }

  /** Start variables of a 通知 from 业务处 to the 各处室. */
  static Map<String, Object> draft(
      String title, String body, String docCode, String countersignDepts) {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put(TITLE, title);
    variables.put(DOC_TYPE, "通知");
    variables.put(MAIN_RECIPIENTS, "各处室");
    variables.put(COPY_TO, "示范市人民政府办公室");
    variables.put(BODY, body);
    variables.put(URGENCY, "普通");
    variables.put(SECRECY, "公开");
    if (docCode != null) {
      variables.put(DOC_CODE, docCode);
    }
    if (countersignDepts != null) {
      variables.put(COUNTERSIGN_DEPTS, countersignDepts);
    }
    return variables;
  }

  /** Starts a 发文 as {@code drafter}; returns the process instance id. */
  String start(String drafter, Map<String, Object> variables) {
    return start(drafter, PROCESS_KEY, variables).getId();
  }

  /** The one open task {@code taskKey} of the instance (asserted). */
  Task task(String processInstanceId, String taskKey) {
    List<Task> tasks =
        engine()
            .getTaskService()
            .createTaskQuery()
            .processInstanceId(processInstanceId)
            .taskDefinitionKey(taskKey)
            .list();
    assertThat(tasks).as("open %s of %s", taskKey, processInstanceId).hasSize(1);
    return tasks.get(0);
  }

  List<Task> tasks(String processInstanceId) {
    return engine().getTaskService().createTaskQuery().processInstanceId(processInstanceId).list();
  }

  /** Completes {@code taskId} as {@code user} with decision = approve and a comment (the approval contract). */
  void approve(String user, String taskId) {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("decision", "approve");
    variables.put("comment", "同意（" + user + "）");
    as(
        user,
        () -> {
          engine().getTaskService().complete(taskId, variables);
          return null;
        });
  }
}
