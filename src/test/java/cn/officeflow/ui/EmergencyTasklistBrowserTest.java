package cn.officeflow.ui;

import static cn.officeflow.support.FormJsFields.choose;
import static cn.officeflow.support.FormJsFields.field;
import static cn.officeflow.support.FormJsFields.typeAndKeep;
import static cn.officeflow.support.TasklistBrowser.exactName;
import static cn.officeflow.support.TasklistBrowser.expect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.officeflow.emergency.EmergencyService;
import cn.officeflow.emergency.EmergencyVariables;
import cn.officeflow.support.HttpTest;
import cn.officeflow.support.TasklistBrowser;
import cn.officeflow.support.TasklistBrowserTestBase;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A Ⅰ级 emergency in Tasklist, in Chinese: 张伟 reports a fire from 发起流程 (the 报告突发事件 form), the decision
 * makes it Ⅰ级, and 林峰 (emergency-command) claims and completes 人员安全确认; only then do 现场处置 and
 * 后方支持 appear.
 */
@HttpTest
class EmergencyTasklistBrowserTest extends TasklistBrowserTestBase {

  private static final String PROCESS = "应急分级响应";
  private static final String REPORTER = "zhangwei";
  private static final String COMMAND = "linfeng";

  @Autowired private ProcessEngine engine;
  @Autowired private EmergencyService emergencies;
  @Autowired private JdbcClient jdbc;

  @Test
  void staffReportsALevelOneFireAndEmergencyCommandConfirmsPersonnelSafety() {
    String location = "浏览器测试楼三层（" + UUID.randomUUID().toString().substring(0, 8) + "）";
    browser.login(REPORTER);
    browser.startProcessMenu().click();
    Locator dialog = page.locator(".modal-dialog");
    dialog.getByRole(AriaRole.LINK, exactName(PROCESS)).click();
    expect(dialog.locator(".modal-title")).containsText(PROCESS);
    Locator form = dialog.locator(".fjs-form");
    expect(field(form, "地点")).isEditable();
    choose(form, "事件维度", "人员");
    typeAndKeep(form, "情形", "火灾");
    typeAndKeep(form, "地点", location);
    typeAndKeep(form, "事件经过", "配电间冒烟，已拉响警报");
    Response submitted =
        page.waitForResponse(
            r -> r.url().endsWith("/submit-form"),
            () -> dialog.getByRole(AriaRole.BUTTON, exactName("发起")).click());
    assertThat(submitted.status()).as(submitted.text()).isEqualTo(200);

    String id =
        await()
            .atMost(Duration.ofSeconds(10))
            .until(
                () ->
                    jdbc.sql("select id from of_emergency where location = :l")
                        .param("l", location)
                        .query(String.class)
                        .optional()
                        .orElse(null),
                Objects::nonNull);
    assertThat(emergencies.emergency(id).level()).isEqualTo("Ⅰ");
    assertThat(emergencies.emergency(id).reporter()).isEqualTo(REPORTER);
    Task confirm = task(id, EmergencyVariables.TASK_CONFIRM_SAFETY);
    browser.screenshot("emergency-reported.png");

    browser.logout();
    browser.login(COMMAND);
    Locator view = browser.openTask(confirm.getId(), "人员安全确认");
    Locator taskForm = view.locator(".fjs-form");
    expect(field(taskForm, "事件级别")).hasValue("Ⅰ");
    expect(field(taskForm, "地点")).hasValue(location);
    view.getByRole(AriaRole.BUTTON, exactName(TasklistBrowser.CLAIM)).click();
    expect(view.getByRole(AriaRole.BUTTON, exactName(TasklistBrowser.CLAIM))).hasCount(0);
    typeAndKeep(taskForm, "确认的受伤人数", "0");
    typeAndKeep(taskForm, "人员安全情况", "全员已疏散至集合点，无人受伤");
    browser.screenshot("emergency-confirm-safety.png");
    Response completed =
        page.waitForResponse(
            r -> r.url().endsWith("/submit-form"),
            () -> view.getByRole(AriaRole.BUTTON, exactName("完成")).click());
    assertThat(completed.ok()).as("HTTP %s %s", completed.status(), completed.text()).isTrue();

    assertThat(task(id, EmergencyVariables.TASK_ON_SITE)).isNotNull();
    assertThat(task(id, EmergencyVariables.TASK_SUPPORT)).isNotNull();
    assertThat(emergencies.emergency(id).safetyConfirmedBy()).isEqualTo(COMMAND);
  }

  private Task task(String businessKey, String key) {
    return await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                engine
                    .getTaskService()
                    .createTaskQuery()
                    .processInstanceBusinessKey(businessKey)
                    .taskDefinitionKey(key)
                    .singleResult(),
            Objects::nonNull);
  }
}
