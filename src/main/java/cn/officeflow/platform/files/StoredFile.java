package cn.officeflow.platform.files;

import java.time.LocalDateTime;

/** A stored file of a business record (its business key): who uploaded it when, at which step, with its SHA-256. */
public record StoredFile(
    String id,
    String ownerKey,
    String fileName,
    String mediaType,
    long size,
    String sha256,
    String step,
    String uploadedBy,
    String uploadedByName,
    LocalDateTime uploadedAt) {}
