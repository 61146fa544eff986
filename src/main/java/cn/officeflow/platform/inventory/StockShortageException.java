package cn.officeflow.platform.inventory;

import jakarta.ws.rs.core.Response;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;

/**
 * The stock cannot cover a take (409 「库存不足」). A REST exception of Camunda's, so that thrown from a
 * process step (a 发放 task's completion) it reaches the user as 409 on /engine-rest and in Tasklist, and it
 * rolls the whole step back; the /api handler answers it with its status too.
 */
public class StockShortageException extends InvalidRequestException {

  private static final long serialVersionUID = 1L;

  public StockShortageException(String message) {
    super(Response.Status.CONFLICT, message);
  }
}
