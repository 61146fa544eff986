package cn.officeflow.platform.security;

import cn.officeflow.platform.engine.EngineClock;
import cn.officeflow.platform.engine.IdentityChanges;
import cn.officeflow.platform.engine.WebappCsrf;
import cn.officeflow.platform.engine.WebappSessionAuthentications;
import cn.officeflow.platform.org.RoleGroups;
import cn.officeflow.platform.security.account.AccountSecurity;
import cn.officeflow.platform.security.account.AccountSecurity.LoginResult;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates /engine-rest/* and /api/*: HTTP Basic against Camunda's identity service, or the
 * session of a user logged in to the webapps. The user and their groups become the engine's current
 * authentication for the request, so Camunda's authorization checks apply to everything the request
 * does. Anonymous requests get 401 with a JSON body, whatever the method (an anonymous OPTIONS would
 * otherwise reach Jersey). A state-changing request authenticated by the session must carry the webapps'
 * CSRF token ({@code X-XSRF-TOKEN}), else 403. Auditors are read-only: a state-changing /api request by a
 * member of {@code auditors} (not also {@code camunda-admin}) is 403 before any controller runs; on
 * /engine-rest the engine's authorizations decide, since Cockpit queries with POST. Members of {@code
 * process-designers} who are not also {@code staff} get 403 on every /api request (business data).
 */
public class ApiAuthenticationFilter extends OncePerRequestFilter {

  /**
   * Request attributes for the access audit (platform.audit): the authenticated user, and the user name of an
   * HTTP Basic attempt with whether its password was right.
   */
  public static final String USER_ATTRIBUTE = "officeflow.authenticatedUser";

  public static final String BASIC_USER_ATTRIBUTE = "officeflow.basicUser";
  public static final String BASIC_OK_ATTRIBUTE = "officeflow.basicOk";

  /** Why an HTTP Basic attempt was refused (Chinese), for the access audit. */
  public static final String BASIC_REFUSAL_ATTRIBUTE = "officeflow.basicRefusal";

  /** Changing one's password authenticates with the old password in the body (it may have expired). */
  public static final String PASSWORD_CHANGE = "/api/account/password";

  static final String ADMIN_BASIC_REFUSED =
      "管理员账号不能使用 HTTP Basic 认证（officeflow.security.admin-basic-auth=false）：请登录 webapp（密码 + 动态口令）";

  /** The OpenAPI description of /api (springdoc), readable by every authenticated user but integrations. */
  public static final String API_DESCRIPTION = "/api/openapi";

  private final ProcessEngine processEngine;
  private final AccountSecurity accounts;
  private final IdentityChanges identityChanges;

  /** A user's groups and tenants as last read, with the identity version and the time they were read at. */
  private record Memberships(
      List<String> groups, List<String> tenants, long version, LocalDateTime until) {}

  private final Map<String, Memberships> memberships = new ConcurrentHashMap<>();

  public ApiAuthenticationFilter(
      ProcessEngine processEngine, AccountSecurity accounts, IdentityChanges identityChanges) {
    this.processEngine = processEngine;
    this.accounts = accounts;
    this.identityChanges = identityChanges;
  }

  /**
   * The user's groups and tenants. Every request needs them, so they are remembered on this node for as long
   * as a Basic login is ({@code officeflow.security.accounts.basic-cache}, 1 minute), and read again at once
   * after a membership changes through this node ({@link IdentityChanges}); a change made on another node
   * applies here when the remembered value expires. (The webapps keep them for the whole session, refreshed
   * every 5 minutes by Camunda.)
   */
  private Memberships memberships(String userId) {
    long version = identityChanges.version();
    LocalDateTime now = EngineClock.now();
    Memberships known = memberships.get(userId);
    if (known != null && known.version() == version && known.until().isAfter(now)) {
      return known;
    }
    IdentityService identity = processEngine.getIdentityService();
    List<String> groups =
        identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
    List<String> tenants =
        identity.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list().stream()
            .map(Tenant::getId)
            .toList();
    Memberships read =
        new Memberships(groups, tenants, version, now.plus(accounts.policy().basicCache()));
    if (memberships.size() > 10_000) {
      memberships.clear();
    }
    memberships.put(userId, read);
    return read;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if ("POST".equals(request.getMethod()) && PASSWORD_CHANGE.equals(path(request))) {
      // authenticated by the old password in the body, through the same lockout (AccountController)
      chain.doFilter(request, response);
      return;
    }
    Optional<String[]> credentials = basicCredentials(request);
    Optional<String> basic = Optional.empty();
    if (credentials.isPresent()) {
      String user = credentials.get()[0];
      LoginResult result =
          accounts.authenticateBasic(user, credentials.get()[1], request.getRemoteAddr());
      request.setAttribute(BASIC_USER_ATTRIBUTE, user);
      request.setAttribute(BASIC_OK_ATTRIBUTE, result.ok());
      if (!result.ok()) {
        request.setAttribute(BASIC_REFUSAL_ATTRIBUTE, result.message());
        refuse(response, result);
        return;
      }
      basic = Optional.of(user);
    }
    Optional<String> userId =
        basic.or(() -> WebappSessionAuthentications.userId(request, processEngine.getName()));
    if (userId.isEmpty()) {
      unauthorized(response, "需要登录：请使用 HTTP Basic 认证或先登录 Tasklist");
      return;
    }
    if (basic.isEmpty() && changesState(request) && !WebappCsrf.hasValidToken(request)) {
      // authenticated by the webapp session: the page must prove it is ours, as for the webapps'
      // own API
      forbidden(response, "缺少或无效的 " + WebappCsrf.HEADER + " 请求头（CSRF 校验失败）");
      return;
    }
    IdentityService identity = processEngine.getIdentityService();
    Memberships member = memberships(userId.get());
    List<String> groups = member.groups();
    if (basic.isPresent()
        && !accounts.policy().adminBasicAuth()
        && groups.stream().anyMatch(accounts.policy().adminGroups()::contains)) {
      // administrators sign in to the webapps with TOTP; Basic only where automation needs it
      request.setAttribute(BASIC_OK_ATTRIBUTE, false);
      request.setAttribute(BASIC_REFUSAL_ATTRIBUTE, ADMIN_BASIC_REFUSED);
      forbidden(response, ADMIN_BASIC_REFUSED);
      return;
    }
    if (changesState(request)
        && isProjectApi(request)
        && (groups.contains(RoleGroups.AUDITORS) || groups.contains(RoleGroups.AUDIT_ADMINS))
        && !groups.contains(RoleGroups.CAMUNDA_ADMIN)) {
      forbidden(response, "审计人员为只读角色，不能修改任何数据");
      return;
    }
    if (isProjectApi(request)
        && !request.getRequestURI().startsWith(request.getContextPath() + API_DESCRIPTION)
        && groups.contains(RoleGroups.PROCESS_DESIGNERS)
        && !groups.contains(RoleGroups.STAFF)
        && !groups.contains(RoleGroups.CAMUNDA_ADMIN)) {
      // 流程设计 deploys and reads models; /api is business data (records, files, registers)
      forbidden(response, "流程设计人员只能部署和查看流程模型，不能访问业务数据");
      return;
    }
    if (groups.contains(RoleGroups.INTEGRATIONS)
        && !groups.contains(RoleGroups.CAMUNDA_ADMIN)
        && !isMessageCorrelation(request)) {
      // other systems report events and read nothing: the engine guard limits the messages too
      forbidden(response, "系统对接账号只能调用 POST /engine-rest/message 上报约定的消息");
      return;
    }
    identity.setAuthentication(userId.get(), groups, member.tenants());
    request.setAttribute(USER_ATTRIBUTE, userId.get());
    try {
      chain.doFilter(request, response);
    } finally {
      identity.clearAuthentication();
    }
  }

  /** User name and password of an HTTP Basic header, if there is a well-formed one. */
  private static Optional<String[]> basicCredentials(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return Optional.empty();
    }
    String decoded;
    try {
      decoded =
          new String(
              Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    int colon = decoded.indexOf(':');
    if (colon <= 0) {
      return Optional.empty();
    }
    return Optional.of(new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)});
  }

  /** 401 for a wrong password or a locked account, 403 for an expired password, 429 for a throttled address. */
  private static void refuse(HttpServletResponse response, LoginResult result) throws IOException {
    switch (result.outcome()) {
      case THROTTLED -> {
        response.setStatus(429);
        response.setHeader(
            "Retry-After", Long.toString(Math.max(1, result.retryAfter().toSeconds())));
        response.setContentType("application/json;charset=UTF-8");
        response
            .getWriter()
            .write("{\"type\":\"LoginThrottled\",\"message\":\"" + result.message() + "\"}");
      }
      case PASSWORD_EXPIRED ->
          forbidden(
              response,
              "PasswordExpired",
              result.message() + "（POST " + PASSWORD_CHANGE + "，或在登录页 /account/login 修改）");
      case LOCKED -> unauthorized(response, "AccountLocked", result.message());
      default -> unauthorized(response, "AuthenticationException", result.message());
    }
  }

  private static boolean changesState(HttpServletRequest request) {
    String method = request.getMethod();
    return !("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method));
  }

  private static boolean isMessageCorrelation(HttpServletRequest request) {
    return "POST".equals(request.getMethod()) && "/engine-rest/message".equals(path(request));
  }

  private static String path(HttpServletRequest request) {
    // the decoded, normalised path (the raw URI could be /engine-rest/../api/...)
    return request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
  }

  private static boolean isProjectApi(HttpServletRequest request) {
    return path(request).startsWith("/api/");
  }

  private static void forbidden(HttpServletResponse response, String message) throws IOException {
    forbidden(response, "AuthorizationException", message);
  }

  private static void forbidden(HttpServletResponse response, String type, String message)
      throws IOException {
    response.setStatus(HttpServletResponse.SC_FORBIDDEN);
    response.setContentType("application/json;charset=UTF-8");
    response.getWriter().write("{\"type\":\"" + type + "\",\"message\":\"" + message + "\"}");
  }

  private static void unauthorized(HttpServletResponse response, String message)
      throws IOException {
    unauthorized(response, "AuthenticationException", message);
  }

  private static void unauthorized(HttpServletResponse response, String type, String message)
      throws IOException {
    response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
    response.setHeader("WWW-Authenticate", "Basic realm=\"OfficeFlow\", charset=\"UTF-8\"");
    response.setContentType("application/json;charset=UTF-8");
    response.getWriter().write("{\"type\":\"" + type + "\",\"message\":\"" + message + "\"}");
  }
}
