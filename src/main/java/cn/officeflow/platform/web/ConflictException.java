package cn.officeflow.platform.web;

/** A request refused because of the record's state (409): someone acted first, the step does not allow it. */
public class ConflictException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ConflictException(String message) {
    super(message);
  }
}
