package cn.officeflow.platform.notify;

/**
 * A notification could not be delivered (mail server down, gateway error, no address, no
 * configuration). Thrown from the delivery job so that Camunda retries it and, when the retries are
 * used up, shows an incident with this message in Cockpit.
 */
public class NotificationDeliveryException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public NotificationDeliveryException(String message) {
    super(message);
  }

  public NotificationDeliveryException(String message, Throwable cause) {
    super(message, cause);
  }
}
