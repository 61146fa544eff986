package cn.officeflow.destruction;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/** A row of of_archive_destruction with its entry ids in request order. */
public record Destruction(
    String id,
    String processInstanceId,
    String reason,
    String method,
    String applicant,
    String applicantName,
    DestructionStatus status,
    String witness1,
    String witness1Name,
    String witness2,
    String witness2Name,
    LocalDate destroyedOn,
    String executedBy,
    LocalDateTime createdAt,
    LocalDateTime updatedAt,
    List<String> entryIds) {}
