package cn.officeflow.platform.notify;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * POST /api/tasks/{taskId}/reminders — 催办 (body optional: {@code {"message": "..."}}, up to 500 characters).
 * 201 with the ids of the notification records; 403 for users who may not remind; 404 for an unknown task.
 * GET /api/tasks/{taskId}/reminders/allowed — {@code {"allowed": true|false}} for the current user (the 「催办」 tab).
 */
@RestController
public class ReminderController {

  private final ReminderService reminders;

  public ReminderController(ReminderService reminders) {
    this.reminders = reminders;
  }

  public record ReminderRequest(String message) {}

  public record ReminderResponse(String taskId, List<String> notificationIds) {}

  @PostMapping("/api/tasks/{taskId}/reminders")
  public ResponseEntity<ReminderResponse> remind(
      @PathVariable String taskId, @RequestBody(required = false) ReminderRequest request) {
    // CSRF for session-authenticated calls is checked by ApiAuthenticationFilter
    List<String> ids = reminders.remind(taskId, request == null ? null : request.message());
    return ResponseEntity.status(HttpStatus.CREATED).body(new ReminderResponse(taskId, ids));
  }

  @GetMapping("/api/tasks/{taskId}/reminders/allowed")
  public Map<String, Boolean> allowed(@PathVariable String taskId) {
    return Map.of("allowed", reminders.mayRemind(taskId));
  }

  @ExceptionHandler(ReminderService.NoRecipientException.class)
  ResponseEntity<Map<String, Object>> noRecipient(ReminderService.NoRecipientException e) {
    return ResponseEntity.status(HttpStatus.CONFLICT)
        .body(body("NoRecipientException", e.getMessage(), null));
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
    return ResponseEntity.badRequest()
        .body(
            body(
                "ValidationException",
                "字段 " + ReminderService.MESSAGE + "：请求体必须是 JSON，例如 {\"message\": \"请尽快办理\"}",
                ReminderService.MESSAGE));
  }

  static Map<String, Object> body(String type, String message, String field) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", type);
    body.put("message", message);
    if (field != null) {
      body.put("field", field);
    }
    return body;
  }
}
