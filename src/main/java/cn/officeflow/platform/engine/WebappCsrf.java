package cn.officeflow.platform.engine;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The CSRF token of the Camunda webapps' session. Camunda's CsrfPreventionFilter keeps it in the session
 * (attribute {@code CAMUNDA_CSRF_TOKEN}) and hands it to the pages as the {@code XSRF-TOKEN} cookie; the
 * webapps send it back in the {@code X-XSRF-TOKEN} header. /api calls that are authenticated by the
 * webapp session (not by HTTP Basic) and change something check it here, like the webapps' own API does.
 */
public final class WebappCsrf {

  public static final String HEADER = "X-XSRF-TOKEN";
  static final String SESSION_ATTRIBUTE = "CAMUNDA_CSRF_TOKEN";

  private WebappCsrf() {}

  /** True when the request carries the session's token in {@value #HEADER}. */
  public static boolean hasValidToken(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    String header = request.getHeader(HEADER);
    if (session == null || header == null || header.isBlank()) {
      return false;
    }
    Object expected = session.getAttribute(SESSION_ATTRIBUTE);
    return expected instanceof String token
        && MessageDigest.isEqual(
            token.getBytes(StandardCharsets.UTF_8),
            header.strip().getBytes(StandardCharsets.UTF_8));
  }
}
