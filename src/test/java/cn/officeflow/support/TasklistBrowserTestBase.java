package cn.officeflow.support;

import com.microsoft.playwright.Page;
import java.lang.reflect.Method;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The lifecycle every Tasklist browser test shares: Debian's Chromium launched once per class, a fresh browser
 * context per test (skipped, not failed, where there is no browser), closed after it with its screenshots and
 * trace named after the test. A subclass's own {@code @BeforeEach} runs after this one, with {@link #browser} and
 * {@link #page} ready.
 */
public abstract class TasklistBrowserTestBase {

  @LocalServerPort protected int port;

  protected TasklistBrowser browser;
  protected Page page;

  @BeforeAll
  static void launchChromium() {
    TasklistBrowser.launch();
  }

  @AfterAll
  static void closeChromium() {
    TasklistBrowser.shutdown();
  }

  @BeforeEach
  void openBrowserContext() {
    browser = new TasklistBrowser(port);
    page = browser.page();
  }

  @AfterEach
  void closeBrowserContext(TestInfo test) throws Exception {
    if (browser != null) {
      browser.close(test.getTestMethod().map(Method::getName).orElse("test"));
    }
  }
}
