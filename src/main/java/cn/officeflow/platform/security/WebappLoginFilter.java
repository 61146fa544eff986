package cn.officeflow.platform.security;

import cn.officeflow.platform.security.account.AccountSecurity;
import cn.officeflow.platform.security.account.AccountSecurity.LoginResult;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The webapps' login ({@code POST /camunda/api/admin/auth/user/{engine}/login/{app}}, Camunda's login form)
 * through the application's account rules ({@link AccountSecurity}) before Camunda signs the user in: a wrong
 * password, a locked account, a throttled address or an expired password is answered here with a Chinese
 * message, which the login form shows as it is; administrators are sent to the application's own login page
 * ({@code /account/login}), which asks for their TOTP code after the password.
 */
public class WebappLoginFilter extends OncePerRequestFilter {

  /** Why the login was refused (Chinese), for the access audit. */
  public static final String REFUSAL_ATTRIBUTE = "officeflow.loginRefusal";

  static final Pattern LOGIN =
      Pattern.compile("^/camunda/api/admin/auth/user/[^/]+/login/([^/]+)$");

  private final AccountSecurity accounts;

  public WebappLoginFilter(AccountSecurity accounts) {
    this.accounts = accounts;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod()) || !LOGIN.matcher(path(request)).matches();
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Matcher login = LOGIN.matcher(path(request));
    String app = login.matches() ? login.group(1) : "tasklist";
    String user = request.getParameter("username");
    LoginResult result =
        accounts.authenticate(user, request.getParameter("password"), request.getRemoteAddr());
    if (!result.ok()) {
      String message = result.message();
      if (result.outcome() == AccountSecurity.Outcome.PASSWORD_EXPIRED) {
        message += "：请打开 /account/login?app=" + app + " 修改密码";
      }
      request.setAttribute(REFUSAL_ATTRIBUTE, message);
      int status =
          switch (result.outcome()) {
            case THROTTLED -> 429;
            case PASSWORD_EXPIRED -> HttpServletResponse.SC_FORBIDDEN;
            default -> HttpServletResponse.SC_UNAUTHORIZED;
          };
      if (result.retryAfter() != null) {
        response.setHeader(
            "Retry-After", Long.toString(Math.max(1, result.retryAfter().toSeconds())));
      }
      write(response, status, result.outcome().name(), message);
      return;
    }
    if (accounts.isAdministrator(user)) {
      String message = "管理员账号须使用动态口令登录：请打开 /account/login?app=" + app;
      request.setAttribute(REFUSAL_ATTRIBUTE, message);
      write(response, HttpServletResponse.SC_FORBIDDEN, "TotpRequired", message);
      return;
    }
    chain.doFilter(request, response);
  }

  private static void write(HttpServletResponse response, int status, String type, String message)
      throws IOException {
    response.setStatus(status);
    response.setContentType("application/json;charset=UTF-8");
    response
        .getWriter()
        .write("{\"type\":\"" + type + "\",\"message\":\"" + message.replace("\"", "'") + "\"}");
  }

  private static String path(HttpServletRequest request) {
    return request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
  }
}
