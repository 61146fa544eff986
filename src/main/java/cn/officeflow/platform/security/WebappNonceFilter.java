package cn.officeflow.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Keeps the nonce of a webapp page (Tasklist, Cockpit, Admin) the same in its Content-Security-Policy header and
 * in its {@code <script nonce>} attributes.
 *
 * <p>Camunda 7.24 keeps the nonce of the response being written in one place for the whole web application, so two
 * page loads at the same moment (two clerks opening Tasklist, a reload while another request is served) can send a
 * page whose scripts carry the other response's nonce: the browser then blocks every script and the webapp stays
 * on its loading spinner. Measured: 6 concurrent GETs of Cockpit's page, 4 with a body nonce different from their
 * header's. This filter buffers the pages of {@code /camunda/app/*} (a few KB; scripts, styles and images are
 * not touched) and writes the header's nonce into the page.
 */
public class WebappNonceFilter extends OncePerRequestFilter {

  private static final Pattern HEADER_NONCE = Pattern.compile("'nonce-([A-Za-z0-9_+/=-]+)'");
  private static final Pattern BODY_NONCE = Pattern.compile("nonce=\"[^\"]*\"");

  /** Only the pages (a path ending in "/" or a last segment without an extension); scripts, styles, images stream. */
  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String uri = request.getRequestURI();
    String last = uri.substring(uri.lastIndexOf('/') + 1);
    return !"GET".equals(request.getMethod()) || last.contains(".");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
    try {
      chain.doFilter(request, wrapper);
      String type = wrapper.getContentType();
      String policy = wrapper.getHeader("Content-Security-Policy");
      if (type != null && type.startsWith("text/html") && policy != null) {
        Matcher nonce = HEADER_NONCE.matcher(policy);
        if (nonce.find()) {
          String page = new String(wrapper.getContentAsByteArray(), StandardCharsets.UTF_8);
          String fixed =
              BODY_NONCE
                  .matcher(page)
                  .replaceAll(Matcher.quoteReplacement("nonce=\"" + nonce.group(1) + "\""));
          if (!fixed.equals(page)) {
            wrapper.resetBuffer();
            wrapper.getOutputStream().write(fixed.getBytes(StandardCharsets.UTF_8));
          }
        }
      }
    } finally {
      wrapper.copyBodyToResponse();
    }
  }
}
