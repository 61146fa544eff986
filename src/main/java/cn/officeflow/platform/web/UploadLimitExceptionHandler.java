package cn.officeflow.platform.web;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * A too large upload (spring.servlet.multipart limits) as 413 JSON naming the field. A separate advice without
 * a package filter, because the multipart request is rejected before a controller is chosen.
 */
@RestControllerAdvice
public class UploadLimitExceptionHandler {

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  ResponseEntity<Map<String, Object>> tooLarge(MaxUploadSizeExceededException e) {
    Map<String, Object> body = ApiExceptionHandler.body("ValidationException",
        "字段 file：文件过大，单个文件不能超过 20 MB，一次上传合计不能超过 50 MB");
    body.put("field", "file");
    return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(body);
  }
}
