package cn.officeflow.platform.engine;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;

/**
 * The one place that reads and writes the Camunda webapps' login session (internal webapp classes): /api
 * calls made from Tasklist or Cockpit pages are accepted without a second login, and the application's own
 * login page (passwords that must be changed, administrators' TOTP) signs a user in to the webapps the way
 * Camunda's login does.
 */
public final class WebappSessionAuthentications {

  private WebappSessionAuthentications() {}

  /** The user logged in to the webapps for the given engine, if any. */
  public static Optional<String> userId(HttpServletRequest request, String engineName) {
    return sessionAuthentication(request, engineName).map(Authentication::getIdentityId);
  }

  private static Optional<Authentication> sessionAuthentication(
      HttpServletRequest request, String engineName) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return Optional.empty();
    }
    Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
    return authentications == null
        ? Optional.empty()
        : Optional.ofNullable(authentications.getAuthenticationForProcessEngine(engineName));
  }

  /**
   * The webapps' user for the given engine as the engine authorizes them: id, groups and tenants as the
   * webapps hold them for the session (refreshed by Camunda's own authentication cache).
   */
  public static Optional<EngineUser> authentication(HttpServletRequest request, String engineName) {
    return sessionAuthentication(request, engineName)
        .filter(UserAuthentication.class::isInstance)
        .map(UserAuthentication.class::cast)
        .map(user -> new EngineUser(user.getIdentityId(), user.getGroupIds(), user.getTenantIds()));
  }

  /**
   * Signs {@code userId} in to the webapps of {@code engine} in this request's session (a new session id, as
   * Camunda's login does); false — and nothing signed in — when the user may not use {@code app}.
   */
  public static boolean login(
      HttpServletRequest request, ProcessEngine engine, String userId, String app) {
    UserAuthentication authentication = AuthenticationUtil.createAuthentication(engine, userId);
    if (authentication == null || !authentication.getAuthorizedApps().contains(app)) {
      return false;
    }
    request.getSession(true);
    AuthenticationUtil.revalidateSession(request, authentication);
    return true;
  }
}
