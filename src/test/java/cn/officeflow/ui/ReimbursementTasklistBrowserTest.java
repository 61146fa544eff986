package cn.officeflow.ui;

import static cn.officeflow.support.FormJsFields.typeAndKeep;
import static cn.officeflow.support.TasklistBrowser.exactName;
import static cn.officeflow.support.TasklistBrowser.expect;
import static cn.officeflow.support.TasklistBrowser.label;
import static org.assertj.core.api.Assertions.assertThat;

import cn.officeflow.reimbursement.ConcurrentInvoiceClaims;
import cn.officeflow.reimbursement.ReimbursementVariables;
import cn.officeflow.support.HttpTest;
import cn.officeflow.support.ProcessDriver;
import cn.officeflow.support.TasklistBrowser;
import cn.officeflow.support.TasklistBrowserTestBase;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 报销 in Tasklist (Chinese, Camunda Forms): 张伟 starts a claim from 发起流程 (amount, purpose, the invoices as a JSON
 * array in a text box); 陈静 opens 财务初审 and sees the invoices as a readable table; after her 初审, her click on
 * 认领 of 财务复核 is refused (403, 双签).
 */
@HttpTest
class ReimbursementTasklistBrowserTest extends TasklistBrowserTestBase {

  @Autowired ProcessEngine engine;

  @Test
  void applicantStartsAClaimAndTheFirstReviewerCannotClaimTheSecondReview() {
    String number = ConcurrentInvoiceClaims.digits(20);
    String date = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1).toString();
    String purpose = "浏览器测试报销 " + number.substring(0, 6);
    browser.login("zhangwei");
    expect(page.locator("[cam-tasklist-filters]"))
        .isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(120_000));
    browser.startProcessMenu().click();
    Locator dialog = page.locator(".modal-dialog");
    dialog.getByRole(AriaRole.LINK, exactName("报销（初审-复核双签）")).click();
    Locator form = dialog.locator(".fjs-form");
    expect(form).containsText("初审-复核");
    typeAndKeep(form, "报销金额（元）", "256.8");
    typeAndKeep(form, "报销事由", purpose);
    typeAndKeep(
        form,
        "发票清单",
        "[{\"code\":\"\",\"number\":\""
            + number
            + "\",\"amount\":256.80,\"date\":\""
            + date
            + "\"}]");
    Response submitted =
        page.waitForResponse(
            r -> r.url().endsWith("/submit-form"),
            () -> dialog.getByRole(AriaRole.BUTTON, exactName("发起")).click());
    assertThat(submitted.status()).as("start form submission: " + submitted.text()).isEqualTo(200);
    browser.logout();

    List<Task> reviews =
        engine
            .getTaskService()
            .createTaskQuery()
            .processDefinitionKey(ReimbursementVariables.PROCESS_KEY)
            .taskDefinitionKey(ReimbursementVariables.TASK_FIRST_REVIEW)
            .processVariableValueEquals(ReimbursementVariables.PURPOSE, purpose)
            .list();
    assertThat(reviews).hasSize(1);
    Task first = reviews.get(0);
    browser.login("chenjing");
    browser.reloadUntilVisible(() -> browser.taskInList(first.getId()), "the 财务初审 task", true);
    Locator task = browser.openTask(first.getId(), "财务初审");
    Locator review = task.locator(".fjs-form");
    expect(review.getByLabel(label("发票清单")))
        .hasValue(java.util.regex.Pattern.compile(number + "[\\s\\S]*合计 1 张，256\\.80 元"));
    expect(review.getByLabel(label("报销金额"))).hasValue("256.80 元");
    browser.screenshot("reimbursement-first-review.png");

    ProcessDriver driver = new ProcessDriver(engine);
    driver.approve(
        "chenjing", first.getProcessInstanceId(), ReimbursementVariables.TASK_FIRST_REVIEW);
    Task second =
        engine
            .getTaskService()
            .createTaskQuery()
            .processInstanceId(first.getProcessInstanceId())
            .taskDefinitionKey(ReimbursementVariables.TASK_SECOND_REVIEW)
            .singleResult();
    browser.reloadUntilVisible(() -> browser.taskInList(second.getId()), "the 财务复核 task", true);
    Locator secondView = browser.openTask(second.getId(), "财务复核");
    Response claim =
        page.waitForResponse(
            r -> r.url().endsWith("/claim"),
            () ->
                secondView
                    .getByRole(AriaRole.LINK, exactName(TasklistBrowser.CLAIM))
                    .or(secondView.getByRole(AriaRole.BUTTON, exactName(TasklistBrowser.CLAIM)))
                    .first()
                    .click());
    assertThat(claim.status()).as(claim.text()).isEqualTo(403);
    assertThat(claim.text()).contains("双签");
    assertThat(
            engine
                .getTaskService()
                .createTaskQuery()
                .taskId(second.getId())
                .singleResult()
                .getAssignee())
        .isNull();
    browser.screenshot("reimbursement-second-review-refused.png");
  }
}
