package cn.officeflow.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * For a servlet filter that changes what the rest of the chain answers (Camunda's REST API, say): the answer is
 * held back, and when it is 200 its body is replaced by what {@link Rewrite} makes of it.
 */
public final class OkResponseRewrite {

  private OkResponseRewrite() {}

  /** The new body, or null to keep the answer as it is. */
  @FunctionalInterface
  public interface Rewrite {
    byte[] apply(byte[] body) throws IOException;
  }

  /** Runs the chain; a 200 answer's body goes through {@code rewrite}, any other answer is passed on. */
  public static void filter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain, Rewrite rewrite)
      throws ServletException, IOException {
    ContentCachingResponseWrapper held = new ContentCachingResponseWrapper(response);
    chain.doFilter(request, held);
    if (held.getStatus() == HttpServletResponse.SC_OK) {
      byte[] changed = rewrite.apply(held.getContentAsByteArray());
      if (changed != null) {
        held.resetBuffer();
        held.getOutputStream().write(changed);
      }
    }
    held.copyBodyToResponse();
  }
}
