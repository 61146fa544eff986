package cn.officeflow.ui;

import static cn.officeflow.support.TasklistBrowser.expect;
import static org.assertj.core.api.Assertions.assertThat;

import cn.officeflow.platform.audit.AuditStandIn;
import cn.officeflow.support.DemoUsers;
import cn.officeflow.support.HttpTest;
import cn.officeflow.support.TasklistBrowser;
import cn.officeflow.support.TasklistBrowserTestBase;
import cn.officeflow.support.TestClock;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * 流程审计 in Cockpit (scripts/officeflow-audit, scripts/officeflow-readonly) through a real headless Chromium:
 * the auditor searches a finished case by its title, opens its page (diagram with the path taken, timeline,
 * variables), exports the search as CSV, and sees no write buttons on Cockpit's own instance page — where an
 * administrator does see them.
 */
@HttpTest
@Import(AuditStandIn.Records.class)
class CockpitAuditBrowserTest extends TasklistBrowserTestBase {

  private static final String AUDITOR = "qianyu";

  @Autowired private ProcessEngine engine;

  @BeforeEach
  void deployStandIn() {
    AuditStandIn.deploy(engine);
  }

  /** From 1 December, without next year's 法定节假日, Cockpit's dashboard says so (engine clock). */
  @Test
  void dashboardWarnsInDecemberWhenNextYearsHolidaysAreMissing() {
    TestClock.set("2026-12-04T10:00:00");
    try {
      loginToCockpit(AUDITOR, DemoUsers.PASSWORD);
      Locator notice = page.locator(".officeflow-calendar-warning").first();
      expect(notice).isVisible();
      expect(notice).containsText("尚未载入 2027 年的法定节假日安排");
      TestClock.set("2026-11-04T10:00:00");
      page.reload();
      expect(page.locator(".account .dropdown-toggle")).isVisible();
      expect(page.locator(".officeflow-calendar-warning")).hasCount(0);
    } finally {
      TestClock.reset();
    }
  }

  @Test
  void auditorSearchesOpensTheInstanceAndExports() throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    String title = "关于浏览器审计的通知 " + run;
    String id = start(title, "审〔2026〕" + (100 + Math.abs(run.hashCode() % 800)) + "号");
    finish(id, DemoUsers.DRAFTER);

    loginToCockpit(AUDITOR, DemoUsers.PASSWORD);
    Locator nav = page.locator("a.officeflow-audit-link");
    expect(nav).hasText("流程审计");
    nav.click();
    Locator search = page.locator("form.officeflow-audit-search");
    browser.reloadUntilVisible(() -> search.getByLabel("标题或文号"), "流程审计 search", false);
    search.getByLabel("标题或文号").fill(run);
    search.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("查询")).click();
    Locator row =
        page.locator(".officeflow-audit-results tr")
            .filter(new Locator.FilterOptions().setHasText(title));
    expect(row).hasCount(1);
    expect(row).containsText("已办结");
    expect(row).containsText("审计测试流程");
    browser.screenshot("cockpit-audit-search.png");

    // the CSV of this search
    String href = search.locator("a.officeflow-audit-csv").getAttribute("href");
    assertThat(href).contains("/api/audit/process-instances.csv").contains("q=" + run);
    APIResponse csv = page.request().get(browser.baseUrl() + href);
    assertThat(csv.status()).isEqualTo(200);
    assertThat(new String(csv.body(), StandardCharsets.UTF_8)).contains(title).contains(id);

    // the instance page: diagram with the path taken, timeline, variables
    row.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(title)).click();
    expect(page.locator("h3.officeflow-audit-title")).containsText(title);
    Locator diagram = page.locator(".officeflow-audit-diagram");
    expect(diagram.locator("[data-element-id=\"" + AuditStandIn.TASK + "\"].highlight"))
        .hasCount(1);
    expect(diagram.locator("[data-element-id=\"End\"].highlight")).hasCount(1);
    Locator timeline =
        page.locator("section").filter(new Locator.FilterOptions().setHasText("办理时间线"));
    expect(timeline.locator("tr").filter(new Locator.FilterOptions().setHasText("审核")))
        .containsText("张伟");
    Locator variables =
        page.locator("section").filter(new Locator.FilterOptions().setHasText("流程变量（结束时）"));
    expect(variables).containsText("subject");
    browser.screenshot("cockpit-audit-instance.png");
  }

  @Test
  void auditorSeesNoWriteButtonsWhereAnAdministratorDoes() throws Exception {
    String id = start("关于只读检查的通知 " + UUID.randomUUID(), null);
    engine.getRuntimeService().setVariable(id, "amount", 5);

    loginToCockpit("admin", "Guanli@2026");
    openStockInstancePage(id);
    Locator toolbar = page.locator(".ctn-toolbar .btn:visible");
    expect(toolbar.first()).isVisible();
    int adminButtons = toolbar.count();
    assertThat(adminButtons).as("write actions of an administrator").isGreaterThanOrEqualTo(2);
    expect(
            page.locator(
                    "[ng-click^=\"deleteVariable\"]:visible, [ng-click^=\"enableEditMode\"]:visible")
                .first())
        .isVisible();
    page.locator(".account .dropdown-toggle").click();
    page.locator(".account").getByText(TasklistBrowser.SIGN_OUT).click();
    expect(page.getByPlaceholder(TasklistBrowser.LOGIN_USERNAME)).isVisible();

    loginToCockpit(AUDITOR, DemoUsers.PASSWORD);
    openStockInstancePage(id);
    expect(page.locator(".ctn-toolbar .btn:visible")).hasCount(0);
    expect(
            page.locator(
                "[ng-click^=\"deleteVariable\"]:visible, [ng-click^=\"enableEditMode\"]:visible"))
        .hasCount(0);
    browser.screenshot("cockpit-auditor-readonly.png");
  }

  private void openStockInstancePage(String id) {
    page.navigate(
        browser.baseUrl() + "/camunda/app/cockpit/default/#/process-instance/" + id + "/runtime");
    // the variables tab of the instance, with its row
    browser.reloadUntilVisible(
        () -> page.locator("td").filter(new Locator.FilterOptions().setHasText("amount")).first(),
        "Cockpit instance page",
        false);
  }

  private void loginToCockpit(String user, String password) {
    if ("admin".equals(user)) {
      // administrators sign in with password and TOTP on the application's login page
      browser.loginAdministrator("cockpit", user, password);
      browser.reloadUntilVisible(
          () -> page.locator(".account .dropdown-toggle"), "Cockpit navbar after login", false);
      return;
    }
    page.navigate(browser.baseUrl() + "/camunda/app/cockpit/default/");
    Locator username = page.getByPlaceholder(TasklistBrowser.LOGIN_USERNAME);
    // the login form, ready for input (after a sign-out on the same page the field is shown but not
    // focused)
    expect(username).isEditable();
    username.fill(user);
    page.getByPlaceholder(TasklistBrowser.LOGIN_PASSWORD).fill(password);
    page.getByRole(
            AriaRole.BUTTON, new Page.GetByRoleOptions().setName(TasklistBrowser.LOGIN_ACTION))
        .click();
    expect(page.locator(".account .dropdown-toggle")).isVisible();
    if (AUDITOR.equals(user)) {
      // the read-only script reloads Cockpit once after an auditor logs in, so that the write
      // actions are left
      // out when it registers its plugins: wait for that load
      awaitReadOnlyLoad(user);
    }
    // under load Cockpit may hang on its spinner after a load: F5 as a person would
    browser.reloadUntilVisible(
        () -> page.locator(".account .dropdown-toggle"), "Cockpit navbar after login", false);
  }

  private void awaitReadOnlyLoad(String user) {
    // survives the reload: Playwright evaluates the function again in the new page
    page.waitForFunction(
        "u => window.officeflowReadOnlyUser === u",
        user,
        new Page.WaitForFunctionOptions().setTimeout(TasklistBrowser.TIMEOUT_MS));
  }

  private String start(String title, String number) {
    return AuditStandIn.start(engine, title, number);
  }

  private void finish(String id, String user) {
    AuditStandIn.finish(engine, id, user);
  }
}
