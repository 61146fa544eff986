package cn.officeflow.platform.web;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Errors of the project's /api endpoints as {@code {"type": ..., "message": ...}} JSON. */
@RestControllerAdvice(basePackages = "cn.officeflow")
public class ApiExceptionHandler {

  @ExceptionHandler(ValidationException.class)
  ResponseEntity<Map<String, Object>> validation(ValidationException e) {
    Map<String, Object> body = body("ValidationException", e.getMessage());
    body.put("field", e.getField());
    return ResponseEntity.badRequest().body(body);
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ResponseEntity<Map<String, Object>> missing(MissingServletRequestParameterException e) {
    return ResponseEntity.badRequest()
        .body(
            field(
                body("ValidationException", "参数 " + e.getParameterName() + " 必须填写"),
                e.getParameterName()));
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<Map<String, Object>> mismatch(MethodArgumentTypeMismatchException e) {
    return ResponseEntity.badRequest()
        .body(
            field(
                body("ValidationException", "参数 " + e.getName() + " 格式不正确（" + e.getValue() + "）"),
                e.getName()));
  }

  /** A body that is not JSON, breaks off, or does not fit the endpoint: 400 saying where. */
  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
    return ResponseEntity.badRequest().body(body("InvalidRequestException", unreadableMessage(e)));
  }

  /** A body of a type the endpoint does not read (found after the controller was chosen). */
  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<Map<String, Object>> unsupported(HttpMediaTypeNotSupportedException e) {
    String supported =
        e.getSupportedMediaTypes().stream()
            .filter(t -> !t.isWildcardType())
            .map(MediaType::toString)
            .distinct()
            .collect(Collectors.joining("、"));
    return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
        .body(
            body(
                "UnsupportedMediaTypeException",
                "请使用 "
                    + (supported.isEmpty() || supported.contains("application/json")
                        ? "application/json"
                        : supported)
                    + " 作为请求体的 Content-Type（收到："
                    + (e.getContentType() == null ? "无" : e.getContentType())
                    + "）"));
  }

  /** Camunda's REST exceptions thrown by our services (a 409 库存不足 …) keep their status. */
  @ExceptionHandler(InvalidRequestException.class)
  ResponseEntity<Map<String, Object>> invalidRequest(InvalidRequestException e) {
    return ResponseEntity.status(e.getStatus().getStatusCode())
        .body(body(e.getClass().getSimpleName(), e.getMessage()));
  }

  @ExceptionHandler(ConflictException.class)
  ResponseEntity<Map<String, Object>> conflict(ConflictException e) {
    return ResponseEntity.status(HttpStatus.CONFLICT)
        .body(body(e.getClass().getSimpleName(), e.getMessage()));
  }

  @ExceptionHandler(NotFoundException.class)
  ResponseEntity<Map<String, Object>> notFound(NotFoundException e) {
    return ResponseEntity.status(HttpStatus.NOT_FOUND)
        .body(body("NotFoundException", e.getMessage()));
  }

  @ExceptionHandler(AuthorizationException.class)
  ResponseEntity<Map<String, Object>> forbidden(AuthorizationException e) {
    return ResponseEntity.status(HttpStatus.FORBIDDEN)
        .body(body("AuthorizationException", e.getMessage()));
  }

  static String unreadableMessage(HttpMessageNotReadableException e) {
    Throwable cause = e.getCause();
    if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      String field =
          mapping.getPath().stream()
              .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
              .collect(Collectors.joining("."));
      return "字段 " + field + " 格式不正确" + where(mapping.getLocation());
    }
    if (cause instanceof JsonMappingException mapping) {
      return "请求体的 JSON 结构不符合接口要求" + where(mapping.getLocation());
    }
    if (cause instanceof JsonProcessingException json) {
      return "请求体不是合法的 JSON" + where(json.getLocation());
    }
    return "请求体不能为空，且必须是合法的 JSON";
  }

  private static String where(JsonLocation location) {
    return location == null || location.getLineNr() < 1
        ? ""
        : "（第 " + location.getLineNr() + " 行第 " + location.getColumnNr() + " 列附近）";
  }

  private static Map<String, Object> field(Map<String, Object> body, String field) {
    body.put("field", field);
    return body;
  }

  static Map<String, Object> body(String type, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", type);
    body.put("message", message);
    return body;
  }
}
