package cn.officeflow.platform.notify;

import java.time.LocalDateTime;

/** One message to one recipient over one channel (a row of {@code of_notification}). */
public record Notification(
    String id,
    String recipient,
    String address,
    Channel channel,
    String template,
    String subject,
    String body,
    String businessKey,
    String createdBy,
    LocalDateTime createdAt,
    NotificationStatus status,
    int attempts,
    String lastError,
    LocalDateTime sentAt) {}
