package cn.officeflow.platform.web;

import cn.officeflow.platform.engine.CurrentUser;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts the authenticated user of an /api or /engine-rest request into the log's MDC ({@value #USER}), after
 * authentication, so that every line a request writes names who made it (structured logs carry it as a field).
 */
public class LogContextFilter extends OncePerRequestFilter {

  public static final String USER = "userId";

  private final IdentityService identity;

  public LogContextFilter(IdentityService identity) {
    this.identity = identity;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Optional<String> user = CurrentUser.id(identity);
    if (user.isEmpty()) {
      chain.doFilter(request, response);
      return;
    }
    MDC.put(USER, user.get());
    try {
      chain.doFilter(request, response);
    } finally {
      MDC.remove(USER);
    }
  }
}
