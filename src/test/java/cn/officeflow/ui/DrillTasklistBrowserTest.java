package cn.officeflow.ui;

import static cn.officeflow.support.FormJsFields.choose;
import static cn.officeflow.support.FormJsFields.typeAndKeep;
import static cn.officeflow.support.TasklistBrowser.exactName;
import static cn.officeflow.support.TasklistBrowser.expect;
import static cn.officeflow.support.TasklistBrowser.label;
import static org.assertj.core.api.Assertions.assertThat;

import cn.officeflow.drill.DrillVariables;
import cn.officeflow.support.HttpTest;
import cn.officeflow.support.TasklistBrowserTestBase;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 应急演练 in Tasklist (Chinese, Camunda Forms): 林峰 (emergency-command) starts a drill from 发起流程 with the start
 * form, and his 演练计划 task opens with its Chinese form (the quarter shown read-only, the planning fields
 * editable).
 */
@HttpTest
class DrillTasklistBrowserTest extends TasklistBrowserTestBase {

  @Autowired ProcessEngine engine;

  @Test
  void emergencyCommandStartsADrillAndOpensThePlanningForm() {
    browser.login("linfeng");
    expect(page.locator("[cam-tasklist-filters]"))
        .isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(120_000));
    browser.startProcessMenu().click();
    Locator dialog = page.locator(".modal-dialog");
    dialog.getByRole(AriaRole.LINK, exactName("应急演练")).click();
    Locator form = dialog.locator(".fjs-form");
    Locator reason = form.getByLabel(label("发起说明"));
    expect(reason).isEditable();
    expect(form).containsText("演练类型（可在计划时再定）");
    typeAndKeep(form, "发起说明", "浏览器测试：补做本季度消防演练");
    Response submitted =
        page.waitForResponse(
            r -> r.url().endsWith("/submit-form"),
            () -> dialog.getByRole(AriaRole.BUTTON, exactName("发起")).click());
    assertThat(submitted.status()).as("start form submission").isEqualTo(200);
    expect(page.getByText("流程已发起。")).isVisible();

    List<Task> plans =
        engine
            .getTaskService()
            .createTaskQuery()
            .processDefinitionKey(DrillVariables.PROCESS_KEY)
            .taskDefinitionKey(DrillVariables.TASK_PLAN)
            .taskAssignee("linfeng")
            .list();
    assertThat(plans).hasSize(1);
    browser.reloadUntilVisible(
        () -> browser.taskInList(plans.get(0).getId()), "the 演练计划 task", true);
    Locator task = browser.openTask(plans.get(0).getId(), "演练计划");
    Locator plan = task.locator(".fjs-form");
    expect(plan.getByLabel(label("演练地点"))).isEditable();
    choose(plan, "组织人", "林峰（linfeng）");
    expect(plan.getByLabel(label("演练场景"))).isEditable();
    expect(plan.getByLabel(label("发起说明"))).hasValue("浏览器测试：补做本季度消防演练");
    expect(plan.getByLabel(label("发起说明"))).isDisabled();
    expect(plan.getByLabel(label("所属季度"))).hasValue(Pattern.compile("\\d{4}年第.季度"));
    browser.screenshot("drill-plan.png");
  }
}
