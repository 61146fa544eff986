package cn.officeflow.platform.notify;

/** PENDING until delivered; FAILED after a failed attempt (the delivery job retries); SENT once delivered. */
public enum NotificationStatus {
  PENDING, SENT, FAILED
}
