package cn.officeflow.platform.web;

/** A record that does not exist, or that the current user may not see (both answer 404). */
public class NotFoundException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public NotFoundException(String message) {
    super(message);
  }
}
