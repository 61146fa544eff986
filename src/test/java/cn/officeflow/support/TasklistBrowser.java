package cn.officeflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * Camunda Tasklist in a headless Debian Chromium (zh-CN, Asia/Shanghai) for the browser tests (TasklistBrowserTest,
 * WorklistBrowserTest): explicit login checked against the session, logout, F5 with retries when Tasklist hangs
 * on its spinner, the task's row in the list, screenshots under {@code target/screenshots}. The page may only talk to the
 * application (loopback); anything else is aborted and fails the test in {@link #close}.
 *
 * <p>Use: {@link #launch()} in {@code @BeforeAll}, {@link #shutdown()} in {@code @AfterAll}, {@code new
 * TasklistBrowser(port)} in {@code @BeforeEach} (skips the test without a browser), {@link #close} in
 * {@code @AfterEach}.
 */
public final class TasklistBrowser {

  /** Debian's chromium; another executable with -Dofficeflow.test.chromium=/path/to/chromium. */
  public static final Path CHROMIUM =
      Paths.get(System.getProperty("officeflow.test.chromium", "/usr/bin/chromium"));

  public static final Path SCREENSHOTS = Paths.get("target", "screenshots");

  /** Generous: on a loaded 2-core CI machine the first Tasklist load has taken over 20 s. */
  public static final double TIMEOUT_MS = 60_000;

  private static final String SKIPPED =
      "browser test skipped: no browser at "
          + CHROMIUM
          + " (install Debian's chromium package: apt-get install -y chromium)";

  // Tasklist, from app/tasklist/locales/zh.json
  public static final String LOGIN_USERNAME = "用户名";
  public static final String LOGIN_PASSWORD = "密码";
  public static final String LOGIN_ACTION = "登录";
  public static final String SIGN_OUT = "退出登录";
  public static final String LOGOUT_OK = "已成功退出登录";
  public static final String CLAIM = "认领";
  // the same in the stock locales/en.json, for a browser that asks for English
  private static final Map<String, String> ENGLISH =
      Map.of(
          LOGIN_USERNAME,
          "Username",
          LOGIN_PASSWORD,
          "Password",
          LOGIN_ACTION,
          "Log in",
          SIGN_OUT,
          "Log out",
          LOGOUT_OK,
          "Logout successful");

  private static Playwright playwright;
  private static Browser browser;

  private final int port;
  private final String locale;
  private final BrowserContext context;
  private final Page page;
  private final List<String> blockedRequests = new CopyOnWriteArrayList<>();

  public static void launch() {
    if (!Files.isExecutable(CHROMIUM)) {
      System.out.println(SKIPPED);
      return;
    }
    playwright =
        Playwright.create(
            new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    browser =
        playwright
            .chromium()
            .launch(
                new BrowserType.LaunchOptions()
                    .setExecutablePath(CHROMIUM)
                    .setHeadless(true)
                    .setArgs(
                        List.of(
                            "--no-sandbox",
                            "--disable-gpu",
                            "--disable-background-networking",
                            "--disable-component-update",
                            "--disable-sync",
                            "--no-first-run",
                            "--disable-quic")));
    PlaywrightAssertions.setDefaultAssertionTimeout(TIMEOUT_MS);
  }

  public static void shutdown() {
    if (browser != null) {
      browser.close();
      browser = null;
    }
    if (playwright != null) {
      playwright.close();
      playwright = null;
    }
  }

  /** A fresh browser context (zh-CN); an assumption skips the test when there is no browser. */
  public TasklistBrowser(int port) {
    this(port, "zh-CN");
  }

  /**
   * A fresh browser context whose language (navigator.language, Accept-Language) is {@code locale}, e.g. "en-US";
   * {@link #login} and {@link #logout} then use the stock English texts.
   */
  public TasklistBrowser(int port, String locale) {
    Assumptions.assumeTrue(browser != null, SKIPPED);
    this.port = port;
    this.locale = locale;
    context =
        browser.newContext(
            new Browser.NewContextOptions()
                .setLocale(locale)
                .setTimezoneId("Asia/Shanghai")
                .setViewportSize(1440, 900));
    context.setDefaultTimeout(TIMEOUT_MS);
    context.route("**/*", this::loopbackOnly);
    page = context.newPage();
    // script errors of the page in the test's output: a webapp that hangs on its spinner says why
    // here
    page.onPageError(error -> System.out.println("browser page error: " + error));
    page.onConsoleMessage(
        message -> {
          if ("error".equals(message.type())) {
            System.out.println("browser console error: " + message.text());
          }
        });
  }

  public Page page() {
    return page;
  }

  /** Screenshot {@code last-<test>.png}, closes the context and fails on requests that left the machine. */
  public void close(String testName) throws Exception {
    try {
      screenshot("last-" + testName + ".png");
    } finally {
      context.close();
    }
    assertThat(blockedRequests)
        .as("requests from the page to anything but the application")
        .isEmpty();
  }

  /**
   * Fills and submits Camunda's login form of the webapp page at {@code url} (Tasklist, Cockpit, Admin) without
   * waiting for the login to succeed: for the refusals it shows.
   */
  public void submitLoginForm(String url, String userId, String password) {
    page.navigate(url);
    Locator username = page.getByPlaceholder(text(LOGIN_USERNAME));
    expect(username).isEditable();
    username.fill(userId);
    page.getByPlaceholder(text(LOGIN_PASSWORD)).fill(password);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(text(LOGIN_ACTION)))
        .click();
  }

  /**
   * An administrator's login through the application's login page ({@code /account/login}): password, then
   * the TOTP code — enrolling on the first login (the secret read from the page, as a person scans the QR
   * code) — and into {@code app}.
   */
  public void loginAdministrator(String app, String userId, String password) {
    page.navigate(baseUrl() + "/account/login?app=" + app);
    page.getByLabel("用户名", new Page.GetByLabelOptions().setExact(true)).fill(userId);
    page.getByLabel("密码", new Page.GetByLabelOptions().setExact(true)).fill(password);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录")).click();
    expect(page.getByLabel("动态口令", new Page.GetByLabelOptions().setExact(true))).isVisible();
    Locator secret = page.locator("#totp-secret");
    if (secret.count() > 0) {
      TotpCodes.enrolled(port, userId, secret.textContent().strip());
    }
    page.getByLabel("动态口令", new Page.GetByLabelOptions().setExact(true))
        .fill(TotpCodes.next(port, userId));
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("验证并登录")).click();
    expect(page.locator(".account .dropdown-toggle")).isVisible();
    String who = page.request().get(baseUrl() + "/camunda/api/admin/auth/user/default").text();
    assertThat(who).as("signed-in user").contains("\"userId\":\"" + userId + "\"");
  }

  public void login(String userId) {
    page.navigate(tasklistUrl());
    Locator username = page.getByPlaceholder(text(LOGIN_USERNAME));
    Locator password = page.getByPlaceholder(text(LOGIN_PASSWORD));
    // the login view focuses the user name field once rendered; typing before that lands in the
    // wrong field
    expect(username).isFocused();
    // on a loaded machine the login view's late autofocus can move text into the other field: fill
    // again
    for (int attempt = 1; ; attempt++) {
      username.fill(userId);
      password.fill(DemoUsers.PASSWORD);
      if (userId.equals(username.inputValue())
          && DemoUsers.PASSWORD.equals(password.inputValue())) {
        break;
      }
      if (attempt == 3) {
        expect(username).hasValue(userId);
        expect(password).hasValue(DemoUsers.PASSWORD);
      }
      System.out.println(
          "TasklistBrowser: login fields of " + userId + " were mixed up, filling again");
    }
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(text(LOGIN_ACTION)))
        .click();
    // Tasklist may hang on its spinner right after login (full-suite runs): reload as a person
    // would
    reloadUntilVisible(this::startProcessMenu, "navbar after login of " + userId, false);
    String who = page.request().get(baseUrl() + "/camunda/api/admin/auth/user/default").text();
    assertThat(who).as("signed-in user").contains("\"userId\":\"" + userId + "\"");
  }

  public void logout() {
    page.locator(".account .dropdown-toggle").click();
    page.locator(".account").getByText(text(SIGN_OUT)).click();
    expect(page.getByText(text(LOGOUT_OK))).isVisible();
    expect(page.getByPlaceholder(text(LOGIN_USERNAME))).isVisible();
  }

  /** A stock Tasklist text (one of the constants above) in this browser's language. */
  private String text(String chinese) {
    return locale.startsWith("en") ? ENGLISH.getOrDefault(chinese, chinese) : chinese;
  }

  /**
   * F5 in Tasklist. In two of three full-suite runs on a loaded 2-core machine (never in a run of one class alone)
   * the reloaded page showed no navbar within 60 s; a person presses F5 again, so does the test, at most twice.
   */
  public void reload() {
    reloadUntilVisible(this::startProcessMenu, "navbar", true);
  }

  /**
   * Waits for {@code shown}; when Tasklist hangs on its loading spinner instead (seen after a reload and right
   * after login), reloads as a person would, at most twice, and says so with a screenshot of the stuck page
   * ({@code reload-stuck-<n>.png}). With {@code reloadFirst} it starts with F5.
   */
  public void reloadUntilVisible(Supplier<Locator> shown, String what, boolean reloadFirst) {
    for (int attempt = 1; ; attempt++) {
      if (reloadFirst || attempt > 1) {
        page.reload();
      }
      try {
        expect(shown.get())
            .isVisible(
                new LocatorAssertions.IsVisibleOptions()
                    .setTimeout(attempt < 3 ? 20_000 : TIMEOUT_MS));
        return;
      } catch (AssertionError stuck) {
        if (attempt == 3) {
          throw stuck;
        }
        screenshot("reload-stuck-" + attempt + ".png");
        System.out.println(
            "TasklistBrowser: Tasklist showed no "
                + what
                + " 20 s after load "
                + attempt
                + " ("
                + page.url()
                + "), reloading again; see target/screenshots/reload-stuck-"
                + attempt
                + ".png");
      }
    }
  }

  public Locator startProcessMenu() {
    return page.locator(".start-process-action").getByRole(AriaRole.LINK);
  }

  /** The task's row in the task list (the row links to {@code ?task=<id>}). */
  public Locator taskInList(String taskId) {
    return page.locator("ol.tasks-list li.task")
        .filter(new Locator.FilterOptions().setHas(page.locator("a[href*='task=" + taskId + "']")));
  }

  /** Opens a task from the list and returns the task view. */
  public Locator openTask(String taskId, String name) {
    Locator listed = taskInList(taskId);
    expect(listed).containsText(name);
    listed.getByRole(AriaRole.LINK).first().click();
    return taskView(name);
  }

  /**
   * The task view, once it shows the task with this name in Tasklist's own heading ({@code h2.task}; a form may
   * have a heading with the same text, which appears once the form is loaded).
   */
  public Locator taskView(String name) {
    Locator task = page.locator(".task-details");
    expect(task.locator("h2.task")).containsText(name);
    return task;
  }

  public void screenshot(String fileName) {
    try {
      Files.createDirectories(SCREENSHOTS);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(fileName)));
  }

  public static LocatorAssertions expect(Locator locator) {
    return PlaywrightAssertions.assertThat(locator);
  }

  public static Locator.GetByRoleOptions exactName(String name) {
    return new Locator.GetByRoleOptions().setName(name).setExact(true);
  }

  public static Page.GetByRoleOptions exactPageName(String name) {
    return new Page.GetByRoleOptions().setName(name).setExact(true);
  }

  /** A label as a pattern that also matches the required marker ("转办给*"). */
  public static Pattern label(String label) {
    String literal = label.replaceAll("[\\\\^$.|?*+()\\[\\]{}]", "\\\\$0");
    return Pattern.compile("^" + literal + "\\*?$");
  }

  public String baseUrl() {
    return "http://localhost:" + port;
  }

  public String tasklistUrl() {
    return baseUrl() + "/camunda/app/tasklist/";
  }

  private void loopbackOnly(Route route) {
    URI uri = URI.create(route.request().url());
    boolean network = "http".equals(uri.getScheme()) || "https".equals(uri.getScheme());
    if (!network || "localhost".equals(uri.getHost()) || "127.0.0.1".equals(uri.getHost())) {
      route.resume();
    } else {
      blockedRequests.add(route.request().url());
      route.abort();
    }
  }
}
