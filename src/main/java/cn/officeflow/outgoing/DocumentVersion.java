package cn.officeflow.outgoing;

import java.time.LocalDateTime;

/**
 * One submitted text of a 发文 (版本管控), with every field the drafter edits: a later 稿 never changes what an
 * earlier one said, and the issued document is made from the 稿 that was signed off.
 */
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
    LocalDateTime editedAt,
    String secrecyPeriod,
    String notes) {}
