package cn.officeflow.platform.archive;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * A row of of_archive_entry without the file's bytes. The fields up to {@code entryHash} are the
 * hashed, immutable content; {@code box}, {@code shelf}, {@code status}, {@code destroyedOn} and
 * {@code destructionId} change later and are vouched for by chained {@link ArchiveEvent}s.
 */
public record ArchiveEntry(
    String id,
    int seq,
    int year,
    String departmentId,
    String departmentName,
    String secrecy,
    ArchiveSource source,
    String sourceId,
    String title,
    String documentNumber,
    String fileName,
    String mediaType,
    int fileSize,
    String fileSha256,
    String archivedBy,
    LocalDateTime archivedAt,
    String prevHash,
    String entryHash,
    String box,
    String shelf,
    ArchiveEntryStatus status,
    LocalDate destroyedOn,
    String destructionId) {

  /** 年度-部门-密级, e.g. 2026-办公室-内部. */
  public String classification() {
    return year + "-" + departmentName + "-" + secrecy;
  }

  public boolean destroyed() {
    return status == ArchiveEntryStatus.DESTROYED;
  }
}
