package cn.officeflow.platform.engine;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;

/**
 * The one place that reads the Camunda webapps' login session (an internal webapp class), so that
 * /api calls made from Tasklist or Cockpit pages are accepted without a second login.
 */
public final class WebappSessionAuthentications {

  private WebappSessionAuthentications() {}

  /** The user logged in to the webapps for the given engine, if any. */
  public static Optional<String> userId(HttpServletRequest request, String engineName) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return Optional.empty();
    }
    Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
    if (authentications == null) {
      return Optional.empty();
    }
    Authentication authentication = authentications.getAuthenticationForProcessEngine(engineName);
    return Optional.ofNullable(authentication).map(Authentication::getIdentityId);
  }
}
