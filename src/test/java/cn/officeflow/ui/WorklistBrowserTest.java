package cn.officeflow.ui;

import static cn.officeflow.outgoing.OutgoingDocumentVariables.TASK_DEPT_REVIEW;
import static cn.officeflow.outgoing.OutgoingDocumentVariables.TASK_LEADER_APPROVAL;
import static cn.officeflow.outgoing.OutgoingDocumentVariables.TASK_LEGAL_REVIEW;
import static cn.officeflow.outgoing.OutgoingDocumentVariables.TASK_PROOF_ATTACHMENTS;
import static cn.officeflow.outgoing.OutgoingDocumentVariables.TASK_PROOF_FORMAT;
import static cn.officeflow.outgoing.OutgoingDocumentVariables.TASK_PROOF_WORDING;
import static cn.officeflow.support.TasklistBrowser.exactName;
import static cn.officeflow.support.TasklistBrowser.expect;
import static cn.officeflow.support.TasklistBrowser.label;
import static org.assertj.core.api.Assertions.assertThat;

import cn.officeflow.support.DemoUsers;
import cn.officeflow.support.Http;
import cn.officeflow.support.HttpTest;
import cn.officeflow.support.ProcessDriver;
import cn.officeflow.support.TasklistBrowser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import java.lang.reflect.Method;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.DelegationState;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * 我的工作 (scripts/officeflow-worklist) and the 办理操作 buttons (scripts/officeflow-operations) in Tasklist, driven
 * through a real headless Debian Chromium (zh-CN): each of the four lists shows the user's own entries with the
 * business title, and 转办, 委派 and 抄送 go through their dialogs to the REST operations — the engine state behind
 * each step checked through the engine's Java API. Screenshots of the lists and dialogs: target/screenshots.
 */
@HttpTest
class WorklistBrowserTest {

  private static final String MY_WORK = "我的工作";
  private static final String OUTGOING_PROCESS = "发文（三审三校）";
  private static final String DEPT_REVIEW = "部门初审";
  private static final String COLLEAGUE = "sunli";
  private static final String COLLEAGUE_NAME = "孙丽";

  @LocalServerPort
  private int port;
  @Autowired
  private ProcessEngine engine;

  private TasklistBrowser browser;
  private Page page;
  private ProcessDriver driver;

  @BeforeAll
  static void launchChromium() {
    TasklistBrowser.launch();
  }

  @AfterAll
  static void closeChromium() {
    TasklistBrowser.shutdown();
  }

  @BeforeEach
  void openBrowser() {
    driver = new ProcessDriver(engine);
    browser = new TasklistBrowser(port);
    page = browser.page();
  }

  @AfterEach
  void closeBrowser(TestInfo test) throws Exception {
    if (browser != null) {
      browser.close(test.getTestMethod().map(Method::getName).orElse("test"));
    }
  }

  // --- the four lists -----------------------------------------------------------------------------------

  @Test
  void todoShowsTheDocumentOfEachTaskMostUrgentFirst() throws Exception {
    ProcessInstance normal = startDocument("普通");
    ProcessInstance urgent = startDocument("特急");
    ProcessInstance foreign = startDocumentOf("普通", "chenjing");

    browser.login(DemoUsers.HEAD);
    Locator list = openWorklist("待办").locator("table.officeflow-worklist-todo");
    Locator urgentRow = row(list, urgent);
    Locator normalRow = row(list, normal);
    expect(urgentRow).containsText(title(urgent));
    expect(urgentRow).containsText("特急");
    expect(urgentRow).containsText(OUTGOING_PROCESS);
    expect(urgentRow).containsText(DEPT_REVIEW);
    // 刘洋 is 业务处's only head: 部门初审 is his at once
    expect(urgentRow).containsText("我办理");
    expect(normalRow).containsText(title(normal));
    expect(row(list, foreign)).hasCount(0);
    // 特急 before 普通 whatever the order of creation
    int urgentIndex = rowIndex(list, urgent);
    int normalIndex = rowIndex(list, normal);
    assertThat(urgentIndex).as("特急 listed before 普通").isLessThan(normalIndex);
    // times as 2026-12-03 15:43, never 2026-12-03T15:43:12
    expect(urgentRow).containsText(java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}"));
    expect(urgentRow).not().containsText("T");
    browser.screenshot("worklist-todo.png");

    // the title opens the task
    urgentRow.getByRole(AriaRole.LINK, exactName(title(urgent))).click();
    expect(page.locator(".officeflow-worklist-page")).hasCount(0);
    String taskId = driver.taskFor(DemoUsers.HEAD, urgent.getId(), TASK_DEPT_REVIEW).getId();
    com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page)
        .hasURL(java.util.regex.Pattern.compile(".*[?&]task=" + taskId + ".*"));
    Locator task = browser.taskView(DEPT_REVIEW);
    expect(task.locator(".fjs-form")).isVisible();
    expect(task.getByText(OUTGOING_PROCESS).first()).isVisible();
  }

  @Test
  void doneShowsMyDecisionAndTheStatusNow() throws Exception {
    ProcessInstance pi = startDocument("加急");
    driver.complete(DemoUsers.HEAD, pi.getId(), TASK_DEPT_REVIEW, Map.of("decision", "approve", "comment",
        "同意，请法务复审。"));

    browser.login(DemoUsers.HEAD);
    Locator row = row(openWorklist("已办").locator("table.officeflow-worklist-done"), pi);
    expect(row).containsText(title(pi));
    expect(row).containsText(DEPT_REVIEW);
    expect(row).containsText("同意：同意，请法务复审。");
    expect(row).containsText("法务复审");
    browser.screenshot("worklist-done.png");
  }

  @Test
  void startedShowsStatusDocxAndWithdraw() throws Exception {
    ProcessInstance issued = startDocument("普通");
    driver.approve(DemoUsers.HEAD, issued.getId(), TASK_DEPT_REVIEW);
    driver.approve(DemoUsers.LEGAL, issued.getId(), TASK_LEGAL_REVIEW);
    driver.approve(DemoUsers.LEADER, issued.getId(), TASK_LEADER_APPROVAL);
    driver.approve(DemoUsers.PROOF_1, issued.getId(), TASK_PROOF_FORMAT);
    driver.approve(DemoUsers.PROOF_2, issued.getId(), TASK_PROOF_WORDING);
    driver.approve(DemoUsers.PROOF_1, issued.getId(), TASK_PROOF_ATTACHMENTS);
    ProcessInstance running = startDocument("普通");

    browser.login(DemoUsers.DRAFTER);
    Locator list = openWorklist("我发起的").locator("table.officeflow-worklist-started");
    Locator done = row(list, issued);
    expect(done).containsText(title(issued));
    expect(done).containsText("已印发");
    expect(done).containsText(java.util.regex.Pattern.compile("行办发〔\\d{4}〕\\d+号"));
    Locator docx = done.getByRole(AriaRole.LINK, exactName("下载正式公文（.docx）"));
    expect(docx).isVisible();
    String href = docx.getAttribute("href");
    assertThat(href).endsWith("/api/outgoing-documents/" + issued.getBusinessKey() + "/docx");
    com.microsoft.playwright.APIResponse file = page.request().get(browser.baseUrl() + href);
    assertThat(file.status()).isEqualTo(200);
    assertThat(file.body()).startsWith('P', 'K');
    expect(done.getByRole(AriaRole.BUTTON, exactName("撤回"))).hasCount(0);

    Locator active = row(list, running);
    expect(active).containsText("部门初审");
    browser.screenshot("worklist-started.png");

    // 撤回: the reason is required in the dialog; the server's answer (its Chinese message if refused) is shown
    active.getByRole(AriaRole.BUTTON, exactName("撤回")).click();
    Locator dialog = page.getByRole(AriaRole.DIALOG);
    expect(dialog).containsText("撤回");
    dialog.getByRole(AriaRole.BUTTON, exactName("撤回")).click();
    expect(dialog.getByRole(AriaRole.ALERT)).hasText("请填写撤回原因");
    dialog.getByLabel(label("撤回原因")).fill("标题有误，撤回修改。");
    Response answered = page.waitForResponse(r -> r.url().endsWith("/withdraw"),
        () -> dialog.getByRole(AriaRole.BUTTON, exactName("撤回")).click());
    if (answered.ok()) {
      expect(page.locator(".officeflow-worklist-page [role=status]")).containsText("已撤回");
    } else {
      // POST /api/process-instances/{id}/withdraw is built in parallel: until then 404, shown in Chinese
      expect(dialog.getByRole(AriaRole.ALERT)).containsText("请求的地址或资源不存在");
      expect(dialog.getByRole(AriaRole.ALERT)).not().containsText("Not Found");
      browser.screenshot("worklist-started-withdraw.png");
    }
  }

  @Test
  void ccListsWhatWasCopiedToMeAndMarksItRead() throws Exception {
    ProcessInstance pi = startDocument("普通");
    Task task = driver.taskFor(DemoUsers.HEAD, pi.getId(), TASK_DEPT_REVIEW);
    HttpResponse<String> cc = new Http(port).postJson("/api/tasks/" + task.getId() + "/cc", DemoUsers.HEAD,
        DemoUsers.PASSWORD, "{\"userIds\": [\"" + COLLEAGUE + "\"], \"comment\": \"请知悉\"}");
    assertThat(cc.statusCode()).as(cc.body()).isEqualTo(201);

    browser.login(COLLEAGUE);
    Locator row = row(openWorklist("抄送我的").locator("table.officeflow-worklist-cc"), pi);
    expect(row).containsText(title(pi));
    expect(row).containsText("刘洋");
    expect(row).containsText(DEPT_REVIEW);
    browser.screenshot("worklist-cc.png");
    Response read = page.waitForResponse(r -> r.url().endsWith("/read"),
        () -> row.getByRole(AriaRole.BUTTON, exactName("已阅")).click());
    assertThat(read.status()).isEqualTo(200);
    Locator again = row(page.locator("table.officeflow-worklist-cc"), pi);
    expect(again).containsText(java.util.regex.Pattern.compile("已阅 \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}"));
    expect(again.getByRole(AriaRole.BUTTON)).hasCount(0);
  }

  // --- the operations -------------------------------------------------------------------------------------

  @Test
  void transferThroughTheButtonGivesTheTaskToAColleague() throws Exception {
    ProcessInstance pi = startDocument("普通");
    Task task = driver.taskFor(DemoUsers.HEAD, pi.getId(), TASK_DEPT_REVIEW);

    browser.login(DemoUsers.HEAD);
    Locator view = browser.openTask(task.getId(), DEPT_REVIEW);
    Locator buttons = view.locator(".officeflow-operations");
    expect(buttons.getByRole(AriaRole.BUTTON, exactName("转办"))).isVisible();
    expect(buttons.getByRole(AriaRole.BUTTON, exactName("委派"))).isVisible();
    expect(buttons.getByRole(AriaRole.BUTTON, exactName("抄送"))).isVisible();
    // tabs that apply: 催办 (the head supervises the candidates), no 收文附件 on a 发文
    expect(tab(view, "催办")).isVisible();
    expect(tab(view, "收文附件")).isHidden();

    buttons.getByRole(AriaRole.BUTTON, exactName("转办")).click();
    Locator dialog = page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("转办"));
    // checked in the page first
    dialog.getByRole(AriaRole.BUTTON, exactName("转办")).click();
    expect(dialog.getByRole(AriaRole.ALERT)).hasText("请选择转办对象");
    // the server's refusal, in Chinese: the drafter may not review their own draft
    dialog.getByLabel(label("转办给")).selectOption(DemoUsers.DRAFTER);
    dialog.getByLabel(label("说明")).fill("本人出差，请代为初审");
    Response refused = page.waitForResponse(r -> r.url().endsWith("/transfer"),
        () -> dialog.getByRole(AriaRole.BUTTON, exactName("转办")).click());
    assertThat(refused.status()).isEqualTo(400);
    expect(dialog.getByRole(AriaRole.ALERT)).hasText("张伟是本流程的发起人，不能转办给他办理「部门初审」");
    assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).singleResult().getAssignee())
        .isEqualTo(DemoUsers.HEAD);

    dialog.getByLabel(label("转办给")).selectOption(COLLEAGUE);
    browser.screenshot("op-transfer.png");
    Response done = page.waitForResponse(r -> r.url().endsWith("/transfer"),
        () -> dialog.getByRole(AriaRole.BUTTON, exactName("转办")).click());
    assertThat(done.status()).isEqualTo(200);
    expect(dialog).hasCount(0);
    expect(view.locator(".officeflow-operations [role=status]")).containsText("已转办给" + COLLEAGUE_NAME);
    assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).singleResult().getAssignee())
        .isEqualTo(COLLEAGUE);

    // the colleague finds it in 待办 as theirs
    browser.logout();
    browser.login(COLLEAGUE);
    Locator row = row(openWorklist("待办").locator("table.officeflow-worklist-todo"), pi);
    expect(row).containsText("我办理");
    row.getByRole(AriaRole.LINK, exactName(title(pi))).click();
    Locator theirs = browser.taskView(DEPT_REVIEW);
    expect(theirs.locator(".officeflow-operations").getByRole(AriaRole.BUTTON, exactName("转办"))).isVisible();
  }

  @Test
  void delegateThroughTheButtonKeepsTheOwner() throws Exception {
    ProcessInstance pi = startDocument("普通");
    Task task = driver.taskFor(DemoUsers.HEAD, pi.getId(), TASK_DEPT_REVIEW);

    browser.login(DemoUsers.HEAD);
    Locator view = browser.openTask(task.getId(), DEPT_REVIEW);
    view.locator(".officeflow-operations").getByRole(AriaRole.BUTTON, exactName("委派")).click();
    Locator dialog = page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("委派"));
    dialog.getByLabel(label("委派给")).selectOption(COLLEAGUE);
    dialog.getByRole(AriaRole.BUTTON, exactName("委派")).click();
    expect(dialog.getByRole(AriaRole.ALERT)).hasText("请填写说明");
    dialog.getByLabel(label("说明")).fill("请孙丽核对数据后交回");
    browser.screenshot("op-delegate.png");
    Response done = page.waitForResponse(r -> r.url().endsWith("/delegate"),
        () -> dialog.getByRole(AriaRole.BUTTON, exactName("委派")).click());
    assertThat(done.status()).isEqualTo(200);
    expect(view.locator(".officeflow-operations [role=status]")).containsText("已委派给" + COLLEAGUE_NAME);
    Task delegated = engine.getTaskService().createTaskQuery().taskId(task.getId()).singleResult();
    assertThat(delegated.getAssignee()).isEqualTo(COLLEAGUE);
    assertThat(delegated.getOwner()).isEqualTo(DemoUsers.HEAD);
    assertThat(delegated.getDelegationState()).isEqualTo(DelegationState.PENDING);

    // in the owner's 待办 it stays, marked as with the delegate
    Locator row = row(openWorklist("待办").locator("table.officeflow-worklist-todo"), pi);
    expect(row).containsText("已委派（" + COLLEAGUE_NAME + "办理中）");
  }

  @Test
  void ccThroughTheButtonReachesTheColleaguesList() throws Exception {
    ProcessInstance pi = startDocument("普通");
    Task task = driver.taskFor(DemoUsers.HEAD, pi.getId(), TASK_DEPT_REVIEW);

    browser.login(DemoUsers.HEAD);
    Locator view = browser.openTask(task.getId(), DEPT_REVIEW);
    view.locator(".officeflow-operations").getByRole(AriaRole.BUTTON, exactName("抄送")).click();
    Locator dialog = page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("抄送"));
    dialog.getByRole(AriaRole.BUTTON, exactName("抄送")).click();
    expect(dialog.getByRole(AriaRole.ALERT)).hasText("请选择抄送对象");
    dialog.getByLabel(label("抄送给")).selectOption(new String[] {COLLEAGUE, DemoUsers.FINANCE_HEAD});
    dialog.getByLabel(label("说明（可选）")).fill("请知悉");
    browser.screenshot("op-cc.png");
    Response done = page.waitForResponse(r -> r.url().endsWith("/cc"),
        () -> dialog.getByRole(AriaRole.BUTTON, exactName("抄送")).click());
    assertThat(done.status()).isEqualTo(201);
    expect(view.locator(".officeflow-operations [role=status]")).containsText("已抄送 2 人");
    assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).singleResult().getAssignee())
        .as("抄送 leaves the task where it was").isEqualTo(DemoUsers.HEAD);

    browser.logout();
    browser.login(COLLEAGUE);
    Locator row = row(openWorklist("抄送我的").locator("table.officeflow-worklist-cc"), pi);
    expect(row).containsText(title(pi));
    expect(row.getByRole(AriaRole.BUTTON, exactName("已阅"))).isVisible();
  }

  // --- helpers --------------------------------------------------------------------------------------------

  /** 我的工作 from the navbar, then the named tab; returns the page. */
  private Locator openWorklist(String tab) {
    Locator worklist = page.locator(".officeflow-worklist-page");
    if (worklist.count() == 0) {
      page.locator(".officeflow-worklist-link").click();
    }
    expect(worklist.getByRole(AriaRole.HEADING, exactName(MY_WORK))).isVisible();
    Locator tabLink = worklist.getByRole(AriaRole.TAB, exactName(tab));
    tabLink.click();
    expect(worklist.getByRole(AriaRole.TAB, exactName(tab))).hasAttribute("aria-selected", "true");
    expect(worklist.locator("table, .officeflow-worklist-empty, .alert-danger").first()).isVisible();
    return worklist;
  }

  private static Locator tab(Locator taskView, String label) {
    return taskView.locator(".nav-tabs > li").filter(new Locator.FilterOptions().setHasText(label));
  }

  private static Locator row(Locator table, ProcessInstance pi) {
    return table.locator("tbody tr[data-process-instance-id='" + pi.getId() + "']");
  }

  private static int rowIndex(Locator table, ProcessInstance pi) {
    return ((Number) table.evaluate("(t, id) => Array.from(t.querySelectorAll('tbody tr'))"
        + ".findIndex(r => r.dataset.processInstanceId === id)", pi.getId())).intValue();
  }

  private ProcessInstance startDocument(String urgency) {
    return startDocumentOf(urgency, DemoUsers.DRAFTER);
  }

  private ProcessInstance startDocumentOf(String urgency, String drafter) {
    Map<String, Object> variables = new HashMap<>(Map.of("title", "关于我的工作浏览器测试的通知（"
        + UUID.randomUUID().toString().substring(0, 8) + "）", "docType", "通知", "mainRecipients", "各处室",
        "body", "各处室应当及时办理待办事项。", "urgency", urgency));
    return driver.start(drafter, "outgoing_document", variables);
  }

  private String title(ProcessInstance pi) {
    return (String) engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .variableName("title").singleResult().getValue();
  }
}
