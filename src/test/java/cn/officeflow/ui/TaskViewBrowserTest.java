package cn.officeflow.ui;

import static cn.officeflow.outgoing.OutgoingDocumentVariables.TASK_DEPT_REVIEW;
import static cn.officeflow.outgoing.OutgoingDocumentVariables.TASK_LEGAL_REVIEW;
import static cn.officeflow.support.TasklistBrowser.exactName;
import static cn.officeflow.support.TasklistBrowser.expect;
import static cn.officeflow.support.TasklistBrowser.label;
import static org.assertj.core.api.Assertions.assertThat;

import cn.officeflow.incoming.IncomingDocumentVariables;
import cn.officeflow.support.DemoUsers;
import cn.officeflow.support.Http;
import cn.officeflow.support.HttpTest;
import cn.officeflow.support.ProcessDriver;
import cn.officeflow.support.TasklistBrowser;
import cn.officeflow.support.TasklistBrowserTestBase;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The task view and cards in Tasklist (scripts/officeflow-task, the 收文附件 upload, the filters' refresh), in a real
 * headless Debian Chromium (zh-CN): 「请先认领」 and 「此任务由 X 办理」 above the form, following 认领/取消认领;
 * Tasklist's own 添加用户组 and date controls hidden where the engine refuses them; the 「历史」 tab with the review
 * trail of the whole instance; 「已上传附件」 after an upload and on reopening; a started 收文's first task in the
 * list without reloading; cards naming the document. Screenshots: target/screenshots/task-*.png.
 */
@HttpTest
class TaskViewBrowserTest extends TasklistBrowserTestBase {

  private static final String CLERK = "lina";
  private static final String OFFICE_DIRECTOR = "zhaomin";
  // application.yaml officeflow.admin (the H2 demo default)
  private static final String ADMIN = "admin";
  private static final String ADMIN_PASSWORD = "Guanli@2026";
  private static final String DEPT_REVIEW = "部门初审";
  private static final String LEGAL_REVIEW = "法务复审";
  private static final String SCAN = "上传扫描件";
  private static final String CLAIM_FIRST = "此任务尚未认领：请先点击「认领」，再填写表单";

  @Autowired private ProcessEngine engine;

  private ProcessDriver driver;
  private Http http;

  @BeforeEach
  void openBrowser() {
    driver = new ProcessDriver(engine);
    http = new Http(port);
  }

  // --- 1 and 5: 「请先认领」, and no controls the engine refuses
  // -------------------------------------------

  @Test
  void unclaimedTaskSaysClaimFirstUntilClaimedAndHidesWhatTheEngineRefuses() throws Exception {
    ProcessInstance pi = legalReviewOf("普通");
    Task legal = driver.taskFor(DemoUsers.LEGAL, pi.getId(), TASK_LEGAL_REVIEW);
    assertThat(legal.getAssignee()).as("法务复审 is offered to the group legal").isNull();

    browser.login(DemoUsers.LEGAL);
    Locator view = browser.openTask(legal.getId(), LEGAL_REVIEW);
    Locator hint = view.locator(".officeflow-task-state");
    expect(hint).containsText(CLAIM_FIRST);
    // the engine refuses 添加用户组 to a candidate (TASK_WORK, no UPDATE): Tasklist's link is gone, and
    // so are dates
    HttpResponse<String> addGroup =
        http.postJson(
            "/engine-rest/task/" + legal.getId() + "/identity-links",
            DemoUsers.LEGAL,
            DemoUsers.PASSWORD,
            "{\"groupId\": \"staff\", \"type\": \"candidate\"}");
    assertThat(addGroup.statusCode()).as(addGroup.body()).isEqualTo(403);
    expect(view.locator(".meta .groups")).isHidden();
    expect(view.locator(".meta .due-date")).isHidden();
    expect(view.locator(".meta .followup-date")).isHidden();
    browser.screenshot("task-claim-first.png");

    // 认领: the hint goes. 取消认领 needs TASK_ASSIGN, which a candidate lacks: its × is gone too
    view.getByRole(AriaRole.BUTTON, exactName(TasklistBrowser.CLAIM)).click();
    expect(hint).not().containsText("尚未认领");
    expect(hint).hasText("");
    assertThat(
            engine
                .getTaskService()
                .createTaskQuery()
                .taskId(legal.getId())
                .singleResult()
                .getAssignee())
        .isEqualTo(DemoUsers.LEGAL);
    expect(view.locator(".meta .groups")).isHidden();
    expect(view.locator(".meta .unclaim")).isHidden();
    HttpResponse<String> unclaim =
        http.postJson(
            "/engine-rest/task/" + legal.getId() + "/unclaim",
            DemoUsers.LEGAL,
            DemoUsers.PASSWORD,
            "{}");
    assertThat(unclaim.statusCode()).as(unclaim.body()).isEqualTo(403);
    browser.screenshot("task-claimed.png");
  }

  @Test
  void administratorKeepsTheControlsAndTheHintFollowsAnUnclaim() throws Exception {
    ProcessInstance pi = legalReviewOf("普通");
    Task legal = driver.taskFor(DemoUsers.LEGAL, pi.getId(), TASK_LEGAL_REVIEW);
    engine.getTaskService().claim(legal.getId(), DemoUsers.LEGAL);

    // the administrator (camunda-admin) may do everything: Tasklist's controls stay
    // administrators sign in with password and TOTP on the application's login page
    browser.loginAdministrator("tasklist", ADMIN, ADMIN_PASSWORD);
    expect(browser.startProcessMenu()).isVisible();
    Locator view = openByUrl(legal.getId(), LEGAL_REVIEW);
    Locator hint = view.locator(".officeflow-task-state");
    expect(hint).containsText("此任务由周杰办理");
    expect(view.locator(".meta .groups")).isVisible();
    expect(view.locator(".meta .due-date")).isVisible();
    // 取消认领 by the administrator: the hint follows
    view.locator(".meta .reset-assignee").click();
    expect(hint).containsText("此任务尚未认领");
    assertThat(
            engine
                .getTaskService()
                .createTaskQuery()
                .taskId(legal.getId())
                .singleResult()
                .getAssignee())
        .isNull();
    browser.screenshot("task-admin.png");
  }

  @Test
  void taskOfSomeoneElseSaysWhoHasIt() throws Exception {
    ProcessInstance pi = legalReviewOf("普通");
    Task legal = driver.taskFor(DemoUsers.LEGAL, pi.getId(), TASK_LEGAL_REVIEW);
    engine.getTaskService().claim(legal.getId(), DemoUsers.LEGAL);

    // the office reads every task (READ) but may not reassign it or add groups
    browser.login(OFFICE_DIRECTOR);
    Locator view = openByUrl(legal.getId(), LEGAL_REVIEW);
    expect(view.locator(".officeflow-task-state")).containsText("此任务由周杰办理");
    expect(view.locator(".meta .groups")).isHidden();
    expect(view.locator(".meta .reset-assignee")).isHidden();
    expect(view.locator(".meta .due-date")).isHidden();
    browser.screenshot("task-assigned-to-other.png");
    HttpResponse<String> reassign =
        http.postJson(
            "/engine-rest/task/" + legal.getId() + "/assignee",
            OFFICE_DIRECTOR,
            DemoUsers.PASSWORD,
            "{\"userId\": \"" + OFFICE_DIRECTOR + "\"}");
    assertThat(reassign.statusCode()).as(reassign.body()).isEqualTo(403);
  }

  // --- 2: 「历史」 is the review trail
  // ----------------------------------------------------------------------

  @Test
  void historyTabShowsTheReviewTrailOfTheWholeInstance() throws Exception {
    ProcessInstance pi = legalReviewOf("加急");
    Task legal = driver.taskFor(DemoUsers.LEGAL, pi.getId(), TASK_LEGAL_REVIEW);

    browser.login(DemoUsers.LEGAL);
    Locator view = browser.openTask(legal.getId(), LEGAL_REVIEW);
    Locator tabs =
        view.locator(".nav-tabs > li").filter(new Locator.FilterOptions().setHasText("历史"));
    expect(tabs).hasCount(1);
    tabs.getByRole(AriaRole.LINK).click();
    Locator trail = view.locator(".officeflow-trail");
    Locator row = trail.locator("tbody tr").first();
    expect(row).containsText(DEPT_REVIEW);
    expect(row).containsText("刘洋");
    expect(row).containsText("同意，请法务复审。");
    expect(row.locator("td").first())
        .hasText(Pattern.compile("^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}$"));
    expect(trail).not().containsText("approve");
    browser.screenshot("task-history-trail.png");

    // only who may read the task reads its trail
    assertThat(
            http.get("/api/tasks/" + legal.getId() + "/trail", DemoUsers.LEGAL, DemoUsers.PASSWORD)
                .statusCode())
        .isEqualTo(200);
    assertThat(
            http.get(
                    "/api/tasks/" + legal.getId() + "/trail",
                    DemoUsers.FINANCE_HEAD,
                    DemoUsers.PASSWORD)
                .statusCode())
        .isEqualTo(404);
  }

  // --- 3 and 6: 「已上传附件」 after an upload, the card names the 收文
  // -------------------------------------------

  @Test
  void uploadedFilesShowInTheFormAndOnReopeningAndTheCardNamesTheDocument() throws Exception {
    String title = "关于浏览器附件字段测试的通知（" + shortId() + "）";
    ProcessInstance pi =
        driver.start(CLERK, IncomingDocumentVariables.PROCESS_KEY, letter(title, "特急"));
    Task scan = driver.taskFor(CLERK, pi.getId(), IncomingDocumentVariables.TASK_SCAN);
    String receiptNumber =
        (String)
            engine
                .getRuntimeService()
                .getVariable(pi.getId(), IncomingDocumentVariables.RECEIPT_NUMBER);

    browser.login(CLERK);
    Locator view = openScan(scan);
    Locator attachments = view.locator(".fjs-form").getByLabel(label("已上传附件"));
    expect(attachments).hasValue("（尚未上传）");
    view.getByText("收文附件", new Locator.GetByTextOptions().setExact(true)).first().click();
    Locator tab = page.locator(".officeflow-incoming");
    byte[] pdf = "%PDF-1.4 附件字段".getBytes(StandardCharsets.UTF_8);
    tab.locator("input[type=file]")
        .setInputFiles(new FilePayload("来文扫描件.pdf", "application/pdf", pdf));
    Response uploaded =
        page.waitForResponse(
            r -> r.url().endsWith("/attachments"),
            () -> tab.getByRole(AriaRole.BUTTON, exactName("上传")).click());
    assertThat(uploaded.status()).isEqualTo(201);
    view.getByText("表单", new Locator.GetByTextOptions().setExact(true)).first().click();
    attachments = view.locator(".fjs-form").getByLabel(label("已上传附件"));
    expect(attachments).hasValue(Pattern.compile("^1\\. 来文扫描件\\.pdf（"));
    attachments.scrollIntoViewIfNeeded();
    browser.screenshot("task-attachments-field.png");

    // reopened after F5: the stored files
    browser.reload();
    view = openScan(scan);
    expect(view.locator(".fjs-form").getByLabel(label("已上传附件")))
        .hasValue(Pattern.compile("来文扫描件\\.pdf"));
    // its card names the 收文: title, 收文编号, 紧急程度 (the bare priority is gone)
    Locator card = browser.taskInList(scan.getId());
    expect(card.locator(".officeflow-task-card")).containsText(title);
    expect(card.locator(".officeflow-task-card")).containsText(receiptNumber);
    expect(card.locator(".officeflow-card-urgency")).hasText("特急");
    expect(card.locator(".priority")).isHidden();
    browser.screenshot("task-card-incoming.png");
    // and nobody sets the field through REST: the step's contract does not accept it
    HttpResponse<String> forged =
        http.putJson(
            "/engine-rest/task/" + scan.getId() + "/variables/attachmentText",
            CLERK,
            DemoUsers.PASSWORD,
            "{\"value\": \"伪造.pdf\", \"type\": \"String\"}");
    assertThat(forged.statusCode()).as(forged.body()).isBetween(400, 403);
    assertThat(
            engine
                .getRuntimeService()
                .getVariable(pi.getId(), IncomingDocumentVariables.ATTACHMENT_TEXT))
        .asString()
        .contains("来文扫描件.pdf")
        .doesNotContain("伪造");
  }

  // --- 4: the list after 发起流程
  // ----------------------------------------------------------------------------

  @Test
  void startedIncomingDocumentsFirstTaskAppearsWithoutReload() throws Exception {
    String title = "关于浏览器发起后刷新测试的通知（" + shortId() + "）";
    browser.login(CLERK);
    Locator list = page.locator("ol.tasks-list");
    expect(list).isVisible();
    browser.screenshot("task-before-start.png");

    browser.startProcessMenu().click();
    Locator dialog = page.locator(".modal-dialog");
    dialog.getByRole(AriaRole.LINK, exactName("收文")).click();
    Locator form = dialog.locator(".fjs-form");
    type(form, "来文单位", "市应急管理局");
    type(form, "来文文号", "市应急发〔2026〕" + shortId() + "号");
    type(form, "标题", title);
    type(form, "页数", "2");
    Response submitted =
        page.waitForResponse(
            r -> r.url().endsWith("/submit-form"),
            () -> dialog.getByRole(AriaRole.BUTTON, exactName("发起")).click());
    assertThat(submitted.status()).as(submitted.text()).isEqualTo(200);
    expect(dialog).isHidden();

    ProcessInstance pi =
        engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processDefinitionKey(IncomingDocumentVariables.PROCESS_KEY)
            .variableValueEquals("title", title)
            .singleResult();
    Task scan = driver.taskFor(CLERK, pi.getId(), IncomingDocumentVariables.TASK_SCAN);
    // no F5: Tasklist reloads the list of the current filter after the start
    expect(browser.taskInList(scan.getId())).containsText(SCAN);
    expect(browser.taskInList(scan.getId()).locator(".officeflow-task-card")).containsText(title);
    // every card of the reloaded list names its document
    Locator cards = page.locator("ol.tasks-list li.task");
    expect(cards.locator(".officeflow-card-title")).hasCount(cards.count());
    browser.screenshot("task-after-start.png");
  }

  // --- 6: cards of 发文
  // --------------------------------------------------------------------------------------

  @Test
  void cardsShowTitleAndUrgencyOfTheDocument() throws Exception {
    ProcessInstance urgent = startDocument("特急");
    Task review = driver.taskFor(DemoUsers.HEAD, urgent.getId(), TASK_DEPT_REVIEW);
    String title = (String) engine.getRuntimeService().getVariable(urgent.getId(), "title");

    browser.login(DemoUsers.HEAD);
    Locator card = browser.taskInList(review.getId());
    expect(card).containsText(DEPT_REVIEW);
    expect(card.locator(".officeflow-card-title")).hasText(title);
    expect(card.locator(".officeflow-card-urgency")).hasText("特急");
    browser.screenshot("task-card-outgoing.png");
  }

  /**
   * Why the cards read /api/tasks/{id}/record instead of the filter's {@code properties.variables}: the engine hands
   * a filter's variables to the list only where the user may read the process instance's variables, and a
   * candidate or assignee has TASK_WORK on the task only — the stock card stays without title. Measured here so that
   * an engine whose answer changes shows up.
   */
  @Test
  void filterVariablesStayEmptyForACandidate() {
    ProcessInstance pi = legalReviewOf("特急");
    Task legal = driver.taskFor(DemoUsers.LEGAL, pi.getId(), TASK_LEGAL_REVIEW);
    String title = (String) engine.getRuntimeService().getVariable(pi.getId(), "title");
    org.camunda.bpm.engine.FilterService filters = engine.getFilterService();
    org.camunda.bpm.engine.filter.Filter filter =
        filters
            .newTaskFilter("卡片变量测试" + shortId())
            .setQuery(engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()))
            .setProperties(
                new HashMap<>(
                    Map.of(
                        "variables",
                        java.util.List.of(
                            Map.of("name", "title", "label", "标题"),
                            Map.of("name", "urgency", "label", "紧急程度")))));
    filters.saveFilter(filter);
    org.camunda.bpm.engine.authorization.Authorization read =
        engine
            .getAuthorizationService()
            .createNewAuthorization(
                org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT);
    read.setUserId(DemoUsers.LEGAL);
    read.setResource(org.camunda.bpm.engine.authorization.Resources.FILTER);
    read.setResourceId(filter.getId());
    read.addPermission(org.camunda.bpm.engine.authorization.Permissions.READ);
    engine.getAuthorizationService().saveAuthorization(read);
    try {
      HttpResponse<String> list =
          http.send(
              http.request(
                      "/engine-rest/filter/" + filter.getId() + "/list",
                      DemoUsers.LEGAL,
                      DemoUsers.PASSWORD)
                  .header("Accept", "application/hal+json")
                  .GET()
                  .build());
      assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
      assertThat(list.body()).contains(legal.getId()).doesNotContain(title).doesNotContain("特急");
      // the record the card reads instead
      HttpResponse<String> record =
          http.get("/api/tasks/" + legal.getId() + "/record", DemoUsers.LEGAL, DemoUsers.PASSWORD);
      assertThat(record.body()).contains(title).contains("特急");
    } finally {
      filters.deleteFilter(filter.getId());
    }
  }

  // --- helpers
  // --------------------------------------------------------------------------------------------

  /** A 发文 whose 部门初审 刘洋 approved with a comment: 法务复审 is offered to the group legal. */
  private ProcessInstance legalReviewOf(String urgency) {
    ProcessInstance pi = startDocument(urgency);
    driver.complete(
        DemoUsers.HEAD,
        pi.getId(),
        TASK_DEPT_REVIEW,
        Map.of("decision", "approve", "comment", "同意，请法务复审。"));
    return pi;
  }

  /** The task by its address, as a link in an e-mail opens it; F5 when Tasklist hangs on its spinner. */
  private Locator openByUrl(String taskId, String name) throws Exception {
    page.navigate(browser.tasklistUrl() + "#/?task=" + taskId);
    try {
      expect(page.locator(".task-details h2.task"))
          .hasText(
              name,
              new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions()
                  .setTimeout(20_000));
    } catch (AssertionError stuck) {
      System.out.println(
          "TaskViewBrowserTest: task view not shown 20 s after opening its address, reloading");
      browser.reload();
    }
    return browser.taskView(name);
  }

  /** 上传扫描件 from the list (its form has a heading of the same name: the task's own is the h2). */
  private Locator openScan(Task scan) {
    Locator listed = browser.taskInList(scan.getId());
    expect(listed).containsText(SCAN);
    listed.getByRole(AriaRole.LINK).first().click();
    Locator view = page.locator(".task-details");
    expect(view.locator("h2.task")).hasText(SCAN);
    return view;
  }

  private ProcessInstance startDocument(String urgency) {
    Map<String, Object> variables =
        new HashMap<>(
            Map.of(
                "title",
                "关于任务视图浏览器测试的通知（" + shortId() + "）",
                "docType",
                "通知",
                "mainRecipients",
                "各处室",
                "body",
                "各处室应当及时办理待办事项。",
                "urgency",
                urgency));
    return driver.start(DemoUsers.DRAFTER, "outgoing_document", variables);
  }

  private static Map<String, Object> letter(String title, String urgency) {
    Map<String, Object> vars = new HashMap<>();
    vars.put(IncomingDocumentVariables.TITLE, title);
    vars.put(IncomingDocumentVariables.SENDER_ORG, "市应急管理局");
    vars.put(IncomingDocumentVariables.SENDER_NUMBER, "市应急发〔2026〕" + shortId() + "号");
    vars.put(IncomingDocumentVariables.URGENCY, urgency);
    vars.put(IncomingDocumentVariables.SECRECY, "公开");
    vars.put(IncomingDocumentVariables.PAGES, 4L);
    vars.put(
        IncomingDocumentVariables.RECEIVED_DATE,
        LocalDate.now(ZoneId.of("Asia/Shanghai")).toString());
    vars.put(IncomingDocumentVariables.SUMMARY, "来文摘要");
    return vars;
  }

  private static void type(Locator form, String label, String value) {
    Locator field = form.getByLabel(label(label));
    field.fill(value);
    field.blur();
  }

  private static String shortId() {
    return UUID.randomUUID().toString().substring(0, 8);
  }
}
