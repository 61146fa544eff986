package cn.officeflow.platform.org;

/** The organisation cannot answer a question a process needs (no department, no head, ...). */
public class OrgException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public OrgException(String message) {
    super(message);
  }
}
