package cn.officeflow.ui;

import static cn.officeflow.outgoing.OutgoingDocumentVariables.TASK_DEPT_REVIEW;
import static cn.officeflow.support.TasklistBrowser.exactName;
import static cn.officeflow.support.TasklistBrowser.expect;
import static cn.officeflow.support.TasklistBrowser.label;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import cn.officeflow.platform.review.Review;
import cn.officeflow.platform.review.ReviewService;
import cn.officeflow.support.DemoUsers;
import cn.officeflow.support.HttpTest;
import cn.officeflow.support.ProcessDriver;
import cn.officeflow.support.TasklistBrowser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import java.lang.reflect.Method;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Client-side checks and languages in Tasklist, in a real headless Debian Chromium: an approval form refuses 退回
 * without a comment before anything is sent (「此项必须填写。」), form-js speaks Chinese (date placeholder,
 * messages), and a browser that asks for English (en-US) gets the stock UI in English with our plugins and forms
 * working: no raw translation keys, no script errors.
 */
@HttpTest
class FormsLocaleBrowserTest {

  private static final String DEPT_REVIEW = "部门初审";
  private static final String OPINION = "审批意见"; // outgoing-review.form: approveComment and comment
  private static final String REJECT = "退回修改";
  private static final String APPROVE = "同意";
  private static final String COMPLETE = "完成";
  private static final String REQUIRED = "此项必须填写。";

  /** A stock translation key shown as such (missing in the locale file): TASKLIST_APP, PLGN_…, … */
  private static final Pattern RAW_KEY = Pattern.compile("\\b[A-Z][A-Z0-9]*(_[A-Z0-9]+){2,}\\b");

  /**
   * Answers 404 that are part of the normal flow: the stock session check before login, the stock CE welcome
   * message (none configured), and 收文附件 asking whether a task belongs to a 收文 (a 发文 task does not).
   */
  private static final Pattern EXPECTED_404 =
      Pattern.compile(
          "/camunda/api/admin/auth/user/default|/camunda-welcome|/api/incoming-documents/by-task/[^/]+");

  @LocalServerPort private int port;
  @Autowired private ProcessEngine engine;
  @Autowired private ReviewService reviews;

  private static boolean warmedUp;

  private TasklistBrowser browser;
  private final List<String> scriptErrors = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void launchChromium() {
    TasklistBrowser.launch();
  }

  @AfterAll
  static void closeChromium() {
    TasklistBrowser.shutdown();
  }

  @AfterEach
  void closeBrowser(TestInfo test) throws Exception {
    if (browser != null) {
      browser.close(test.getTestMethod().map(Method::getName).orElse("test"));
    }
  }

  private Page open(String locale) {
    browser = new TasklistBrowser(port, locale);
    Page page = browser.page();
    page.onConsoleMessage(
        message -> {
          // a failed request is logged as "Failed to load resource": judged by its URL below
          if ("error".equals(message.type())
              && !message.text().startsWith("Failed to load resource")) {
            scriptErrors.add("console: " + message.text());
          }
        });
    page.onPageError(error -> scriptErrors.add("page: " + error));
    page.onResponse(
        response -> {
          String path = URI.create(response.url()).getPath();
          if (response.status() >= 400
              && !(response.status() == 404 && EXPECTED_404.matcher(path).matches())) {
            scriptErrors.add(
                "HTTP "
                    + response.status()
                    + " "
                    + response.request().method()
                    + " "
                    + response.url());
          }
        });
    if (!warmedUp) {
      // the first Tasklist visit after start-up may stall on its spinner (see TasklistBrowserTest):
      // not the test's
      warmedUp = true;
      try {
        browser.login(DemoUsers.DRAFTER);
        browser.logout();
      } catch (RuntimeException | AssertionError e) {
        System.out.println(
            "FormsLocaleBrowserTest: warm-up visit did not finish: " + e.getMessage());
      }
      scriptErrors.clear();
    }
    return page;
  }

  @Test
  void rejectWithoutACommentIsStoppedByTheFormBeforeAnythingIsSent() throws Exception {
    Page page = open("zh-CN");
    ProcessDriver driver = new ProcessDriver(engine);
    ProcessInstance pi = startDocument(driver);
    String taskId = driver.taskFor(DemoUsers.HEAD, pi.getId(), TASK_DEPT_REVIEW).getId();
    List<String> submissions = new CopyOnWriteArrayList<>();
    page.onRequest(
        request -> {
          if (request.url().endsWith("/submit-form") || request.url().endsWith("/complete")) {
            submissions.add(request.url());
          }
        });

    browser.login(DemoUsers.HEAD);
    Locator task = openTask(page, taskId);
    Locator form = task.locator(".fjs-form");
    // before a choice: one optional 审批意见 (approveComment), no asterisk
    Locator opinion = form.getByLabel(label(OPINION));
    expect(opinion).hasCount(1);
    expect(form.getByText(OPINION + "*")).hasCount(0);
    opinion.fill("先写下的意见");
    form.getByLabel(REJECT, new Locator.GetByLabelOptions().setExact(true)).check();
    // 退回: the required 审批意见 (comment) replaces it, empty
    expect(opinion).hasCount(1);
    expect(opinion).hasValue("");
    expect(
            form.locator("label")
                .filter(
                    new Locator.FilterOptions()
                        .setHasText(Pattern.compile("^" + OPINION + "\\*$"))))
        .hasCount(1);

    task.getByRole(AriaRole.BUTTON, exactName(COMPLETE)).click();
    expect(form.locator(".fjs-form-field-error").first()).hasText(REQUIRED);
    expect(form.getByText("Field is required")).hasCount(0);
    browser.screenshot("reject-comment-required.png");
    assertThat(submissions).as("no request reached the server").isEmpty();
    assertThat(engine.getTaskService().createTaskQuery().taskId(taskId).count())
        .as("the task is still open")
        .isOne();

    opinion.fill("请补充第二段的政策依据。");
    opinion.blur();
    expect(form.locator(".fjs-form-field-error")).hasCount(0);
    Response completed =
        page.waitForResponse(
            r -> r.url().endsWith("/submit-form"),
            () -> task.getByRole(AriaRole.BUTTON, exactName(COMPLETE)).click());
    assertThat(completed.status()).as(completed.text()).isEqualTo(204);
    // form-js leaves the hidden approve field out: only comment is sent
    assertThat(completed.request().postData())
        .contains("\"comment\"")
        .doesNotContain("approveComment")
        .doesNotContain("先写下的意见");
    assertThat(reviews.trail(pi.getBusinessKey()))
        .extracting(Review::stepId, Review::decision, Review::comment)
        .containsExactly(tuple(TASK_DEPT_REVIEW, Review.REJECT, "请补充第二段的政策依据。"));
    assertThat(scriptErrors).isEmpty();
  }

  @Test
  void anOpinionGivenWithApproveReachesTheTrail() throws Exception {
    Page page = open("zh-CN");
    ProcessDriver driver = new ProcessDriver(engine);
    ProcessInstance pi = startDocument(driver);
    String taskId = driver.taskFor(DemoUsers.HEAD, pi.getId(), TASK_DEPT_REVIEW).getId();

    browser.login(DemoUsers.HEAD);
    Locator task = openTask(page, taskId);
    Locator form = task.locator(".fjs-form");
    form.getByLabel(APPROVE, new Locator.GetByLabelOptions().setExact(true)).check();
    form.getByLabel(label(OPINION)).fill("同意，请法务复审。");
    Response completed =
        page.waitForResponse(
            r -> r.url().endsWith("/submit-form"),
            () -> task.getByRole(AriaRole.BUTTON, exactName(COMPLETE)).click());
    assertThat(completed.status()).as(completed.text()).isEqualTo(204);
    assertThat(completed.request().postData()).contains("approveComment");
    assertThat(reviews.trail(pi.getBusinessKey()))
        .extracting(Review::decision, Review::comment)
        .containsExactly(tuple(Review.APPROVE, "同意，请法务复审。"));
    assertThat(scriptErrors).isEmpty();
  }

  @Test
  void formJsSpeaksChineseDatePlaceholderAndMessages() throws Exception {
    Page page = open("zh-CN");
    browser.login("lina");
    browser.startProcessMenu().click();
    Locator dialog = page.locator(".modal-dialog");
    dialog.getByRole(AriaRole.LINK, exactName("收文")).click();
    Locator form = dialog.locator(".fjs-form");
    Locator date = form.getByLabel(label("收文日期"));
    expect(date).isVisible();
    // the order and separators of the format form-js parses (from the zh-CN locale): 年/月/日
    expect(date).hasAttribute("placeholder", Pattern.compile("^[年月日][/.-][年月日][/.-][年月日]$"));
    expect(form.locator("input[placeholder*='yyyy' i], input[placeholder*='mm/' i]")).hasCount(0);
    dialog.getByRole(AriaRole.BUTTON, exactName("发起")).click();
    expect(form.locator(".fjs-form-field-error").first()).hasText(REQUIRED);
    expect(form.getByText(Pattern.compile("Field (is required|must)"))).hasCount(0);
    browser.screenshot("form-js-zh.png");
    assertThat(RAW_KEY.matcher(page.locator("body").innerText()).find())
        .as("raw translation key")
        .isFalse();
    assertThat(scriptErrors).isEmpty();
  }

  @Test
  void anEnglishBrowserGetsTheStockUiInEnglishAndOurPagesWork() throws Exception {
    Page page = open("en-US");
    ProcessDriver driver = new ProcessDriver(engine);
    ProcessInstance pi = startDocument(driver);
    String title = (String) engine.getRuntimeService().getVariable(pi.getId(), "title");

    browser.login(DemoUsers.HEAD);
    // the stock UI follows the browser
    expect(browser.startProcessMenu()).containsText("Start process");
    noRawKeys(page);

    // 我的工作 (officeflow-worklist) in the navbar: the 待办 list with the document
    page.locator(".officeflow-worklist-link").click();
    Locator worklist = page.locator(".officeflow-worklist-page");
    expect(worklist.getByRole(AriaRole.HEADING, exactName("我的工作"))).isVisible();
    Locator row = worklist.locator("tr").filter(new Locator.FilterOptions().setHasText(title));
    expect(row).containsText(DEPT_REVIEW);
    browser.screenshot("en-us-worklist.png");
    noRawKeys(page);

    // the task: form, 办理操作 buttons (officeflow-operations), stock buttons in English
    row.getByRole(AriaRole.LINK, exactName(title)).click();
    Locator task = browser.taskView(DEPT_REVIEW);
    Locator form = task.locator(".fjs-form");
    expect(form.getByLabel(label(OPINION))).isVisible();
    expect(page.locator(".officeflow-operations button").first()).isVisible();
    expect(task.getByRole(AriaRole.BUTTON, exactName("Complete"))).isVisible();
    form.getByLabel(REJECT, new Locator.GetByLabelOptions().setExact(true)).check();
    task.getByRole(AriaRole.BUTTON, exactName("Complete")).click();
    expect(form.locator(".fjs-form-field-error").first()).isVisible();
    browser.screenshot("en-us-task.png");
    noRawKeys(page);
    assertThat(
            engine
                .getTaskService()
                .createTaskQuery()
                .processInstanceId(pi.getId())
                .taskDefinitionKey(TASK_DEPT_REVIEW)
                .count())
        .isOne();
    assertThat(scriptErrors).isEmpty();
  }

  @Test
  void cockpitSaysNoneForAMissingParentAndNamesTheActionsColumn() throws Exception {
    Page page = open("zh-CN");
    ProcessInstance pi = startDocument(new ProcessDriver(engine));
    // administrators sign in with password and TOTP on the application's login page
    browser.loginAdministrator("cockpit", "admin", "Guanli@2026");
    page.navigate(
        browser.baseUrl()
            + "/camunda/app/cockpit/default/#/process-instance/"
            + pi.getId()
            + "/runtime");

    // 父流程实例 ID：无 (the stock template writes a bare "null")
    Locator parent = page.locator("dd.super-process-instance-id");
    expect(parent).hasText("无");
    expect(page.locator("dt").filter(new Locator.FilterOptions().setHasText("父流程实例 ID")))
        .isVisible();
    // the variables table of an administrator, who may edit them: its last column is 「操作」, not
    // "Actions"
    Locator actions = page.locator("thead td.actions");
    expect(actions).hasText("操作");
    expect(page.getByText("Actions", new Page.GetByTextOptions().setExact(true))).hasCount(0);
    expect(page.locator(".null-value").filter(new Locator.FilterOptions().setHasText("null")))
        .hasCount(0);
    browser.screenshot("cockpit-instance-zh.png");
    noRawKeys(page);
    assertThat(scriptErrors).isEmpty();
  }

  private Locator openTask(Page page, String taskId) {
    page.navigate(browser.tasklistUrl() + "#/?task=" + taskId);
    Locator task = browser.taskView(DEPT_REVIEW);
    expect(task.locator(".fjs-form")).isVisible();
    return task;
  }

  private static void noRawKeys(Page page) {
    String text = page.locator("body").innerText();
    java.util.regex.Matcher raw = RAW_KEY.matcher(text);
    assertThat(raw.find() ? raw.group() : null).as("a raw translation key on the page").isNull();
  }

  private static ProcessInstance startDocument(ProcessDriver driver) {
    return driver.start(
        DemoUsers.DRAFTER,
        "outgoing_document",
        Map.of(
            "title",
            "关于表单语言测试的通知（" + UUID.randomUUID().toString().substring(0, 8) + "）",
            "docType",
            "通知",
            "mainRecipients",
            "各处室",
            "body",
            "各处室应当及时办理待办事项。"));
  }
}
