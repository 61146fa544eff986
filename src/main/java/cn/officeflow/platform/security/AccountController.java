package cn.officeflow.platform.security;

import cn.officeflow.platform.audit.AuditEvent;
import cn.officeflow.platform.audit.AuditEventType;
import cn.officeflow.platform.audit.AuditLog;
import cn.officeflow.platform.engine.CurrentUser;
import cn.officeflow.platform.engine.EngineClock;
import cn.officeflow.platform.engine.WebappSessionAuthentications;
import cn.officeflow.platform.org.RoleGroups;
import cn.officeflow.platform.security.account.AccountSecurity;
import cn.officeflow.platform.security.account.AccountSecurity.LoginResult;
import cn.officeflow.platform.security.account.AccountSecurity.Outcome;
import cn.officeflow.platform.web.ValidationException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * 账号安全 endpoints.
 *
 * <h2>The login page {@code /account/login} (every user; administrators must use it)</h2>
 * User name and password → when the password must be changed, a form for the old and the new password →
 * for an administrator, the TOTP step: on the first login a QR code (and the secret as text) to scan with an
 * authenticator app, then the 6-digit code → signed in to the webapps like Camunda's own login, and sent to
 * the app ({@code tasklist}, {@code cockpit}, {@code admin}, {@code welcome}). The forms carry a token bound
 * to the session; the state between the steps (the user whose password was right) lives in the session for 5
 * minutes.
 *
 * <h2>REST</h2>
 * <ul>
 *   <li>{@code POST /api/account/password} {@code {"userId","oldPassword","newPassword"}}: one's own change,
 *       also with an expired password (authenticated by the old password, through the lockout);</li>
 *   <li>{@code GET /api/account/policy}: the rules in force (every authenticated user);</li>
 *   <li>security administrators ({@code security-admins}, and {@code camunda-admin}): {@code GET
 *       /api/account/locks}, {@code POST /api/account/users/{id}/unlock}, {@code POST
 *       /api/account/users/{id}/expire-password}, {@code DELETE /api/account/users/{id}/totp}.</li>
 * </ul>
 */
@RestController
public class AccountController {

  static final Set<String> SECURITY_ADMINS =
      Set.of(RoleGroups.SECURITY_ADMINS, RoleGroups.CAMUNDA_ADMIN);
  static final Set<String> APPS = Set.of("tasklist", "cockpit", "admin", "welcome");
  static final String PENDING = "officeflow.account.pending";
  static final String FORM_TOKEN = "officeflow.account.formToken";
  static final Duration PENDING_FOR = Duration.ofMinutes(5);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final AccountSecurity accounts;
  private final PasswordPolicyCheck passwordPolicy;
  private final ProcessEngine engine;
  private final IdentityService identity;
  private final AuditLog audit;

  public AccountController(
      AccountSecurity accounts,
      PasswordPolicyCheck passwordPolicy,
      ProcessEngine engine,
      AuditLog audit) {
    this.accounts = accounts;
    this.passwordPolicy = passwordPolicy;
    this.engine = engine;
    this.identity = engine.getIdentityService();
    this.audit = audit;
  }

  /** The user whose password was right, waiting for a new password or a TOTP code. */
  record Pending(String userId, String app, LocalDateTime at) implements Serializable {}

  // --- the login page

  @GetMapping(value = "/account/login", produces = MediaType.TEXT_HTML_VALUE)
  public ResponseEntity<String> loginPage(
      @RequestParam(required = false) String app, HttpServletRequest request) {
    request.getSession(true).removeAttribute(PENDING);
    return page(HttpStatus.OK, loginForm(request, app(app), null, null));
  }

  @PostMapping(value = "/account/login", produces = MediaType.TEXT_HTML_VALUE)
  public ResponseEntity<String> login(
      @RequestParam(required = false) String username,
      @RequestParam(required = false) String password,
      @RequestParam(required = false) String app,
      @RequestParam(required = false) String token,
      HttpServletRequest request) {
    String target = app(app);
    if (!validToken(request, token)) {
      return page(HttpStatus.FORBIDDEN, loginForm(request, target, username, "页面已过期，请重新登录"));
    }
    LoginResult result = accounts.authenticate(username, password, request.getRemoteAddr());
    audit(
        request,
        username,
        result.ok() || result.outcome() == Outcome.PASSWORD_EXPIRED,
        result.message());
    if (result.outcome() == Outcome.PASSWORD_EXPIRED) {
      request.getSession().setAttribute(PENDING, new Pending(username, target, EngineClock.now()));
      return page(HttpStatus.OK, passwordForm(request, username, result.message()));
    }
    if (!result.ok()) {
      HttpStatus status = refusal(result);
      return page(status, loginForm(request, target, username, result.message()));
    }
    return afterPassword(request, new Pending(username, target, EngineClock.now()));
  }

  @PostMapping(value = "/account/password", produces = MediaType.TEXT_HTML_VALUE)
  public ResponseEntity<String> changeExpired(
      @RequestParam(required = false) String oldPassword,
      @RequestParam(required = false) String newPassword,
      @RequestParam(required = false) String newPassword2,
      @RequestParam(required = false) String token,
      HttpServletRequest request) {
    Pending pending = pending(request);
    if (pending == null || !validToken(request, token)) {
      return page(HttpStatus.FORBIDDEN, loginForm(request, "tasklist", null, "登录已超时，请重新登录"));
    }
    if (newPassword == null || !newPassword.equals(newPassword2)) {
      return page(
          HttpStatus.BAD_REQUEST,
          passwordForm(request, pending.userId(), "字段 newPassword2：两次输入的新密码不一致"));
    }
    LoginResult result;
    try {
      result =
          accounts.changePassword(
              pending.userId(),
              oldPassword,
              newPassword,
              request.getRemoteAddr(),
              passwordPolicy::check);
    } catch (ValidationException e) {
      return page(HttpStatus.BAD_REQUEST, passwordForm(request, pending.userId(), e.getMessage()));
    }
    if (!result.ok()) {
      HttpStatus status = refusal(result);
      return page(status, passwordForm(request, pending.userId(), "原密码：" + result.message()));
    }
    return afterPassword(request, new Pending(pending.userId(), pending.app(), EngineClock.now()));
  }

  @PostMapping(value = "/account/totp", produces = MediaType.TEXT_HTML_VALUE)
  public ResponseEntity<String> totp(
      @RequestParam(required = false) String code,
      @RequestParam(required = false) String token,
      HttpServletRequest request) {
    Pending pending = pending(request);
    if (pending == null || !validToken(request, token)) {
      return page(HttpStatus.FORBIDDEN, loginForm(request, "tasklist", null, "登录已超时，请重新登录"));
    }
    if (!accounts.verifyTotp(pending.userId(), code, request.getRemoteAddr())) {
      audit(request, pending.userId(), false, "动态口令错误");
      return page(
          HttpStatus.UNAUTHORIZED,
          totpForm(request, pending, "字段 code：动态口令错误或已使用，请输入验证器上当前的 6 位数字"));
    }
    return signIn(request, pending);
  }

  /** The password was right (and is current): administrators go on to TOTP, the others are signed in. */
  private ResponseEntity<String> afterPassword(HttpServletRequest request, Pending pending) {
    if (accounts.isAdministrator(pending.userId())) {
      request.getSession().setAttribute(PENDING, pending);
      return page(HttpStatus.OK, totpForm(request, pending, null));
    }
    return signIn(request, pending);
  }

  private ResponseEntity<String> signIn(HttpServletRequest request, Pending pending) {
    request.getSession().removeAttribute(PENDING);
    if (!WebappSessionAuthentications.login(request, engine, pending.userId(), pending.app())) {
      return page(
          HttpStatus.FORBIDDEN,
          loginForm(request, pending.app(), pending.userId(), "您无权使用该应用（" + pending.app() + "）"));
    }
    audit(request, pending.userId(), true, null);
    return ResponseEntity.status(HttpStatus.SEE_OTHER)
        .header(
            HttpHeaders.LOCATION,
            request.getContextPath() + "/camunda/app/" + pending.app() + "/default/")
        .build();
  }

  private Pending pending(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null || !(session.getAttribute(PENDING) instanceof Pending pending)) {
      return null;
    }
    if (pending.at().plus(PENDING_FOR).isBefore(EngineClock.now())) {
      session.removeAttribute(PENDING);
      return null;
    }
    return pending;
  }

  // --- REST

  public record PasswordChange(String userId, String oldPassword, String newPassword) {}

  @PostMapping("/api/account/password")
  public ResponseEntity<Map<String, Object>> changePassword(
      @RequestBody PasswordChange change, HttpServletRequest request) {
    if (change.userId() == null || change.userId().isBlank()) {
      throw new ValidationException("userId", "请填写用户名");
    }
    if (change.oldPassword() == null || change.oldPassword().isEmpty()) {
      throw new ValidationException("oldPassword", "请填写原密码");
    }
    LoginResult result =
        accounts.changePassword(
            change.userId(),
            change.oldPassword(),
            change.newPassword(),
            request.getRemoteAddr(),
            passwordPolicy::check);
    if (!result.ok()) {
      HttpStatus status = refusal(result);
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("type", result.outcome().name());
      body.put("message", "字段 oldPassword：" + result.message());
      return ResponseEntity.status(status).body(body);
    }
    return ResponseEntity.ok(Map.of("message", "密码已修改"));
  }

  @GetMapping("/api/account/policy")
  public Map<String, Object> policy() {
    var policy = accounts.policy();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("lockoutMaxFailures", policy.lockout().maxFailures());
    body.put("lockoutWindow", policy.lockout().window().toString());
    body.put("lockoutDuration", policy.lockout().duration().toString());
    body.put("throttleMaxFailuresPerName", policy.throttle().maxFailuresPerName());
    body.put("throttleMaxFailures", policy.throttle().maxFailures());
    body.put("throttleBlock", policy.throttle().block().toString());
    body.put("passwordMaxAge", policy.password().maxAge().toString());
    body.put("passwordHistory", policy.password().history());
    body.put("adminGroups", policy.adminGroups());
    body.put("adminBasicAuth", policy.adminBasicAuth());
    return body;
  }

  @GetMapping("/api/account/locks")
  public List<Map<String, Object>> locks() {
    CurrentUser.requireAnyGroup(identity, SECURITY_ADMINS, "查看锁定的账号");
    return accounts.locks().stream()
        .map(
            lock -> {
              Map<String, Object> row = new LinkedHashMap<>();
              row.put("userId", lock.userId());
              row.put("lockedUntil", TIME.format(lock.lockedUntil()));
              return row;
            })
        .toList();
  }

  @PostMapping("/api/account/users/{userId}/unlock")
  public Map<String, Object> unlock(@PathVariable String userId, HttpServletRequest request) {
    String by = requireSecurityAdmin("解锁账号");
    boolean wasLocked = accounts.unlock(userId, by, request.getRemoteAddr());
    return Map.of("userId", userId, "wasLocked", wasLocked, "message", wasLocked ? "已解锁" : "账号未锁定");
  }

  @PostMapping("/api/account/users/{userId}/expire-password")
  public Map<String, Object> expirePassword(
      @PathVariable String userId, HttpServletRequest request) {
    String by = requireSecurityAdmin("要求用户修改密码");
    accounts.expirePassword(userId, by, request.getRemoteAddr());
    return Map.of("userId", userId, "message", "该用户下次登录须修改密码");
  }

  @DeleteMapping("/api/account/users/{userId}/totp")
  public Map<String, Object> resetTotp(@PathVariable String userId, HttpServletRequest request) {
    String by = requireSecurityAdmin("重置动态口令");
    boolean had = accounts.resetTotp(userId, by, request.getRemoteAddr());
    return Map.of("userId", userId, "message", had ? "已重置，下次登录重新绑定" : "该用户未绑定动态口令");
  }

  private String requireSecurityAdmin(String action) {
    CurrentUser.requireAnyGroup(identity, SECURITY_ADMINS, action);
    return CurrentUser.id(identity).orElseThrow();
  }

  // --- pages

  private String loginForm(HttpServletRequest request, String app, String username, String error) {
    return layout(
        "登录",
        error,
        "<form method=\"post\" action=\""
            + request.getContextPath()
            + "/account/login\">"
            + hidden("token", token(request))
            + hidden("app", app)
            + "<label>用户名<input name=\"username\" autocomplete=\"username\" autofocus value=\""
            + esc(username)
            + "\"></label>"
            + "<label>密码<input name=\"password\" type=\"password\" autocomplete=\"current-password\"></label>"
            + "<button type=\"submit\">登录</button></form>"
            + "<p class=\"hint\">连续 "
            + accounts.policy().lockout().maxFailures()
            + " 次密码错误，账号锁定 "
            + accounts.policy().lockout().duration().toMinutes()
            + " 分钟；管理员登录后还需输入动态口令。</p>");
  }

  private String passwordForm(HttpServletRequest request, String username, String message) {
    return layout(
        "修改密码",
        message,
        "<p>账号：<b id=\"account\">"
            + esc(username)
            + "</b></p><form method=\"post\" action=\""
            + request.getContextPath()
            + "/account/password\">"
            + hidden("token", token(request))
            + "<label>原密码<input name=\"oldPassword\" type=\"password\" autocomplete=\"current-password\" autofocus></label>"
            + "<label>新密码<input name=\"newPassword\" type=\"password\" autocomplete=\"new-password\"></label>"
            + "<label>再次输入新密码<input name=\"newPassword2\" type=\"password\" autocomplete=\"new-password\"></label>"
            + "<button type=\"submit\">修改密码并登录</button></form>"
            + "<p class=\"hint\">新密码至少 10 个字符，含大小写字母、数字和特殊字符，且不能与最近 "
            + accounts.policy().password().history()
            + " 次用过的密码相同。</p>");
  }

  private String totpForm(HttpServletRequest request, Pending pending, String error) {
    StringBuilder body = new StringBuilder();
    body.append("<p>账号：<b id=\"account\">").append(esc(pending.userId())).append("</b></p>");
    if (!accounts.totpEnrolled(pending.userId())) {
      String secret = accounts.enrolmentSecret(pending.userId());
      String uri = accounts.enrolmentUri(pending.userId(), secret);
      body.append("<h2>绑定动态口令</h2><p>管理员账号须使用动态口令（TOTP）。请用手机上的验证器应用（如 Microsoft")
          .append(
              " Authenticator、Google Authenticator、FreeOTP）扫描下方二维码，或手动输入密钥，然后输入应用显示的 6 位数字。</p>")
          .append("<div class=\"qr\">")
          .append(accounts.qrCode(uri))
          .append("</div><p>密钥：<code id=\"totp-secret\">")
          .append(esc(secret))
          .append("</code></p>");
    } else {
      body.append("<p>请输入验证器应用上显示的 6 位动态口令。</p>");
    }
    body.append("<form method=\"post\" action=\"")
        .append(request.getContextPath())
        .append("/account/totp\">")
        .append(hidden("token", token(request)))
        .append(
            "<label>动态口令<input name=\"code\" inputmode=\"numeric\" autocomplete=\"one-time-code\""
                + " maxlength=\"6\" autofocus></label><button type=\"submit\">验证并登录</button></form>");
    return layout("动态口令", error, body.toString());
  }

  private static String layout(String title, String message, String body) {
    return "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"UTF-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>"
        + title
        + " · OfficeFlow</title><style>body{font-family:sans-serif;max-width:28rem;margin:3rem auto;padding:0 1rem}"
        + "label{display:block;margin:.8rem 0}input{display:block;width:100%;padding:.4rem;font-size:1rem}"
        + "button{margin-top:1rem;padding:.5rem 1.5rem;font-size:1rem}.error{color:#a00;border:1px solid #a00;"
        + "padding:.6rem}.hint{color:#555;font-size:.9rem}</style></head><body><h1>"
        + title
        + "</h1>"
        + (message == null ? "" : "<p class=\"error\" role=\"alert\">" + esc(message) + "</p>")
        + body
        + "</body></html>";
  }

  private static String hidden(String name, String value) {
    return "<input type=\"hidden\" name=\"" + name + "\" value=\"" + esc(value) + "\">";
  }

  private static String esc(String value) {
    return value == null ? "" : HtmlUtils.htmlEscape(value, "UTF-8");
  }

  private static ResponseEntity<String> page(HttpStatus status, String html) {
    return ResponseEntity.status(status)
        .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .body(html);
  }

  /** 429 for a throttled address, else 401. */
  private static HttpStatus refusal(LoginResult result) {
    return result.outcome() == Outcome.THROTTLED
        ? HttpStatus.TOO_MANY_REQUESTS
        : HttpStatus.UNAUTHORIZED;
  }

  private static String app(String app) {
    return app != null && APPS.contains(app) ? app : "tasklist";
  }

  private static String token(HttpServletRequest request) {
    HttpSession session = request.getSession(true);
    if (session.getAttribute(FORM_TOKEN) instanceof String token) {
      return token;
    }
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    String token = HexFormat.of().formatHex(bytes);
    session.setAttribute(FORM_TOKEN, token);
    return token;
  }

  private static boolean validToken(HttpServletRequest request, String token) {
    HttpSession session = request.getSession(false);
    return session != null
        && token != null
        && session.getAttribute(FORM_TOKEN) instanceof String expected
        && MessageDigest.isEqual(expected.getBytes(), token.getBytes());
  }

  private void audit(HttpServletRequest request, String user, boolean ok, String detail) {
    try {
      audit.record(
          AuditEventType.LOGIN,
          "登录页登录",
          user,
          request.getRemoteAddr(),
          "/account/login",
          ok ? AuditEvent.SUCCESS : AuditEvent.FAILURE,
          detail);
    } catch (RuntimeException e) {
      org.slf4j.LoggerFactory.getLogger(AccountController.class).error("审计日志写入失败", e);
    }
  }
}
