package cn.officeflow.platform.web;

import jakarta.ws.rs.core.Response;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;

/**
 * Bad user input. Extends Camunda's {@link InvalidRequestException} so that, thrown from an execution
 * listener, it reaches the caller as HTTP 400 on /engine-rest and on Tasklist's form submission, and it
 * rolls back the whole command (engine rows and the project's own rows). Our /api controllers map it to
 * 400 as well. The message always names the field.
 */
public class ValidationException extends InvalidRequestException {

  private static final long serialVersionUID = 1L;

  private final String field;
  private final String reason;

  public ValidationException(String field, String message) {
    super(Response.Status.BAD_REQUEST, "字段 " + field + "：" + message);
    this.field = field;
    this.reason = message;
  }

  public String getField() {
    return field;
  }

  /** The same refusal naming another field: a shared check's field as the caller's form calls it. */
  public ValidationException onField(String other) {
    return new ValidationException(other, reason);
  }
}
