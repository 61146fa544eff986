package cn.officeflow.ui;

import static cn.officeflow.support.TasklistBrowser.expect;
import static org.assertj.core.api.Assertions.assertThat;

import cn.officeflow.support.DemoUsers;
import cn.officeflow.support.Http;
import cn.officeflow.support.HttpTest;
import cn.officeflow.support.TasklistBrowserTestBase;
import cn.officeflow.support.TotpCodes;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * The webapps' login in a real headless Chromium with the 等保 三级 account rules: Tasklist's login form says
 * why a login fails (wrong password, locked account, password to change) in Chinese; an expired password is
 * changed on /account/login and the user is in; an administrator enrols TOTP with the QR code and is in.
 */
@HttpTest
class AccountLoginBrowserTest extends TasklistBrowserTestBase {

  private void tasklistLogin(String user, String password) {
    browser.submitLoginForm(browser.tasklistUrl(), user, password);
  }

  private Locator field(String label) {
    return page.getByLabel(label, new Page.GetByLabelOptions().setExact(true));
  }

  @Test
  void tasklistsLoginFormSaysWrongPasswordThenLocked() {
    tasklistLogin(DemoUsers.DRAFTER, "Falsch@2026x");
    expect(page.getByText("用户名或密码错误").first()).isVisible();
    expect(page.getByText("再错 4 次账号将被锁定 15 分钟").first()).isVisible();
    browser.screenshot("login-wrong-password.png");

    // more wrong passwords from elsewhere lock the account
    Http http = new Http(port);
    for (String address :
        new String[] {"198.51.100.91", "198.51.100.91", "198.51.100.91", "198.51.100.92"}) {
      http.send(
          http.request("/api/account/policy", DemoUsers.DRAFTER, "Falsch@2026x")
              .header("X-Forwarded-For", address)
              .GET()
              .build());
    }
    tasklistLogin(DemoUsers.DRAFTER, DemoUsers.PASSWORD);
    expect(page.getByText("账号已锁定").first()).isVisible();
    expect(page.getByText("联系安全管理员解锁").first()).isVisible();
    browser.screenshot("login-locked.png");
  }

  @Test
  void anExpiredPasswordIsChangedOnTheLoginPageAndTheUserIsIn() {
    Http http = new Http(port);
    HttpResponse<String> reset =
        http.putJson(
            "/engine-rest/user/" + DemoUsers.HEAD + "/credentials",
            "admin",
            "Guanli@2026",
            "{\"password\":\"Gesetzt@2026x\",\"authenticatedUserPassword\":\"Guanli@2026\"}");
    assertThat(reset.statusCode()).as(reset.body()).isEqualTo(204);

    tasklistLogin(DemoUsers.HEAD, "Gesetzt@2026x");
    expect(page.getByText("请先修改密码").first()).isVisible();
    expect(page.getByText("/account/login?app=tasklist").first()).isVisible();
    browser.screenshot("login-password-expired.png");

    page.navigate(browser.baseUrl() + "/account/login?app=tasklist");
    field("用户名").fill(DemoUsers.HEAD);
    field("密码").fill("Gesetzt@2026x");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录")).click();
    expect(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("修改密码")))
        .isVisible();
    expect(page.getByRole(AriaRole.ALERT)).containsText("密码由管理员设置");
    field("原密码").fill("Gesetzt@2026x");
    field("新密码").fill("Eigenes@2026x");
    field("再次输入新密码").fill("Eigenes@2026y");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("修改密码并登录")).click();
    expect(page.getByRole(AriaRole.ALERT)).containsText("两次输入的新密码不一致");
    field("原密码").fill("Gesetzt@2026x");
    field("新密码").fill("Eigenes@2026x");
    field("再次输入新密码").fill("Eigenes@2026x");
    browser.screenshot("login-change-password.png");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("修改密码并登录")).click();

    browser.reloadUntilVisible(
        browser::startProcessMenu, "Tasklist after the password change", false);
    String who =
        page.request().get(browser.baseUrl() + "/camunda/api/admin/auth/user/default").text();
    assertThat(who).contains("\"userId\":\"" + DemoUsers.HEAD + "\"");
    assertThat(http.get("/api/account/policy", DemoUsers.HEAD, "Eigenes@2026x").statusCode())
        .isEqualTo(200);
  }

  @Test
  void anAdministratorEnrolsTotpWithTheQrCodeAndIsIn() {
    // Camunda's form sends the administrator to the login page with the second factor
    browser.submitLoginForm(
        browser.baseUrl() + "/camunda/app/cockpit/default/", "admin", "Guanli@2026");
    expect(page.getByText("管理员账号须使用动态口令登录").first()).isVisible();

    page.navigate(browser.baseUrl() + "/account/login?app=cockpit");
    field("用户名").fill("admin");
    field("密码").fill("Guanli@2026");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录")).click();
    expect(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("绑定动态口令")))
        .isVisible();
    expect(page.getByRole(AriaRole.IMG, new Page.GetByRoleOptions().setName("动态口令二维码")))
        .isVisible();
    browser.screenshot("login-totp-enrolment.png");
    String secret = page.locator("#totp-secret").textContent().strip();
    TotpCodes.enrolled(port, "admin", secret);

    field("动态口令").fill("000000");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("验证并登录")).click();
    expect(page.getByRole(AriaRole.ALERT)).containsText("动态口令错误");
    field("动态口令").fill(TotpCodes.next(port, "admin"));
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("验证并登录")).click();
    browser.reloadUntilVisible(
        () -> page.locator(".account .dropdown-toggle"), "Cockpit after TOTP", false);
    String who =
        page.request().get(browser.baseUrl() + "/camunda/api/admin/auth/user/default").text();
    assertThat(who).contains("\"userId\":\"admin\"");
  }
}
