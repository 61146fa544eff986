package cn.officeflow.platform.audit;

import cn.officeflow.platform.engine.WebappSessionAuthentications;
import cn.officeflow.platform.security.ApiAuthenticationFilter;
import cn.officeflow.platform.security.WebappLoginFilter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingRequestWrapper;

/**
 * Writes the access audit log's records of requests (outermost but for the error body, so it sees the final
 * status):
 * <ul>
 *   <li>webapp logins ({@code POST /camunda/api/admin/auth/user/{engine}/login/{app}}): success (200) or
 *       failure, with the user name tried and the source address;</li>
 *   <li>HTTP Basic on /engine-rest and /api ({@link ApiAuthenticationFilter} says how it went): every failure;
 *       a success once per user and address per {@code officeflow.audit.basic-login-interval} (30 minutes),
 *       since a Basic client authenticates every request;</li>
 *   <li>on /api, by an authenticated user: a CSV answer is an {@link AuditEventType#EXPORT}; a file download
 *       (Content-Disposition), an HTML page (处理笺) or a GET of one business record (its id in the path) is a
 *       {@link AuditEventType#READ} — refused reads too (403 DENIED, 404 FAILURE).</li>
 * </ul>
 * A failure to write the log is logged and does not change the answer.
 */
public class AccessAuditFilter extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(AccessAuditFilter.class);

  static final Pattern WEBAPP_LOGIN =
      Pattern.compile("^/camunda/api/admin/auth/user/[^/]+/login/([^/]+)$");

  static final Pattern WEBAPP_LOGOUT =
      Pattern.compile("^/camunda/api/admin/auth/user/([^/]+)/logout$");

  /**
   * Reads of a case's data through Camunda's engine API (Cockpit's variables and history tabs, /engine-rest): the
   * webapp's path carries the engine name. Counts are not reads of data and are left out.
   */
  static final Pattern ENGINE_READ =
      Pattern.compile(
          "^(?:/camunda/api/engine/engine/([^/]+)|/engine-rest)/(process-instance/[^/]+/variables(?:/[^/]+)?"
              + "|variable-instance|history/variable-instance|history/detail"
              + "|history/process-instance/[^/]+|history/activity-instance|history/task)$");

  /** Paths of one business record (or something of it) on /api: a collection followed by an id. */
  private static final Pattern RECORD =
      Pattern.compile(
          "^/api/(outgoing-documents|incoming-documents|emergencies/drills|emergencies|crises"
              + "|reimbursements|procurement/purchases|supplies/requisitions|supplies/disposals"
              + "|supplies/assets|archive/entries|audit/process-instances|emergency-risks)/([^/]+)(/.*)?$");

  private static final Pattern TASK_RECORD = Pattern.compile("^/api/tasks/[^/]+/(record|trail)$");

  /** Second path segments that are lists or reports, not a record's id. */
  private static final Set<String> NOT_AN_ID =
      Set.of("duplicates", "register", "ledger", "figures", "monthly", "drills", "verify", "head");

  private final AuditLog log;
  private final Duration basicLoginInterval;
  private final Map<String, Instant> lastBasicLogin = new ConcurrentHashMap<>();

  public AccessAuditFilter(AuditLog log, Duration basicLoginInterval) {
    this.log = log;
    this.basicLoginInterval = basicLoginInterval;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = path(request);
    var login = WEBAPP_LOGIN.matcher(path);
    if ("POST".equals(request.getMethod()) && login.matches()) {
      ContentCachingRequestWrapper cached = new ContentCachingRequestWrapper(request);
      chain.doFilter(cached, response);
      String user = formValue(cached, "username");
      boolean ok = response.getStatus() == HttpServletResponse.SC_OK;
      write(
          AuditEventType.LOGIN,
          "webapp 登录（" + login.group(1) + "）",
          user,
          request,
          path,
          ok ? AuditEvent.SUCCESS : AuditEvent.FAILURE,
          ok
              ? null
              : "HTTP "
                  + response.getStatus()
                  + "："
                  + refusal(request, WebappLoginFilter.REFUSAL_ATTRIBUTE));
      return;
    }
    var logout = WEBAPP_LOGOUT.matcher(path);
    if ("POST".equals(request.getMethod()) && logout.matches()) {
      // who it was: the session ends with the request
      String user = WebappSessionAuthentications.userId(request, logout.group(1)).orElse(null);
      chain.doFilter(request, response);
      if (user != null) {
        write(
            AuditEventType.LOGIN,
            "webapp 退出登录",
            user,
            request,
            path,
            response.getStatus() < 300 ? AuditEvent.SUCCESS : AuditEvent.FAILURE,
            null);
      }
      return;
    }
    chain.doFilter(request, response);
    basicLogin(request, path);
    var engineRead = ENGINE_READ.matcher(path);
    if (("GET".equals(request.getMethod()) || "POST".equals(request.getMethod()))
        && engineRead.matches()) {
      Object user =
          engineRead.group(1) == null
              ? request.getAttribute(ApiAuthenticationFilter.USER_ATTRIBUTE)
              : WebappSessionAuthentications.userId(request, engineRead.group(1)).orElse(null);
      if (user instanceof String id) {
        engineRead(request, response, path, id, engineRead.group(2));
      }
      return;
    }
    if (path.startsWith("/api/")
        && "GET".equals(request.getMethod())
        && request.getAttribute(ApiAuthenticationFilter.USER_ATTRIBUTE) instanceof String user) {
      access(request, response, path, user);
    }
  }

  private void basicLogin(HttpServletRequest request, String path) {
    Object attempt = request.getAttribute(ApiAuthenticationFilter.BASIC_USER_ATTRIBUTE);
    if (!(attempt instanceof String user)) {
      return;
    }
    boolean ok =
        Boolean.TRUE.equals(request.getAttribute(ApiAuthenticationFilter.BASIC_OK_ATTRIBUTE));
    if (ok) {
      Instant now = Instant.now();
      String key = user + "|" + request.getRemoteAddr();
      Instant last = lastBasicLogin.get(key);
      if (last != null && last.plus(basicLoginInterval).isAfter(now)) {
        return;
      }
      lastBasicLogin.put(key, now);
    }
    write(
        AuditEventType.LOGIN,
        "HTTP Basic 认证",
        user,
        request,
        path,
        ok ? AuditEvent.SUCCESS : AuditEvent.FAILURE,
        ok ? null : refusal(request, ApiAuthenticationFilter.BASIC_REFUSAL_ATTRIBUTE));
  }

  /** Why the login was refused, as the login said it (else: wrong user name or password). */
  private static String refusal(HttpServletRequest request, String attribute) {
    return request.getAttribute(attribute) instanceof String reason ? reason : "用户名或密码错误";
  }

  private void access(
      HttpServletRequest request, HttpServletResponse response, String path, String user) {
    String contentType = response.getContentType() == null ? "" : response.getContentType();
    String target = request.getQueryString() == null ? path : path + "?" + request.getQueryString();
    int status = response.getStatus();
    String result =
        status < 300
            ? AuditEvent.SUCCESS
            : status == HttpServletResponse.SC_FORBIDDEN ? AuditEvent.DENIED : AuditEvent.FAILURE;
    String detail = status < 300 ? null : "HTTP " + status;
    if (contentType.startsWith("text/csv")) {
      write(AuditEventType.EXPORT, "导出 CSV", user, request, target, result, detail);
    } else if (status < 300 && response.getHeader(HttpHeaders.CONTENT_DISPOSITION) != null) {
      write(AuditEventType.READ, "下载文件", user, request, target, result, detail);
    } else if (status < 300 && contentType.startsWith("text/html")) {
      write(AuditEventType.READ, "查看页面", user, request, target, result, detail);
    } else if (isRecord(path)) {
      write(AuditEventType.READ, "查看记录", user, request, target, result, detail);
    }
  }

  private void engineRead(
      HttpServletRequest request,
      HttpServletResponse response,
      String path,
      String user,
      String resource) {
    int status = response.getStatus();
    String target = request.getQueryString() == null ? path : path + "?" + request.getQueryString();
    write(
        AuditEventType.READ,
        resource.contains("variable") || resource.equals("history/detail") ? "查看流程变量" : "查看流程历史",
        user,
        request,
        target,
        status < 300
            ? AuditEvent.SUCCESS
            : status == HttpServletResponse.SC_FORBIDDEN ? AuditEvent.DENIED : AuditEvent.FAILURE,
        status < 300 ? null : "HTTP " + status);
  }

  static boolean isRecord(String path) {
    var record = RECORD.matcher(path);
    if (record.matches()) {
      return !NOT_AN_ID.contains(record.group(2)) && !record.group(2).endsWith(".csv");
    }
    return TASK_RECORD.matcher(path).matches();
  }

  private void write(
      AuditEventType type,
      String action,
      String user,
      HttpServletRequest request,
      String target,
      String result,
      String detail) {
    try {
      log.record(type, action, user, request.getRemoteAddr(), target, result, detail);
    } catch (RuntimeException e) {
      LOG.error("审计日志写入失败：{} {} {} {}", type, action, user, target, e);
    }
  }

  private static String formValue(ContentCachingRequestWrapper request, String name) {
    String body = new String(request.getContentAsByteArray(), StandardCharsets.UTF_8);
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && name.equals(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8))) {
        return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      }
    }
    return request.getParameter(name);
  }

  private static String path(HttpServletRequest request) {
    // the decoded, normalised path
    return request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
  }
}
