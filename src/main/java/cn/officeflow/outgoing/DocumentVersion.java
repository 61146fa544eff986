package cn.officeflow.outgoing;

import java.time.LocalDateTime;

/** One submitted text of a 发文 (版本管控). */
public record DocumentVersion(
    int version,
    String title,
    String docType,
    String mainRecipients,
    String copyTo,
    String attachments,
    String urgency,
    String secrecy,
    String body,
    String editedBy,
    LocalDateTime editedAt) {}
