package cn.officeflow.platform.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every error of /engine-rest/* and /api/* as {@code {"type": ..., "message": ...}} JSON in Chinese. Only a
 * response whose status becomes 400 or more is held back (errors are small); a successful one, such as a
 * download of tens of MB, streams through untouched. An error body that is already such JSON with a real
 * message (Camunda's {@code {type, message, code}}, ours) passes unchanged; an empty, generic ("HTTP 404 Not
 * Found") or non-JSON body, a {@code sendError} (which would end in Spring Boot's error page) and an exception
 * that escapes the servlet are answered with the message for the status.
 */
public class ApiErrorBodyFilter extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(ApiErrorBodyFilter.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern GENERIC_MESSAGE = Pattern.compile("HTTP \\d{3}\\b.*");

  /** Camunda REST's "Cannot <verb> <what> <id>: " before the engine's message, once or nested. */
  private static final Pattern ENGLISH_PREFIX = Pattern.compile("^(?:Cannot [A-Za-z ]+? \\S+?: )+");

  private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

  /** The engine's refusal: "The user with id 'u' does not have …". */
  private static final Pattern REFUSAL =
      Pattern.compile(
          "^The user with id '(.+?)' does not have (?:one of the following permissions: )?(.+)$");

  /** One permission of a refusal: "'DELETE' permission on resource 'x' of type 'ProcessInstance'". */
  private static final Pattern PERMISSION =
      Pattern.compile("'(\\w+)' permission on resource '(.*?)' of type '(\\w+)'");

  /** ValidationException's "字段 key：". */
  private static final Pattern FIELD_PREFIX = Pattern.compile("^字段 (\\S+?)：");

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    ErrorCapturingResponse wrapper = new ErrorCapturingResponse(response);
    try {
      chain.doFilter(request, wrapper);
    } catch (IOException | ServletException | RuntimeException e) {
      if (wrapper.isCommitted()) {
        throw e;
      }
      LOG.error("{} {} failed", request.getMethod(), request.getRequestURI(), e);
      wrapper.sendError(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
    }
    wrapper.finish(request);
  }

  /** The message for a status, in Chinese. */
  static String message(int status, HttpServletRequest request) {
    return switch (status) {
      case 400 -> "请求无效：请求体不是合法的 JSON，或其格式不符合接口要求";
      case 401 -> "需要登录：请使用 HTTP Basic 认证或先登录 Tasklist";
      case 403 -> "没有权限执行此操作";
      case 404 -> "请求的地址或资源不存在：" + request.getRequestURI();
      case 405 -> "此地址不支持 " + request.getMethod() + " 请求方法";
      case 406 -> "无法按所要求的格式（Accept 请求头）答复，请接受 application/json";
      case 413 -> "请求体过大";
      case 415 ->
          "请使用 application/json 作为请求体的 Content-Type（收到："
              + (request.getContentType() == null ? "无" : request.getContentType())
              + "）";
      default -> status >= 500 ? "服务器内部错误，请稍后重试或联系管理员" : "请求无法处理（HTTP " + status + "）";
    };
  }

  static String type(int status) {
    return switch (status) {
      case 400 -> "InvalidRequestException";
      case 401 -> "AuthenticationException";
      case 403 -> "AuthorizationException";
      case 404 -> "NotFoundException";
      case 405 -> "MethodNotAllowedException";
      case 415 -> "UnsupportedMediaTypeException";
      default -> status >= 500 ? "ServerError" : "InvalidRequestException";
    };
  }

  /** Null when the body is {type, message} JSON with a real message, else the replacement body. */
  static byte[] replacement(
      int status, String contentType, byte[] body, HttpServletRequest request) {
    JsonNode original = null;
    if (contentType != null && contentType.toLowerCase().contains("json") && body.length > 0) {
      try {
        original = JSON.readTree(body);
      } catch (IOException e) {
        original = null;
      }
    }
    String type =
        original != null
                && original.path("type").isTextual()
                && !original.get("type").asText().isBlank()
            ? original.get("type").asText()
            : null;
    String message =
        original != null && original.path("message").isTextual()
            ? original.get("message").asText()
            : "";
    if (type != null && !message.isBlank() && !GENERIC_MESSAGE.matcher(message).matches()) {
      return plainChinese((ObjectNode) original);
    }
    ObjectNode replaced = JSON.createObjectNode();
    replaced.put("type", type == null ? type(status) : type);
    replaced.put("message", message(status, request));
    return replaced.toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * The Chinese sentence alone for people (Tasklist shows {@code message} as it is): Camunda's English
   * prefixes ("Cannot complete task 3154…: ", "Cannot instantiate process definition …: ") and our
   * "字段 key：" go; the field key moves to {@code field} for programs. Null when there is nothing to change.
   */
  static byte[] plainChinese(ObjectNode error) {
    String message = error.path("message").asText();
    String cleaned = refusal(ENGLISH_PREFIX.matcher(message).replaceFirst(""));
    if (!HAN.matcher(cleaned).find()) {
      cleaned = message; // an English message of the engine's own stays whole
    }
    java.util.regex.Matcher field = FIELD_PREFIX.matcher(cleaned);
    if (field.find()) {
      if (!error.hasNonNull("field")) {
        error.put("field", field.group(1));
      }
      cleaned = cleaned.substring(field.end());
    }
    if (cleaned.equals(message) || cleaned.isBlank()) {
      return null;
    }
    error.put("message", cleaned);
    return error.toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * The engine's English refusal in Chinese (Cockpit shows it as it is): 「没有权限执行此操作：用户 qianyu 没有
   * ProcessInstance「…」的 DELETE 权限」; any other text unchanged.
   */
  static String refusal(String message) {
    java.util.regex.Matcher refusal = REFUSAL.matcher(message.strip());
    if (!refusal.matches()) {
      return message;
    }
    java.util.List<String> missing = new java.util.ArrayList<>();
    java.util.regex.Matcher permission = PERMISSION.matcher(refusal.group(2));
    while (permission.find()) {
      missing.add(
          permission.group(3)
              + (permission.group(2).isEmpty() ? "" : "「" + permission.group(2) + "」")
              + "的 "
              + permission.group(1)
              + " 权限");
    }
    if (missing.isEmpty()) {
      return message;
    }
    return "没有权限执行此操作：用户 " + refusal.group(1) + " 没有" + String.join("或", missing);
  }

  /** Passes a successful response through; holds back the body of an error. */
  static final class ErrorCapturingResponse extends HttpServletResponseWrapper {

    private int status = SC_OK;
    private boolean error;
    private final ByteArrayOutputStream errorBody = new ByteArrayOutputStream();
    private ServletOutputStream out;
    private PrintWriter writer;

    ErrorCapturingResponse(HttpServletResponse response) {
      super(response);
    }

    @Override
    public void setStatus(int sc) {
      super.setStatus(sc);
      if (!isCommitted()) {
        status = sc;
        error = sc >= 400;
      }
    }

    @Override
    public void sendError(int sc, String msg) throws IOException {
      sendError(sc);
    }

    @Override
    public void sendError(int sc) throws IOException {
      if (isCommitted()) {
        super.sendError(sc);
        return;
      }
      super.resetBuffer();
      errorBody.reset();
      setContentType(null);
      setStatus(sc);
    }

    @Override
    public void flushBuffer() throws IOException {
      if (writer != null) {
        writer.flush();
      }
      if (!error) {
        super.flushBuffer();
      }
    }

    @Override
    public void resetBuffer() {
      errorBody.reset();
      super.resetBuffer();
    }

    @Override
    public void reset() {
      errorBody.reset();
      super.reset();
      status = SC_OK;
      error = false;
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
      if (out == null) {
        out =
            new ServletOutputStream() {
              @Override
              public void write(int b) throws IOException {
                if (error) {
                  errorBody.write(b);
                } else {
                  ErrorCapturingResponse.super.getOutputStream().write(b);
                }
              }

              @Override
              public void write(byte[] b, int off, int len) throws IOException {
                if (error) {
                  errorBody.write(b, off, len);
                } else {
                  ErrorCapturingResponse.super.getOutputStream().write(b, off, len);
                }
              }

              @Override
              public void flush() throws IOException {
                if (!error) {
                  ErrorCapturingResponse.super.getOutputStream().flush();
                }
              }

              @Override
              public boolean isReady() {
                return true;
              }

              @Override
              public void setWriteListener(WriteListener listener) {
                throw new UnsupportedOperationException(
                    "non-blocking output is not used under /engine-rest and /api");
              }
            };
      }
      return out;
    }

    @Override
    public PrintWriter getWriter() throws IOException {
      if (writer == null) {
        writer = new PrintWriter(new OutputStreamWriter(getOutputStream(), getCharacterEncoding()));
      }
      return writer;
    }

    /** Writes the held-back error body, or its JSON replacement. */
    void finish(HttpServletRequest request) throws IOException {
      if (writer != null) {
        writer.flush();
      }
      if (!error || isCommitted()) {
        return;
      }
      byte[] body = errorBody.toByteArray();
      byte[] replaced = replacement(status, getContentType(), body, request);
      if (replaced != null) {
        body = replaced;
        super.setContentType("application/json;charset=UTF-8");
      }
      super.setContentLength(body.length);
      if (!"HEAD".equals(request.getMethod())) {
        super.getOutputStream().write(body);
      }
    }
  }
}
