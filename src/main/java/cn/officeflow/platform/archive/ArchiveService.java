package cn.officeflow.platform.archive;

import cn.officeflow.platform.archive.ChainVerification.BrokenRecord;
import cn.officeflow.platform.archive.ChainVerification.Reason;
import cn.officeflow.platform.engine.CurrentUser;
import cn.officeflow.platform.engine.EngineClock;
import cn.officeflow.platform.numbering.NumberingService;
import cn.officeflow.platform.web.NotFoundException;
import cn.officeflow.platform.web.ValidationException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 归档: archive entries classified 年度-部门-密级, each with its electronic file (bytes + SHA-256) and the
 * location of the paper copy (盒号, 架位) — the seed's 电子与纸质双备份 — forming a hash chain for 篡改预警.
 *
 * <h2>The chain</h2>
 * One chain orders two kinds of records by one gapless sequence number taken from
 * {@link NumberingService} (key {@value ArchiveChain#COUNTER_KEY}, year 0):
 * <ul>
 *   <li><b>entries</b> (of_archive_entry): {@code entry_hash = SHA-256(canonical(id, seq, year, department,
 *       secrecy, source, source id, title, document number, file name, media type, file size, file SHA-256,
 *       archived by, archived at, prev_hash))} — see {@link ArchiveChain#entryHash};</li>
 *   <li><b>events</b> (of_archive_event): what happens to an entry afterwards — its paper copy filed or moved
 *       ({@link ArchiveEventType#LOCATION}: box, shelf) or its destruction ({@link ArchiveEventType#DESTROYED}:
 *       destruction id, date, method) — hashed the same way over all their fields and prev_hash.</li>
 * </ul>
 * Every record's {@code prev_hash} is the stored hash of the record with the sequence number before it
 * ({@link ArchiveChain#GENESIS} for number 1). Taking the number first (an UPDATE of the counter row that
 * stays locked until commit) serialises appends across nodes, so the record before is always committed
 * when the next one reads its hash, and a rolled-back append gives its number back.
 *
 * <h2>Destruction keeps the chain verifiable</h2>
 * An entry's box, shelf, status, destroyed_on and destruction_id are <em>not</em> hashed: they are a
 * convenience copy of the entry's latest events. Marking an entry destroyed therefore never edits hashed
 * content: it appends a DESTROYED event to the chain and updates the copy. Nothing is ever deleted: the
 * electronic file stays (it is needed to verify the chain), but it is no longer handed out.
 *
 * <h2>Verification</h2>
 * {@link #verify()} walks the records by sequence number and reports the first that fails:
 * a missing number or a prev_hash that is not the previous record's hash ({@link Reason#LINK_BROKEN}),
 * file bytes whose SHA-256 differs from the recorded one ({@link Reason#FILE_CHANGED}), a recomputed hash
 * that differs from the stored one ({@link Reason#CONTENT_CHANGED}), and an entry whose state columns
 * disagree with its events ({@link Reason#STATE_CHANGED}, e.g. a destroyed entry set back to ARCHIVED;
 * judged only when the chain itself is sound, since the events are its evidence, and reported for the
 * entry with the lowest sequence number). A counter beyond the last record means the newest records were deleted (LINK_BROKEN, id null).
 * Each record is compared with its own stored hash and its predecessor's stored hash, so one edited record
 * is reported as itself, not as everything after it. Someone who rewrites a record <em>and</em> every hash
 * after it is detected only against a copy of the head hash kept elsewhere (printed, or sent off-site):
 * the head is the last entry's or event's hash.
 */
@Service
public class ArchiveService {

  private static final Logger LOG = LoggerFactory.getLogger(ArchiveService.class);

  public static final List<String> SECRECIES = List.of("公开", "内部", "秘密", "机密");
  public static final String DOCX =
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  public static final int MAX_LOCATION = 50;

  private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

  private final ArchiveRepository repository;
  private final NumberingService numbering;
  private final IdentityService identity;

  public ArchiveService(
      ArchiveRepository repository, NumberingService numbering, IdentityService identity) {
    this.repository = repository;
    this.numbering = numbering;
    this.identity = identity;
  }

  /** Archives a document from a business process (发文, 收文); the current user (or system) archives it. */
  @Transactional
  public ArchiveEntry archive(NewArchiveEntry entry) {
    validate(entry);
    String actor = CurrentUser.idOrSystem(identity);
    LocalDateTime now = ArchiveChain.truncate(EngineClock.now());
    int seq = numbering.next(ArchiveChain.COUNTER_KEY, ArchiveChain.COUNTER_YEAR);
    String prevHash = previousHash(seq);
    ArchiveEntry unhashed =
        new ArchiveEntry(
            UUID.randomUUID().toString(),
            seq,
            entry.year(),
            entry.departmentId().strip(),
            entry.departmentName().strip(),
            entry.secrecy(),
            entry.source(),
            entry.sourceId(),
            entry.title().strip(),
            blankToNull(entry.documentNumber()),
            entry.fileName().strip(),
            entry.mediaType().strip(),
            entry.content().length,
            ArchiveChain.sha256(entry.content()),
            actor,
            now,
            prevHash,
            null,
            null,
            null,
            ArchiveEntryStatus.ARCHIVED,
            null,
            null);
    ArchiveEntry archived = withHash(unhashed);
    repository.insertEntry(archived, entry.content());
    LOG.info(
        "归档 {}（{}）：{}，链序号 {}",
        archived.id(),
        archived.classification(),
        // the copies of a 发文 (PDF, OFD) carry its number in their title, not as their own
        archived.documentNumber() == null
            ? archived.title()
            : archived.documentNumber() + " " + archived.title(),
        seq);
    if (blankToNull(entry.box()) != null || blankToNull(entry.shelf()) != null) {
      return fileLocation(archived, entry.box(), entry.shelf(), actor);
    }
    return archived;
  }

  /** The entry archived from a business record, if any (a process archives each record once). */
  public Optional<ArchiveEntry> findBySource(ArchiveSource source, String sourceId) {
    return repository.findBySource(source, sourceId);
  }

  /** 入盒上架 / 移库: records where the paper copy is (PUT /api/archive/entries/{id}/location). */
  @Transactional
  public ArchiveEntry updateLocation(String id, Object box, Object shelf) {
    String b = location("box", box, "盒号");
    String s = location("shelf", shelf, "架位");
    ArchiveEntry entry = entry(id);
    if (entry.destroyed()) {
      throw new ValidationException("id", "档案条目已销毁，不能再登记存放位置：" + entry.title());
    }
    return fileLocation(entry, b, s, CurrentUser.idOrSystem(identity));
  }

  /**
   * Marks entries destroyed (销毁执行): a DESTROYED event per entry is appended to the chain and the
   * entry's state columns are updated; nothing is deleted and no hashed content changes.
   */
  @Transactional
  public void markDestroyed(
      List<String> entryIds,
      String destructionId,
      LocalDate destroyedOn,
      String method,
      String actor) {
    for (String id : entryIds) {
      ArchiveEntry entry = entry(id);
      if (entry.destroyed()) {
        throw new ValidationException("entries", "档案条目已销毁：" + entry.title() + "（" + id + "）");
      }
      append(
          new ArchiveEvent(
              UUID.randomUUID().toString(),
              0,
              id,
              ArchiveEventType.DESTROYED,
              null,
              null,
              destructionId,
              destroyedOn,
              method,
              actor,
              ArchiveChain.truncate(EngineClock.now()),
              null,
              null));
      repository.markDestroyed(id, destroyedOn, destructionId);
    }
    LOG.info("销毁 {}：{} 个档案条目已标记为已销毁（{}，{}）", destructionId, entryIds.size(), destroyedOn, method);
  }

  /** Walks the whole chain; {@code {"intact": true}} or the first broken record. */
  @Transactional(readOnly = true)
  public ChainVerification verify() {
    return verify(null);
  }

  /**
   * Walks the chain as {@link #verify()} and, when {@code expectedHead} is given (a copy of an earlier
   * {@link #head()} kept off-site: printed, mailed, in another system), also checks that the record with that
   * sequence number still has that hash. Only this comparison detects a chain rewritten from some record to the
   * end, hashes included.
   */
  public ChainVerification verify(ChainHead expectedHead) {
    List<ArchiveEntry> entries = repository.chainEntries();
    List<ArchiveEvent> events = repository.chainEvents();
    List<Link> links = new ArrayList<>(entries.size() + events.size());
    entries.forEach(e -> links.add(new Link(e.seq(), e, null)));
    events.forEach(v -> links.add(new Link(v.seq(), null, v)));
    links.sort(Comparator.comparingInt(Link::seq));

    Map<String, ArchiveEntry> byId = new HashMap<>();
    entries.forEach(e -> byId.put(e.id(), e));
    List<BrokenRecord> broken = new ArrayList<>();
    String previousHash = ArchiveChain.GENESIS;
    int expected = 1;
    for (Link link : links) {
      Reason reason;
      if (link.seq() != expected || !Objects.equals(link.prevHash(), previousHash)) {
        reason = Reason.LINK_BROKEN;
      } else if (link.entry() != null) {
        reason = checkEntry(link.entry());
      } else {
        reason =
            Objects.equals(ArchiveChain.eventHash(link.event()), link.event().eventHash())
                ? null
                : Reason.CONTENT_CHANGED;
      }
      if (reason != null) {
        broken.add(link.broken(reason, byId));
        break;
      }
      previousHash = link.hash();
      expected = link.seq() + 1;
    }
    if (broken.isEmpty() && repository.chainCounter() > expected - 1) {
      broken.add(
          new BrokenRecord(
              null,
              expected,
              null,
              null,
              null,
              Reason.LINK_BROKEN,
              "链尾记录缺失：计数器已到 " + repository.chainCounter() + "，链上最后一条为 " + (expected - 1)));
    }
    if (broken.isEmpty()) {
      // state is judged against the events only once the chain of events itself is sound
      stateChanges(entries, events).ifPresent(broken::add);
    }
    if (broken.isEmpty() && expectedHead != null) {
      Optional<Link> kept = links.stream().filter(l -> l.seq() == expectedHead.seq()).findFirst();
      if (kept.isEmpty()) {
        broken.add(
            new BrokenRecord(
                null,
                expectedHead.seq(),
                null,
                null,
                null,
                Reason.HEAD_MISMATCH,
                "异地保存的链头（第 " + expectedHead.seq() + " 条）在链上已不存在"));
      } else if (!kept.get().hash().equals(expectedHead.hash())) {
        broken.add(kept.get().broken(Reason.HEAD_MISMATCH, byId));
      }
    }
    Optional<BrokenRecord> first = broken.stream().findFirst();
    if (first.isEmpty()) {
      return ChainVerification.INTACT;
    }
    LOG.warn(
        "篡改预警：档案哈希链在第 {} 条记录处断开（{}，{}）", first.get().seq(), first.get().reason(), first.get().id());
    return ChainVerification.broken(first.get());
  }

  public ArchiveEntry entry(String id) {
    return repository.find(id).orElseThrow(() -> new NotFoundException("档案条目不存在：" + id));
  }

  public Optional<ArchiveEntry> find(String id) {
    return repository.find(id);
  }

  /** An entry by its id or, when that is unique, by its 文号 / 收文编号. */
  public Optional<ArchiveEntry> findByIdOrNumber(String idOrNumber) {
    Optional<ArchiveEntry> byId = repository.find(idOrNumber);
    if (byId.isPresent()) {
      return byId;
    }
    List<ArchiveEntry> byNumber = repository.findByDocumentNumber(idOrNumber);
    return byNumber.size() == 1 ? Optional.of(byNumber.get(0)) : Optional.empty();
  }

  public List<ArchiveEvent> events(String entryId) {
    return repository.events(entryId);
  }

  public List<ArchiveEntry> list(
      Integer year, String department, String secrecy, ArchiveEntryStatus status) {
    return repository.list(year, department, secrecy, status);
  }

  public byte[] content(String id) {
    return repository.content(id).orElseThrow(() -> new NotFoundException("档案条目不存在：" + id));
  }

  // --- chain

  private ArchiveEntry fileLocation(ArchiveEntry entry, String box, String shelf, String actor) {
    append(
        new ArchiveEvent(
            UUID.randomUUID().toString(),
            0,
            entry.id(),
            ArchiveEventType.LOCATION,
            blankToNull(box),
            blankToNull(shelf),
            null,
            null,
            null,
            actor,
            ArchiveChain.truncate(EngineClock.now()),
            null,
            null));
    repository.updateLocation(entry.id(), blankToNull(box), blankToNull(shelf));
    return entry(entry.id());
  }

  /** Appends an event (given without seq and hashes) to the chain. */
  private void append(ArchiveEvent event) {
    int seq = numbering.next(ArchiveChain.COUNTER_KEY, ArchiveChain.COUNTER_YEAR);
    ArchiveEvent linked =
        new ArchiveEvent(
            event.id(),
            seq,
            event.entryId(),
            event.type(),
            event.box(),
            event.shelf(),
            event.destructionId(),
            event.destroyedOn(),
            event.method(),
            event.actor(),
            event.occurredAt(),
            previousHash(seq),
            null);
    repository.insertEvent(
        new ArchiveEvent(
            linked.id(),
            seq,
            linked.entryId(),
            linked.type(),
            linked.box(),
            linked.shelf(),
            linked.destructionId(),
            linked.destroyedOn(),
            linked.method(),
            linked.actor(),
            linked.occurredAt(),
            linked.prevHash(),
            ArchiveChain.eventHash(linked)));
  }

  private String previousHash(int seq) {
    if (seq == 1) {
      return ArchiveChain.GENESIS;
    }
    return repository
        .hashAt(seq - 1)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "篡改预警：档案哈希链第 " + (seq - 1) + " 条记录缺失，不能继续归档；请审计人员核查（GET /api/archive/verify）"));
  }

  private static ArchiveEntry withHash(ArchiveEntry e) {
    return new ArchiveEntry(
        e.id(),
        e.seq(),
        e.year(),
        e.departmentId(),
        e.departmentName(),
        e.secrecy(),
        e.source(),
        e.sourceId(),
        e.title(),
        e.documentNumber(),
        e.fileName(),
        e.mediaType(),
        e.fileSize(),
        e.fileSha256(),
        e.archivedBy(),
        e.archivedAt(),
        e.prevHash(),
        ArchiveChain.entryHash(e),
        e.box(),
        e.shelf(),
        e.status(),
        e.destroyedOn(),
        e.destructionId());
  }

  private Reason checkEntry(ArchiveEntry entry) {
    byte[] content = repository.content(entry.id()).orElse(new byte[0]);
    if (content.length != entry.fileSize()
        || !ArchiveChain.sha256(content).equals(entry.fileSha256())) {
      return Reason.FILE_CHANGED;
    }
    return ArchiveChain.entryHash(entry).equals(entry.entryHash()) ? null : Reason.CONTENT_CHANGED;
  }

  /** The first entry (by seq) whose state columns differ from what its events say. */
  private static Optional<BrokenRecord> stateChanges(
      List<ArchiveEntry> entries, List<ArchiveEvent> events) {
    Map<String, ArchiveEvent> lastLocation = new HashMap<>();
    Map<String, ArchiveEvent> destruction = new HashMap<>();
    for (ArchiveEvent event : events) {
      if (event.type() == ArchiveEventType.LOCATION) {
        lastLocation.put(event.entryId(), event);
      } else if (event.type() == ArchiveEventType.DESTROYED) {
        destruction.putIfAbsent(event.entryId(), event);
      }
    }
    for (ArchiveEntry entry : entries) {
      ArchiveEvent location = lastLocation.get(entry.id());
      ArchiveEvent destroyed = destruction.get(entry.id());
      boolean locationMatches =
          Objects.equals(entry.box(), location == null ? null : location.box())
              && Objects.equals(entry.shelf(), location == null ? null : location.shelf());
      boolean stateMatches =
          destroyed == null
              ? entry.status() == ArchiveEntryStatus.ARCHIVED
                  && entry.destroyedOn() == null
                  && entry.destructionId() == null
              : entry.status() == ArchiveEntryStatus.DESTROYED
                  && Objects.equals(entry.destroyedOn(), destroyed.destroyedOn())
                  && Objects.equals(entry.destructionId(), destroyed.destructionId());
      if (!locationMatches || !stateMatches) {
        return Optional.of(
            new BrokenRecord(
                entry.id(),
                entry.seq(),
                "ENTRY",
                entry.id(),
                entry.title(),
                Reason.STATE_CHANGED,
                Reason.STATE_CHANGED.message()));
      }
    }
    return Optional.empty();
  }

  /** One record of the chain: an entry or an event. */
  /** The newest record of the chain (its sequence number and hash): the value to keep a copy of off-site. */
  public Optional<ChainHead> head() {
    Optional<ArchiveEntry> entry =
        repository.chainEntries().stream().max(Comparator.comparingInt(ArchiveEntry::seq));
    Optional<ArchiveEvent> event =
        repository.chainEvents().stream().max(Comparator.comparingInt(ArchiveEvent::seq));
    if (event.isPresent() && (entry.isEmpty() || event.get().seq() > entry.get().seq())) {
      return Optional.of(
          new ChainHead(
              event.get().seq(), event.get().eventHash(), "EVENT", event.get().occurredAt()));
    }
    return entry.map(e -> new ChainHead(e.seq(), e.entryHash(), "ENTRY", e.archivedAt()));
  }

  private record Link(int seq, ArchiveEntry entry, ArchiveEvent event) {

    String prevHash() {
      return entry != null ? entry.prevHash() : event.prevHash();
    }

    String hash() {
      return entry != null ? entry.entryHash() : event.eventHash();
    }

    BrokenRecord broken(Reason reason, Map<String, ArchiveEntry> entries) {
      if (entry != null) {
        return new BrokenRecord(
            entry.id(), seq, "ENTRY", entry.id(), entry.title(), reason, reason.message());
      }
      ArchiveEntry of = entries.get(event.entryId());
      return new BrokenRecord(
          event.id(),
          seq,
          "EVENT",
          event.entryId(),
          of == null ? null : of.title(),
          reason,
          reason.message());
    }
  }

  // --- validation

  private static void validate(NewArchiveEntry e) {
    if (e.year() < 1900 || e.year() > 2100) {
      throw new ValidationException("year", "归档年度必须在 1900 至 2100 之间，收到：" + e.year());
    }
    text("departmentId", e.departmentId(), 64, "部门");
    text("departmentName", e.departmentName(), 100, "部门名称");
    if (!SECRECIES.contains(e.secrecy())) {
      throw new ValidationException(
          "secrecy", "密级必须是 " + String.join("、", SECRECIES) + " 之一，收到：" + e.secrecy());
    }
    if (e.source() == null) {
      throw new ValidationException("source", "必须说明来源（发文或收文）");
    }
    text("sourceId", e.sourceId(), 64, "来源编号");
    text("title", e.title(), 500, "标题");
    if (e.documentNumber() != null && e.documentNumber().length() > 64) {
      throw new ValidationException("documentNumber", "文号不能超过 64 字");
    }
    text("fileName", e.fileName(), 255, "文件名");
    text("mediaType", e.mediaType(), 200, "文件类型");
    if (e.content() == null || e.content().length == 0) {
      throw new ValidationException("file", "电子文件不能为空");
    }
    if (e.box() != null && !e.box().isBlank()) {
      location("box", e.box(), "盒号");
    }
    if (e.shelf() != null && !e.shelf().isBlank()) {
      location("shelf", e.shelf(), "架位");
    }
  }

  private static void text(String field, String value, int max, String label) {
    if (value == null || value.isBlank()) {
      throw new ValidationException(field, label + "必须填写");
    }
    if (value.strip().length() > max) {
      throw new ValidationException(field, label + "不能超过 " + max + " 字");
    }
  }

  private static String location(String field, Object value, String label) {
    if (value == null || (value instanceof String s && s.isBlank())) {
      throw new ValidationException(field, label + "必须填写");
    }
    if (!(value instanceof String text)) {
      throw new ValidationException(field, label + "必须是文本");
    }
    String v = text.strip();
    if (v.length() > MAX_LOCATION) {
      throw new ValidationException(field, label + "不能超过 " + MAX_LOCATION + " 字");
    }
    if (CONTROL.matcher(v).find()) {
      throw new ValidationException(field, label + "不能包含换行或控制字符");
    }
    return v;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
