package cn.officeflow.ui;

import static cn.officeflow.outgoing.OutgoingDocumentVariables.TASK_DEPT_REVIEW;
import static cn.officeflow.outgoing.OutgoingDocumentVariables.TASK_LEADER_APPROVAL;
import static cn.officeflow.outgoing.OutgoingDocumentVariables.TASK_LEGAL_REVIEW;
import static cn.officeflow.outgoing.OutgoingDocumentVariables.TASK_PROOF_ATTACHMENTS;
import static cn.officeflow.outgoing.OutgoingDocumentVariables.TASK_PROOF_FORMAT;
import static cn.officeflow.outgoing.OutgoingDocumentVariables.TASK_PROOF_WORDING;
import static cn.officeflow.outgoing.OutgoingDocumentVariables.TASK_REVISE;
import static cn.officeflow.support.TasklistBrowser.exactName;
import static cn.officeflow.support.TasklistBrowser.expect;
import static cn.officeflow.support.TasklistBrowser.label;
import static org.assertj.core.api.Assertions.assertThat;

import cn.officeflow.support.DemoUsers;
import cn.officeflow.support.Http;
import cn.officeflow.support.HttpTest;
import cn.officeflow.support.ProcessDriver;
import cn.officeflow.support.TasklistBrowserTestBase;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.DelegationState;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 我的工作 (scripts/officeflow-worklist) and the 办理操作 buttons (scripts/officeflow-operations) in Tasklist, driven
 * through a real headless Debian Chromium (zh-CN): each of the four lists shows the user's own entries with the
 * business title, and 退回, 转办, 委派, 加签 (before and after), 减签, 抄送 and 撤回 go through their dialogs to the REST
 * operations — the engine state behind each step checked through the engine's Java API, a refusal shown as the
 * server's Chinese sentence in the dialog. Screenshots of the lists and dialogs: target/screenshots (README).
 */
@HttpTest
class WorklistBrowserTest extends TasklistBrowserTestBase {

  private static final String MY_WORK = "我的工作";
  private static final String OUTGOING_PROCESS = "发文（三审三校）";
  private static final String DEPT_REVIEW = "部门初审";
  private static final String LEGAL_REVIEW = "法务复审";
  private static final String COLLEAGUE = "sunli";
  private static final String COLLEAGUE_NAME = "孙丽";

  @Autowired private ProcessEngine engine;

  private ProcessDriver driver;

  @BeforeEach
  void openBrowser() {
    driver = new ProcessDriver(engine);
  }

  // --- the four lists
  // -----------------------------------------------------------------------------------

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
    expect(urgentRow)
        .containsText(java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}"));
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
    driver.complete(
        DemoUsers.HEAD,
        pi.getId(),
        TASK_DEPT_REVIEW,
        Map.of("decision", "approve", "comment", "同意，请法务复审。"));

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

    // 撤回: the reason is required in the dialog; the server's answer (its Chinese message if
    // refused) is shown
    active.getByRole(AriaRole.BUTTON, exactName("撤回")).click();
    Locator dialog = page.getByRole(AriaRole.DIALOG);
    expect(dialog).containsText("撤回");
    dialog.getByRole(AriaRole.BUTTON, exactName("撤回")).click();
    expect(dialog.getByRole(AriaRole.ALERT)).hasText("请填写撤回原因");
    dialog.getByLabel(label("撤回原因")).fill("标题有误，撤回修改。");
    browser.screenshot("op-withdraw.png");
    Response answered = submit(dialog, "撤回", "/withdraw");
    assertThat(answered.status()).as(answered.text()).isEqualTo(200);
    expect(page.locator(".officeflow-worklist-page [role=status]")).containsText("已撤回");
    // back with the drafter: 退回修改 is theirs, 部门初审 is gone
    assertThat(driver.openTasks(running.getId()))
        .extracting(Task::getTaskDefinitionKey, Task::getAssignee)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(TASK_REVISE, DemoUsers.DRAFTER));
  }

  @Test
  void withdrawAfterTheNextStepActedShowsTheServersReasonInTheDialog() throws Exception {
    ProcessInstance pi = startDocument("普通");
    driver.approve(DemoUsers.HEAD, pi.getId(), TASK_DEPT_REVIEW);

    browser.login(DemoUsers.DRAFTER);
    Locator active = row(openWorklist("我发起的").locator("table.officeflow-worklist-started"), pi);
    active.getByRole(AriaRole.BUTTON, exactName("撤回")).click();
    Locator dialog = page.getByRole(AriaRole.DIALOG);
    dialog.getByLabel(label("撤回原因")).fill("发现错别字，撤回修改。");
    Response refused = submit(dialog, "撤回", "/withdraw");
    assertThat(refused.status()).isEqualTo(409);
    // the server's sentence alone: who acted, in Chinese, no English, no id
    Locator alert = dialog.getByRole(AriaRole.ALERT);
    expect(alert).hasText("刘洋已办理「部门初审」，不能撤回");
    assertThat(alert.textContent()).doesNotContainPattern("[A-Za-z]").doesNotContain(pi.getId());
    browser.screenshot("op-withdraw-refused.png");
    expect(dialog).isVisible();
    assertThat(driver.openTasks(pi.getId()))
        .extracting(Task::getTaskDefinitionKey)
        .containsExactly(TASK_LEGAL_REVIEW);
  }

  @Test
  void ccListsWhatWasCopiedToMeAndMarksItRead() throws Exception {
    ProcessInstance pi = startDocument("普通");
    Task task = driver.taskFor(DemoUsers.HEAD, pi.getId(), TASK_DEPT_REVIEW);
    HttpResponse<String> cc =
        new Http(port)
            .postJson(
                "/api/tasks/" + task.getId() + "/cc",
                DemoUsers.HEAD,
                DemoUsers.PASSWORD,
                "{\"userIds\": [\"" + COLLEAGUE + "\"], \"comment\": \"请知悉\"}");
    assertThat(cc.statusCode()).as(cc.body()).isEqualTo(201);

    browser.login(COLLEAGUE);
    Locator row = row(openWorklist("抄送我的").locator("table.officeflow-worklist-cc"), pi);
    expect(row).containsText(title(pi));
    expect(row).containsText("刘洋");
    expect(row).containsText(DEPT_REVIEW);
    browser.screenshot("worklist-cc.png");
    Response read =
        page.waitForResponse(
            r -> r.url().endsWith("/read"),
            () -> row.getByRole(AriaRole.BUTTON, exactName("已阅")).click());
    assertThat(read.status()).isEqualTo(200);
    Locator again = row(page.locator("table.officeflow-worklist-cc"), pi);
    expect(again)
        .containsText(java.util.regex.Pattern.compile("已阅 \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}"));
    expect(again.getByRole(AriaRole.BUTTON)).hasCount(0);
  }

  // --- the operations
  // -------------------------------------------------------------------------------------

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

    Locator dialog = openOperation(view, "转办");
    // checked in the page first
    dialog.getByRole(AriaRole.BUTTON, exactName("转办")).click();
    expect(dialog.getByRole(AriaRole.ALERT)).hasText("请选择转办对象");
    // the server's refusal, in Chinese: the drafter may not review their own draft
    dialog.getByLabel(label("转办给")).selectOption(DemoUsers.DRAFTER);
    dialog.getByLabel(label("说明")).fill("本人出差，请代为初审");
    Response refused = submit(dialog, "转办", "/transfer");
    assertThat(refused.status()).isEqualTo(400);
    expect(dialog.getByRole(AriaRole.ALERT)).hasText("张伟是本流程的发起人，不能转办给他办理「部门初审」");
    assertThat(
            engine
                .getTaskService()
                .createTaskQuery()
                .taskId(task.getId())
                .singleResult()
                .getAssignee())
        .isEqualTo(DemoUsers.HEAD);

    dialog.getByLabel(label("转办给")).selectOption(COLLEAGUE);
    browser.screenshot("op-transfer.png");
    Response done = submit(dialog, "转办", "/transfer");
    assertThat(done.status()).isEqualTo(200);
    expect(dialog).hasCount(0);
    expect(view.locator(".officeflow-operations [role=status]"))
        .containsText("已转办给" + COLLEAGUE_NAME);
    assertThat(
            engine
                .getTaskService()
                .createTaskQuery()
                .taskId(task.getId())
                .singleResult()
                .getAssignee())
        .isEqualTo(COLLEAGUE);

    // the colleague finds it in 待办 as theirs
    browser.logout();
    browser.login(COLLEAGUE);
    Locator row = row(openWorklist("待办").locator("table.officeflow-worklist-todo"), pi);
    expect(row).containsText("我办理");
    row.getByRole(AriaRole.LINK, exactName(title(pi))).click();
    Locator theirs = browser.taskView(DEPT_REVIEW);
    expect(theirs.locator(".officeflow-operations").getByRole(AriaRole.BUTTON, exactName("转办")))
        .isVisible();
  }

  @Test
  void delegateThroughTheButtonKeepsTheOwner() throws Exception {
    ProcessInstance pi = startDocument("普通");
    Task task = driver.taskFor(DemoUsers.HEAD, pi.getId(), TASK_DEPT_REVIEW);

    browser.login(DemoUsers.HEAD);
    Locator view = browser.openTask(task.getId(), DEPT_REVIEW);
    Locator dialog = openOperation(view, "委派");
    dialog.getByLabel(label("委派给")).selectOption(COLLEAGUE);
    dialog.getByRole(AriaRole.BUTTON, exactName("委派")).click();
    expect(dialog.getByRole(AriaRole.ALERT)).hasText("请填写说明");
    dialog.getByLabel(label("说明")).fill("请孙丽核对数据后交回");
    browser.screenshot("op-delegate.png");
    Response done = submit(dialog, "委派", "/delegate");
    assertThat(done.status()).isEqualTo(200);
    expect(view.locator(".officeflow-operations [role=status]"))
        .containsText("已委派给" + COLLEAGUE_NAME);
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
    Locator dialog = openOperation(view, "抄送");
    dialog.getByRole(AriaRole.BUTTON, exactName("抄送")).click();
    expect(dialog.getByRole(AriaRole.ALERT)).hasText("请选择抄送对象");
    dialog.getByLabel(label("抄送给")).selectOption(new String[] {COLLEAGUE, DemoUsers.FINANCE_HEAD});
    dialog.getByLabel(label("说明（可选）")).fill("请知悉");
    browser.screenshot("op-cc.png");
    Response done = submit(dialog, "抄送", "/cc");
    assertThat(done.status()).isEqualTo(201);
    expect(view.locator(".officeflow-operations [role=status]")).containsText("已抄送 2 人");
    assertThat(
            engine
                .getTaskService()
                .createTaskQuery()
                .taskId(task.getId())
                .singleResult()
                .getAssignee())
        .as("抄送 leaves the task where it was")
        .isEqualTo(DemoUsers.HEAD);

    browser.logout();
    browser.login(COLLEAGUE);
    Locator row = row(openWorklist("抄送我的").locator("table.officeflow-worklist-cc"), pi);
    expect(row).containsText(title(pi));
    expect(row.getByRole(AriaRole.BUTTON, exactName("已阅"))).isVisible();
  }

  @Test
  void returnThroughTheButtonGivesTheStepBackToWhoDidIt() throws Exception {
    ProcessInstance pi = startDocument("普通");
    driver.approve(DemoUsers.HEAD, pi.getId(), TASK_DEPT_REVIEW);
    Task legal = driver.taskFor(DemoUsers.LEGAL, pi.getId(), TASK_LEGAL_REVIEW);

    browser.login(DemoUsers.LEGAL);
    Locator view = browser.openTask(legal.getId(), LEGAL_REVIEW);
    Locator dialog = openOperation(view, "退回");
    Locator target = dialog.getByLabel(label("退回到"));
    // the drafter's step first, then the steps passed, each with who gets it back
    expect(target.locator("option")).containsText(new String[] {"请选择", "退回修改（张伟）", "部门初审（刘洋）"});
    dialog.getByRole(AriaRole.BUTTON, exactName("退回")).click();
    expect(dialog.getByRole(AriaRole.ALERT)).hasText("请选择退回到哪个环节");
    target.selectOption(TASK_DEPT_REVIEW);
    dialog.getByRole(AriaRole.BUTTON, exactName("退回")).click();
    expect(dialog.getByRole(AriaRole.ALERT)).hasText("请填写退回意见");
    dialog.getByLabel(label("退回意见")).fill("请部门补充法律依据后再报。");
    // the page's own reminder goes once the comment is there
    expect(dialog.getByRole(AriaRole.ALERT)).isEmpty();
    browser.screenshot("op-return.png");
    Response done = submit(dialog, "退回", "/return");
    assertThat(done.status()).as(done.text()).isEqualTo(200);
    expect(dialog).hasCount(0);
    expect(view.locator(".officeflow-operations [role=status]")).containsText("已退回");
    // 法务复审 is gone; 部门初审 is 刘洋's again
    assertThat(driver.openTasks(pi.getId()))
        .extracting(Task::getTaskDefinitionKey, Task::getAssignee)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(TASK_DEPT_REVIEW, DemoUsers.HEAD));
  }

  @Test
  void addSignersBeforeTheStepWaitsForThemThenContinues() throws Exception {
    ProcessInstance pi = startDocument("普通");
    Task task = driver.taskFor(DemoUsers.HEAD, pi.getId(), TASK_DEPT_REVIEW);

    browser.login(DemoUsers.HEAD);
    Locator view = browser.openTask(task.getId(), DEPT_REVIEW);
    Locator buttons = view.locator(".officeflow-operations");
    // no signer yet, nothing to remove
    expect(buttons.getByRole(AriaRole.BUTTON, exactName("加签"))).isVisible();
    expect(buttons.getByRole(AriaRole.BUTTON, exactName("减签"))).hasCount(0);
    Locator dialog = openOperation(view, "加签");
    dialog.getByRole(AriaRole.BUTTON, exactName("加签")).click();
    expect(dialog.getByRole(AriaRole.ALERT)).hasText("请选择加签人");
    dialog.getByLabel(label("加签人")).selectOption(COLLEAGUE);
    expect(dialog.getByLabel("前加签")).isChecked();
    dialog.getByLabel(label("说明")).fill("请孙丽先核对数据");
    browser.screenshot("op-add-signers-before.png");
    Response added = submit(dialog, "加签", "/add-signers");
    assertThat(added.status()).as(added.text()).isEqualTo(201);
    expect(buttons.locator("[role=status]")).containsText("已加签");
    // 孙丽 has her 「加签：部门初审」; now there is someone to remove
    List<Task> subtasks = engine.getTaskService().getSubTasks(task.getId());
    assertThat(subtasks)
        .extracting(Task::getAssignee, Task::getName)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(COLLEAGUE, "加签：" + DEPT_REVIEW));
    expect(buttons.getByRole(AriaRole.BUTTON, exactName("减签"))).isVisible();

    // the step waits: 同意 is refused with the server's reason
    Locator form = view.locator(".fjs-form");
    form.getByLabel(label("同意")).check();
    Response early =
        page.waitForResponse(
            r -> r.url().endsWith("/submit-form"),
            () -> view.getByRole(AriaRole.BUTTON, exactName("完成")).click());
    assertThat(early.status()).isEqualTo(409);
    expect(page.locator(".notifications")).containsText("尚有加签人未审批：" + COLLEAGUE_NAME);
    assertThat(driver.openTasks(pi.getId()))
        .extracting(Task::getTaskDefinitionKey)
        .containsExactly(TASK_DEPT_REVIEW);

    // 孙丽 opens her 「加签：部门初审」 and decides in its dialog; then the head's 同意 moves the document on
    browser.logout();
    browser.login(COLLEAGUE);
    String subtask = subtasks.get(0).getId();
    Locator signerView = browser.openTask(subtask, "加签：" + DEPT_REVIEW);
    Locator decide = openOperation(signerView, "加签审批");
    decide.getByLabel("退回").check();
    Response noComment = submit(decide, "加签审批", "/decide");
    assertThat(noComment.status()).isEqualTo(400);
    expect(decide.getByRole(AriaRole.ALERT)).hasText("退回时必须填写审批意见");
    decide.getByLabel("同意").check();
    decide.getByLabel(label("审批意见")).fill("数据无误");
    browser.screenshot("op-signer-decide.png");
    Response decided = submit(decide, "加签审批", "/decide");
    assertThat(decided.status()).as(decided.text()).isEqualTo(200);
    expect(signerView.locator(".officeflow-operations [role=status]")).containsText("已提交加签意见");
    assertThat(engine.getTaskService().createTaskQuery().taskId(subtask).count()).isZero();
    driver.approve(DemoUsers.HEAD, pi.getId(), TASK_DEPT_REVIEW);
    assertThat(driver.openTasks(pi.getId()))
        .extracting(Task::getTaskDefinitionKey)
        .containsExactly(TASK_LEGAL_REVIEW);
  }

  @Test
  void addSignersAfterTheStepHoldsTheDecisionUntilTheyDecided() throws Exception {
    ProcessInstance pi = startDocument("普通");
    Task task = driver.taskFor(DemoUsers.HEAD, pi.getId(), TASK_DEPT_REVIEW);

    browser.login(DemoUsers.HEAD);
    Locator view = browser.openTask(task.getId(), DEPT_REVIEW);
    Locator dialog = openOperation(view, "加签");
    dialog.getByLabel(label("加签人")).selectOption(DemoUsers.FINANCE_HEAD);
    dialog.getByLabel("后加签").check();
    dialog.getByLabel(label("说明")).fill("请财务处在我审批后把关");
    browser.screenshot("op-add-signers-after.png");
    Response added = submit(dialog, "加签", "/add-signers");
    assertThat(added.status()).as(added.text()).isEqualTo(201);
    assertThat(engine.getTaskService().getSubTasks(task.getId()))
        .as("after-signers wait for the head")
        .isEmpty();

    // the head's 同意 is accepted and held: the step stays, 王芳 gets her subtask
    Locator form = view.locator(".fjs-form");
    form.getByLabel(label("同意")).check();
    Response held =
        page.waitForResponse(
            r -> r.url().endsWith("/submit-form"),
            () -> view.getByRole(AriaRole.BUTTON, exactName("完成")).click());
    assertThat(held.ok()).as("HTTP %s", held.status()).isTrue();
    assertThat(driver.openTasks(pi.getId()))
        .extracting(Task::getTaskDefinitionKey)
        .containsExactly(TASK_DEPT_REVIEW);
    List<Task> subtasks = engine.getTaskService().getSubTasks(task.getId());
    assertThat(subtasks)
        .extracting(Task::getAssignee, Task::getName)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(DemoUsers.FINANCE_HEAD, "加签：" + DEPT_REVIEW));

    // 王芳 approves: the held 同意 completes the step
    HttpResponse<String> decided =
        new Http(port)
            .postJson(
                "/api/signers/" + subtasks.get(0).getId() + "/decide",
                DemoUsers.FINANCE_HEAD,
                DemoUsers.PASSWORD,
                "{\"decision\": \"approve\"}");
    assertThat(decided.statusCode()).as(decided.body()).isEqualTo(200);
    driver.executeJobs(pi.getId());
    assertThat(driver.openTasks(pi.getId()))
        .extracting(Task::getTaskDefinitionKey)
        .containsExactly(TASK_LEGAL_REVIEW);
  }

  @Test
  void removeSignerThroughTheButtonDeletesTheirSubtask() throws Exception {
    ProcessInstance pi = startDocument("普通");
    Task task = driver.taskFor(DemoUsers.HEAD, pi.getId(), TASK_DEPT_REVIEW);
    HttpResponse<String> added =
        new Http(port)
            .postJson(
                "/api/tasks/" + task.getId() + "/add-signers",
                DemoUsers.HEAD,
                DemoUsers.PASSWORD,
                "{\"userIds\": [\""
                    + COLLEAGUE
                    + "\", \""
                    + DemoUsers.FINANCE_HEAD
                    + "\"], \"mode\": \"before\", \"comment\": \"请先提出意见\"}");
    assertThat(added.statusCode()).as(added.body()).isEqualTo(201);

    browser.login(DemoUsers.HEAD);
    Locator view = browser.openTask(task.getId(), DEPT_REVIEW);
    Locator dialog = openOperation(view, "减签");
    Locator signer = dialog.getByLabel(label("减签人"));
    expect(signer.locator("option"))
        .containsText(new String[] {"请选择", "孙丽（前加签，审批中）", "王芳（前加签，审批中）"});
    signer.selectOption(COLLEAGUE);
    browser.screenshot("op-remove-signer.png");
    Response removed = submit(dialog, "减签", "/signers/" + COLLEAGUE);
    assertThat(removed.status()).as(removed.text()).isEqualTo(200);
    expect(dialog).hasCount(0);
    expect(view.locator(".officeflow-operations [role=status]")).containsText("已减签");
    assertThat(engine.getTaskService().getSubTasks(task.getId()))
        .extracting(Task::getAssignee)
        .containsExactly(DemoUsers.FINANCE_HEAD);
    // 王芳 has not decided yet: 减签 stays offered
    expect(view.locator(".officeflow-operations").getByRole(AriaRole.BUTTON, exactName("减签")))
        .isVisible();
  }

  // --- helpers
  // --------------------------------------------------------------------------------------------

  /** Clicks the operation's button on the task view and returns its dialog. */
  private Locator openOperation(Locator taskView, String operation) {
    taskView
        .locator(".officeflow-operations")
        .getByRole(AriaRole.BUTTON, exactName(operation))
        .click();
    return page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName(operation));
  }

  /** Clicks the dialog's button and returns the answer to the request whose URL ends with {@code urlEnd}. */
  private Response submit(Locator dialog, String button, String urlEnd) {
    return page.waitForResponse(
        r -> r.url().endsWith(urlEnd),
        () -> dialog.getByRole(AriaRole.BUTTON, exactName(button)).click());
  }

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
    expect(worklist.locator("table, .officeflow-worklist-empty, .alert-danger").first())
        .isVisible();
    return worklist;
  }

  private static Locator tab(Locator taskView, String label) {
    return taskView.locator(".nav-tabs > li").filter(new Locator.FilterOptions().setHasText(label));
  }

  private static Locator row(Locator table, ProcessInstance pi) {
    return table.locator("tbody tr[data-process-instance-id='" + pi.getId() + "']");
  }

  private static int rowIndex(Locator table, ProcessInstance pi) {
    return ((Number)
            table.evaluate(
                "(t, id) => Array.from(t.querySelectorAll('tbody tr'))"
                    + ".findIndex(r => r.dataset.processInstanceId === id)",
                pi.getId()))
        .intValue();
  }

  private ProcessInstance startDocument(String urgency) {
    return startDocumentOf(urgency, DemoUsers.DRAFTER);
  }

  private ProcessInstance startDocumentOf(String urgency, String drafter) {
    Map<String, Object> variables =
        new HashMap<>(
            Map.of(
                "title",
                "关于我的工作浏览器测试的通知（" + UUID.randomUUID().toString().substring(0, 8) + "）",
                "docType",
                "通知",
                "mainRecipients",
                "各处室",
                "body",
                "各处室应当及时办理待办事项。",
                "urgency",
                urgency));
    return driver.start(drafter, "outgoing_document", variables);
  }

  private String title(ProcessInstance pi) {
    return (String)
        engine
            .getHistoryService()
            .createHistoricVariableInstanceQuery()
            .processInstanceId(pi.getId())
            .variableName("title")
            .singleResult()
            .getValue();
  }
}
