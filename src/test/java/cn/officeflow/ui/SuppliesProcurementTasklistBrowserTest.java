package cn.officeflow.ui;

import static cn.officeflow.support.FormJsFields.choose;
import static cn.officeflow.support.FormJsFields.field;
import static cn.officeflow.support.FormJsFields.typeAndKeep;
import static cn.officeflow.support.TasklistBrowser.exactName;
import static cn.officeflow.support.TasklistBrowser.expect;
import static org.assertj.core.api.Assertions.assertThat;

import cn.officeflow.platform.inventory.InventoryService;
import cn.officeflow.support.HttpTest;
import cn.officeflow.support.ProcessDriver;
import cn.officeflow.support.TasklistBrowser;
import cn.officeflow.support.TasklistBrowserTestBase;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 物资 and 采购 in Tasklist (Chinese, Camunda Forms): an item the warehouse added a moment ago is in the 物资领用
 * start form's list with its stock and is requested from it; the office director sends a purchase back from
 * 采购审批 (the 「退回后」 choice appears only after 退回) and it is back at 供应商比价 with her comment.
 */
@HttpTest
class SuppliesProcurementTasklistBrowserTest extends TasklistBrowserTestBase {

  static final String COMPLETE = "完成";

  @Autowired ProcessEngine engine;
  @Autowired InventoryService inventory;

  ProcessDriver driver;

  @BeforeEach
  void newDriver() {
    driver = new ProcessDriver(engine);
  }

  @Test
  void anItemAddedByTheWarehouseIsRequestedFromTheStartForm() {
    String code = "UI-" + UUID.randomUUID().toString().substring(0, 6);
    Map<String, Object> item = new LinkedHashMap<>();
    item.put("code", code);
    item.put("name", "碎纸机");
    item.put("category", "办公设备");
    item.put("unit", "台");
    item.put("unitValue", "680");
    item.put("initialStock", 3);
    String id = driver.as("huanglei", () -> inventory.create(item)).id();

    browser.login("zhangwei");
    expect(page.locator("[cam-tasklist-filters]"))
        .isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(120_000));
    browser.startProcessMenu().click();
    Locator dialog = page.locator(".modal-dialog");
    dialog.getByRole(AriaRole.LINK, exactName("物资领用")).click();
    Locator form = dialog.locator(".fjs-form");
    choose(form, "物品", "碎纸机 " + code + "（库存 3台）");
    typeAndKeep(form, "数量", "1");
    form.getByLabel("普通领用", new Locator.GetByLabelOptions().setExact(true)).check();
    typeAndKeep(form, "用途", "业务处销毁废旧草稿");
    browser.screenshot("supplies-requisition-start.png");
    Response submitted =
        page.waitForResponse(
            r -> r.url().endsWith("/submit-form"),
            () -> dialog.getByRole(AriaRole.BUTTON, exactName("发起")).click());
    assertThat(submitted.status()).as("start form submission: " + submitted.text()).isEqualTo(200);

    List<ProcessInstance> started =
        engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processDefinitionKey("supplies_requisition")
            .variableValueEquals("itemId", id)
            .list();
    assertThat(started).hasSize(1);
  }

  @Test
  void theDirectorSendsAPurchaseBackToQuotes() {
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("itemId", "7b1d0c3a-0001-4c6e-8f10-000000000002");
    request.put("quantity", 20);
    request.put("reason", "浏览器测试：业务处签字笔 " + UUID.randomUUID().toString().substring(0, 6));
    ProcessInstance pi = driver.start("zhangwei", "procurement", request);
    driver.complete("fengtao", pi.getId(), "Task_Research", Map.of("researchOutcome", "purchase"));
    driver.complete(
        "fengtao",
        pi.getId(),
        "Task_CompareQuotes",
        Map.of(
            "quotes",
            "晨光文具示范供应商 | 600 | 3 | 含运费\n得力办公示范供应商 | 650 | 2 | 含运费\n联想办公设备示范供应商 | 700 | 5 | 货到付款",
            "chosenSupplier",
            "晨光文具示范供应商"));
    Task approval = driver.taskFor("zhaomin", pi.getId(), "Task_Approve");

    browser.login("zhaomin");
    browser.reloadUntilVisible(() -> browser.taskInList(approval.getId()), "the 采购审批 task", true);
    Locator task = browser.openTask(approval.getId(), "采购审批");
    Response claimed =
        page.waitForResponse(
            r -> r.url().endsWith("/claim"),
            () ->
                task.getByRole(AriaRole.LINK, exactName(TasklistBrowser.CLAIM))
                    .or(task.getByRole(AriaRole.BUTTON, exactName(TasklistBrowser.CLAIM)))
                    .first()
                    .click());
    assertThat(claimed.status()).as(claimed.text()).isEqualTo(204);
    Locator form = task.locator(".fjs-form");
    expect(field(form, "审批层级（决策表）")).hasValue("办公室主任");
    expect(form.getByText("退回后")).hasCount(0);
    form.getByLabel("退回", new Locator.GetByLabelOptions().setExact(true)).check();
    form.getByLabel("退回比价（采购员修改后从第一级重新审批）", new Locator.GetByLabelOptions().setExact(true)).check();
    typeAndKeep(form, "审批意见", "单价偏高，请再询价");
    browser.screenshot("procurement-send-back.png");
    Response completed =
        page.waitForResponse(
            r -> r.url().endsWith("/submit-form"),
            () -> task.getByRole(AriaRole.BUTTON, exactName(COMPLETE)).click());
    assertThat(completed.status()).as(completed.text()).isEqualTo(204);

    Task again = driver.taskFor("fengtao", pi.getId(), "Task_CompareQuotes");
    assertThat((String) engine.getTaskService().getVariable(again.getId(), "reviewTrail"))
        .contains("单价偏高，请再询价");
  }
}
