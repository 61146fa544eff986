package cn.officeflow.platform.web;

import java.util.Map;
import org.apache.tomcat.util.http.fileupload.InvalidFileNameException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * A too large upload (spring.servlet.multipart limits) as 413 JSON naming the field, a file name that Tomcat
 * refuses to parse (a NUL byte) as 400. A separate advice without a package filter, because the multipart
 * request is rejected before a controller is chosen.
 */
@RestControllerAdvice
public class UploadLimitExceptionHandler {

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  ResponseEntity<Map<String, Object>> tooLarge(MaxUploadSizeExceededException e) {
    if (partHeaderTooLarge(e)) {
      // Tomcat's server.tomcat.max-part-header-size, reported by Spring as a size limit: a very
      // long file name
      Map<String, Object> body =
          ApiExceptionHandler.body("ValidationException", "字段 file：文件名过长，不能超过 200 个字符，请改短后再上传");
      body.put("field", "file");
      return ResponseEntity.badRequest().body(body);
    }
    Map<String, Object> body =
        ApiExceptionHandler.body(
            "ValidationException", "字段 file：文件过大，单个文件不能超过 20 MB，一次上传合计不能超过 50 MB");
    body.put("field", "file");
    return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(body);
  }

  private static boolean partHeaderTooLarge(Throwable e) {
    for (Throwable cause = e;
        cause != null && cause.getCause() != cause;
        cause = cause.getCause()) {
      if (cause.getMessage() != null
          && cause.getMessage().startsWith("Header section has more than")) {
        return true;
      }
    }
    return false;
  }

  @ExceptionHandler(MultipartException.class)
  ResponseEntity<Map<String, Object>> malformed(MultipartException e) {
    boolean fileName = false;
    for (Throwable cause = e;
        cause != null && cause.getCause() != cause;
        cause = cause.getCause()) {
      fileName |= cause instanceof InvalidFileNameException;
    }
    Map<String, Object> body =
        ApiExceptionHandler.body(
            "ValidationException",
            fileName
                ? "字段 file：文件名包含不允许的字符（如空字符 NUL），请改名后再上传"
                : "字段 file：上传请求不是合法的 multipart/form-data");
    body.put("field", "file");
    return ResponseEntity.badRequest().body(body);
  }
}
