package cn.officeflow.platform.web;

import jakarta.ws.rs.core.Response;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;

/**
 * 403 for a user who may not do this at all (an auditor writing). Not an engine {@code
 * AuthorizationException}: some Camunda REST resources catch every engine exception and answer 400 or 500
 * (task comments say "Not enough parameters submitted"), while a REST exception keeps its status everywhere.
 */
public class AccessRefusedException extends InvalidRequestException {

  private static final long serialVersionUID = 1L;

  public AccessRefusedException(String message) {
    super(Response.Status.FORBIDDEN, message);
  }
}
