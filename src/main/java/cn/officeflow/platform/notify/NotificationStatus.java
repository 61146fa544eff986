package cn.officeflow.platform.notify;

/**
 * PENDING until delivered; FAILED after a failed attempt (the delivery job retries); SENT once delivered, that
 * is handed to the channel's gateway: the SMTP server or the SMS provider, or the log when that channel is not
 * configured (a start-up line says so for e-mail).
 */
public enum NotificationStatus {
  PENDING,
  SENT,
  FAILED
}
