package cn.officeflow.platform.security;

import cn.officeflow.platform.engine.WebappCsrf;
import cn.officeflow.platform.engine.WebappSessionAuthentications;
import cn.officeflow.platform.org.RoleGroups;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
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

  /** The OpenAPI description of /api (springdoc), readable by every authenticated user but integrations. */
  public static final String API_DESCRIPTION = "/api/openapi";

  private final ProcessEngine processEngine;

  public ApiAuthenticationFilter(ProcessEngine processEngine) {
    this.processEngine = processEngine;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Optional<String> basic = basicUser(request);
    Optional<String> userId =
        basic.or(() -> WebappSessionAuthentications.userId(request, processEngine.getName()));
    if (userId.isEmpty()) {
      unauthorized(response);
      return;
    }
    if (basic.isEmpty() && changesState(request) && !WebappCsrf.hasValidToken(request)) {
      // authenticated by the webapp session: the page must prove it is ours, as for the webapps'
      // own API
      forbidden(response, "缺少或无效的 " + WebappCsrf.HEADER + " 请求头（CSRF 校验失败）");
      return;
    }
    IdentityService identity = processEngine.getIdentityService();
    List<String> groups =
        identity.createGroupQuery().groupMember(userId.get()).list().stream()
            .map(Group::getId)
            .toList();
    if (changesState(request)
        && isProjectApi(request)
        && groups.contains(RoleGroups.AUDITORS)
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
    List<String> tenants =
        identity
            .createTenantQuery()
            .userMember(userId.get())
            .includingGroupsOfUser(true)
            .list()
            .stream()
            .map(Tenant::getId)
            .toList();
    identity.setAuthentication(userId.get(), groups, tenants);
    request.setAttribute(USER_ATTRIBUTE, userId.get());
    try {
      chain.doFilter(request, response);
    } finally {
      identity.clearAuthentication();
    }
  }

  private Optional<String> basicUser(HttpServletRequest request) {
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
    String user = decoded.substring(0, colon);
    String password = decoded.substring(colon + 1);
    boolean ok = processEngine.getIdentityService().checkPassword(user, password);
    request.setAttribute(BASIC_USER_ATTRIBUTE, user);
    request.setAttribute(BASIC_OK_ATTRIBUTE, ok);
    return ok ? Optional.of(user) : Optional.empty();
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
    response.setStatus(HttpServletResponse.SC_FORBIDDEN);
    response.setContentType("application/json;charset=UTF-8");
    response
        .getWriter()
        .write("{\"type\":\"AuthorizationException\",\"message\":\"" + message + "\"}");
  }

  private static void unauthorized(HttpServletResponse response) throws IOException {
    response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
    response.setHeader("WWW-Authenticate", "Basic realm=\"OfficeFlow\", charset=\"UTF-8\"");
    response.setContentType("application/json;charset=UTF-8");
    response
        .getWriter()
        .write(
            "{\"type\":\"AuthenticationException\",\"message\":\"需要登录：请使用 HTTP Basic 认证或先登录 Tasklist\"}");
  }
}
