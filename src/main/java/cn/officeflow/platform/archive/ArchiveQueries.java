package cn.officeflow.platform.archive;

import cn.officeflow.platform.engine.CurrentUser;
import cn.officeflow.platform.org.RoleGroups;
import cn.officeflow.platform.web.NotFoundException;
import cn.officeflow.platform.web.ValidationException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Service;

/**
 * The archive's REST side with its access rules: 办公室主任, 文书 (office-clerks), 审计 and 管理员 read the
 * archive and verify its chain; only 文书 file paper copies (box, shelf). Anyone else gets 403.
 */
@Service
public class ArchiveQueries {

  static final Set<String> READER_ROLES =
      Set.of(
          RoleGroups.OFFICE_DIRECTOR,
          RoleGroups.OFFICE_CLERKS,
          RoleGroups.AUDITORS,
          RoleGroups.CAMUNDA_ADMIN);
  static final Set<String> FILING_ROLES = Set.of(RoleGroups.OFFICE_CLERKS);

  private final ArchiveService archive;
  private final IdentityService identity;

  public ArchiveQueries(ArchiveService archive, IdentityService identity) {
    this.archive = archive;
    this.identity = identity;
  }

  public ChainVerification verify() {
    return verify(null, null);
  }

  /** Verifies the chain, against a copy of an earlier head when both {@code headSeq} and {@code headHash} are given. */
  public ChainVerification verify(Integer headSeq, String headHash) {
    requireRole(READER_ROLES, "核验档案哈希链");
    if (headSeq == null && (headHash == null || headHash.isBlank())) {
      return archive.verify();
    }
    if (headSeq == null || headSeq < 1) {
      throw new ValidationException("headSeq", "请同时提供异地保存的链头序号（正整数）和哈希");
    }
    if (headHash == null || !headHash.strip().matches("[0-9a-fA-F]{64}")) {
      throw new ValidationException("headHash", "链头哈希必须是 64 位十六进制（SHA-256），收到：" + headHash);
    }
    return archive.verify(new ChainHead(headSeq, headHash.strip().toLowerCase(), null, null));
  }

  /** The newest record of the chain, to keep a copy of off-site; 404 while the archive is empty. */
  public ChainHead head() {
    requireRole(READER_ROLES, "查看档案链头");
    return archive.head().orElseThrow(() -> new NotFoundException("档案为空，尚无链头"));
  }

  public List<EntryView> list(Integer year, String department, String secrecy, String status) {
    requireRole(READER_ROLES, "查询档案");
    if (year != null && (year < 1900 || year > 2100)) {
      throw new ValidationException("year", "年度必须在 1900 至 2100 之间，收到：" + year);
    }
    String dept = blankToNull(department);
    if (dept != null && dept.length() > 64) {
      throw new ValidationException("department", "部门编号不能超过 64 字");
    }
    String sec = blankToNull(secrecy);
    if (sec != null && !ArchiveService.SECRECIES.contains(sec)) {
      throw new ValidationException(
          "secrecy", "密级必须是 " + String.join("、", ArchiveService.SECRECIES) + " 之一，收到：" + sec);
    }
    return archive.list(year, dept, sec, status(blankToNull(status))).stream()
        .map(EntryView::of)
        .toList();
  }

  public EntryDetail detail(String id) {
    requireRole(READER_ROLES, "查看档案");
    ArchiveEntry entry = archive.entry(id);
    return new EntryDetail(
        EntryView.of(entry), archive.events(id).stream().map(EventView::of).toList());
  }

  /** The electronic file; null when the entry is destroyed (the bytes stay only for the chain). */
  public FileDownload file(String id) {
    requireRole(READER_ROLES, "下载档案电子文件");
    ArchiveEntry entry = archive.entry(id);
    if (entry.destroyed()) {
      return new FileDownload(entry, null);
    }
    return new FileDownload(entry, archive.content(id));
  }

  public EntryView updateLocation(String id, Object box, Object shelf) {
    requireRole(FILING_ROLES, "登记档案存放位置");
    return EntryView.of(archive.updateLocation(id, box, shelf));
  }

  private void requireRole(Set<String> roles, String action) {
    CurrentUser.requireAnyGroup(identity, roles, action);
  }

  private static ArchiveEntryStatus status(String status) {
    if (status == null) {
      return null;
    }
    try {
      return ArchiveEntryStatus.valueOf(status);
    } catch (IllegalArgumentException e) {
      throw new ValidationException("status", "状态必须是 ARCHIVED（已归档）或 DESTROYED（已销毁），收到：" + status);
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  /** One archive entry as JSON (no file bytes). */
  public record EntryView(
      String id,
      int seq,
      String classification,
      int year,
      String departmentId,
      String departmentName,
      String secrecy,
      String source,
      String sourceLabel,
      String sourceId,
      String title,
      String documentNumber,
      String fileName,
      String mediaType,
      int fileSize,
      String fileSha256,
      String box,
      String shelf,
      String status,
      String statusLabel,
      LocalDate destroyedOn,
      String destructionId,
      String archivedBy,
      LocalDateTime archivedAt,
      String prevHash,
      String entryHash) {

    static EntryView of(ArchiveEntry e) {
      return new EntryView(
          e.id(),
          e.seq(),
          e.classification(),
          e.year(),
          e.departmentId(),
          e.departmentName(),
          e.secrecy(),
          e.source() == null ? null : e.source().name(),
          e.source() == null ? null : e.source().label(),
          e.sourceId(),
          e.title(),
          e.documentNumber(),
          e.fileName(),
          e.mediaType(),
          e.fileSize(),
          e.fileSha256(),
          e.box(),
          e.shelf(),
          e.status() == null ? null : e.status().name(),
          e.status() == null ? null : e.status().label(),
          e.destroyedOn(),
          e.destructionId(),
          e.archivedBy(),
          e.archivedAt(),
          e.prevHash(),
          e.entryHash());
    }
  }

  /** GET /api/archive/entries/{id}: the entry and its chained events. */
  public record EntryDetail(EntryView entry, List<EventView> events) {}

  /** One event of an entry. */
  public record EventView(
      String id,
      int seq,
      String type,
      String typeLabel,
      String box,
      String shelf,
      String destructionId,
      LocalDate destroyedOn,
      String method,
      String actor,
      LocalDateTime occurredAt,
      String eventHash) {

    static EventView of(ArchiveEvent v) {
      return new EventView(
          v.id(),
          v.seq(),
          v.type().name(),
          v.type().label(),
          v.box(),
          v.shelf(),
          v.destructionId(),
          v.destroyedOn(),
          v.method(),
          v.actor(),
          v.occurredAt(),
          v.eventHash());
    }
  }

  /** An entry's file for download; {@code content} null when the entry has been destroyed. */
  public record FileDownload(ArchiveEntry entry, byte[] content) {}
}
