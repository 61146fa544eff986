package cn.officeflow.incoming;

import java.time.LocalDateTime;

/** An electronic file of a 收文 (扫描件 …), without its content. */
public record IncomingAttachment(
    String id,
    String documentId,
    int seq,
    String fileName,
    String mediaType,
    int size,
    String sha256,
    String uploadedBy,
    LocalDateTime uploadedAt) {}
