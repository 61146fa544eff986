package cn.officeflow.platform.archive;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** A row of of_archive_event: a change to an entry after archiving, hashed into the chain. */
public record ArchiveEvent(
    String id,
    int seq,
    String entryId,
    ArchiveEventType type,
    String box,
    String shelf,
    String destructionId,
    LocalDate destroyedOn,
    String method,
    String actor,
    LocalDateTime occurredAt,
    String prevHash,
    String eventHash) {}
