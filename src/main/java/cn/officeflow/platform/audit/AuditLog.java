package cn.officeflow.platform.audit;

import cn.officeflow.platform.audit.AuditRepository.Checkpoint;
import cn.officeflow.platform.audit.AuditVerification.Broken;
import cn.officeflow.platform.audit.AuditVerification.Reason;
import cn.officeflow.platform.engine.EngineClock;
import cn.officeflow.platform.hashchain.CanonicalHash;
import cn.officeflow.platform.numbering.NumberingService;
import java.time.LocalDateTime;
import java.time.Period;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 安全审计: the append-only access audit log (等保 三级) — logins, reads of business records and files, exports
 * and administrative changes — protected like the archive by a hash chain.
 *
 * <h2>The chain</h2>
 * Records are ordered by a gapless sequence number from {@link NumberingService} (key {@value #COUNTER_KEY},
 * year 0). Taking the number is an UPDATE of the counter row that stays locked until commit, so appends are
 * serialised across nodes and the record before is committed when the next one reads its hash. Each record
 * stores that hash ({@code prev_hash}; {@link CanonicalHash#GENESIS} for number 1) and its own hash over all its
 * fields ({@link AuditEvent#computeHash}, the archive's canonical serialisation).
 *
 * <h2>Retention</h2>
 * Records older than {@code officeflow.audit.retention} (at least and by default 180 days) are purged by a
 * scheduled job ({@code officeflow.audit.purge-cron}, 03:30 every night). A purge first verifies the chain
 * (a broken chain is never purged: the evidence stays), records a checkpoint (the last purged number and its
 * hash) and appends a {@link AuditEventType#PURGE} event naming the checkpoint. Verification starts from the
 * latest checkpoint and requires the PURGE event that confirms it, so the remaining chain stays verifiable
 * and a forged checkpoint (rows deleted by hand) is reported.
 *
 * <h2>Verification</h2>
 * {@link #verify} reports the first record whose number or prev_hash does not follow its predecessor
 * (LINK_BROKEN, also for records deleted from the end: the counter is ahead of the last record), or whose
 * recomputed hash differs from the stored one (CONTENT_CHANGED, e.g. an SQL UPDATE of a row). A chain
 * rewritten with fresh hashes is found only against a copy of the head kept elsewhere ({@link #head}).
 */
@Service
public class AuditLog {

  private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);

  public static final String COUNTER_KEY = "audit-chain";
  public static final int COUNTER_YEAR = 0;
  public static final Period MINIMUM_RETENTION = Period.ofDays(180);

  static final int MAX_ACTION = 100;
  static final int MAX_TARGET = 500;
  static final int MAX_DETAIL = 1000;
  static final int MAX_USER = 128;
  static final int MAX_ADDRESS = 64;

  private final AuditRepository repository;
  private final NumberingService numbering;
  private final Period retention;

  public AuditLog(
      AuditRepository repository,
      NumberingService numbering,
      @Value("${officeflow.audit.retention:P180D}") Period retention) {
    if (retention.toTotalMonths() == 0 && retention.getDays() < MINIMUM_RETENTION.getDays()) {
      throw new IllegalStateException(
          "officeflow.audit.retention 不能少于 180 天（等保三级要求审计记录至少保存 180 天）：" + retention);
    }
    this.repository = repository;
    this.numbering = numbering;
    this.retention = retention;
  }

  /**
   * Appends a record in the caller's transaction (the engine's, for administrative changes: rolled back with
   * the change) or in a transaction of its own. Values are cut to their column's size.
   */
  @Transactional
  public AuditEvent record(
      AuditEventType type,
      String action,
      String userId,
      String sourceAddress,
      String target,
      String result,
      String detail) {
    int seq = numbering.next(COUNTER_KEY, COUNTER_YEAR);
    AuditEvent event =
        new AuditEvent(
                UUID.randomUUID().toString(),
                0,
                type,
                cut(action, MAX_ACTION),
                cut(userId, MAX_USER),
                CanonicalHash.truncate(EngineClock.now()),
                cut(sourceAddress, MAX_ADDRESS),
                cut(target, MAX_TARGET),
                result,
                cut(detail, MAX_DETAIL),
                null,
                null)
            .withChain(seq, previousHash(seq));
    repository.insert(event);
    return event;
  }

  public List<AuditEvent> search(
      String user, AuditEventType type, LocalDateTime from, LocalDateTime to, int limit) {
    return repository.search(user, type, from, to, limit);
  }

  /** The newest record (seq, hash) to keep a copy of off-site; empty while the log is empty. */
  public Optional<AuditEvent> head() {
    return repository.newest();
  }

  @Transactional(readOnly = true)
  public AuditVerification verify(Integer headSeq, String headHash) {
    Optional<Checkpoint> checkpoint = repository.checkpoint();
    List<AuditEvent> chain = repository.chain();
    String previousHash = checkpoint.map(Checkpoint::hash).orElse(CanonicalHash.GENESIS);
    int expected = checkpoint.map(c -> c.seq() + 1).orElse(1);
    int checked = 0;
    Broken broken = null;
    for (AuditEvent event : chain) {
      Reason reason = null;
      if (event.seq() != expected || !Objects.equals(event.prevHash(), previousHash)) {
        reason = Reason.LINK_BROKEN;
      } else if (!Objects.equals(event.computeHash(), event.hash())) {
        reason = Reason.CONTENT_CHANGED;
      }
      if (reason != null) {
        broken = new Broken(event.id(), event.seq(), reason, reason.message());
        break;
      }
      checked++;
      previousHash = event.hash();
      expected = event.seq() + 1;
    }
    int counter = repository.counter(COUNTER_KEY, COUNTER_YEAR);
    if (broken == null && counter > expected - 1) {
      broken =
          new Broken(
              null,
              expected,
              Reason.LINK_BROKEN,
              "链尾记录缺失：计数器已到 " + counter + "，链上最后一条为 " + (expected - 1));
    }
    if (broken == null && checkpoint.isPresent()) {
      String confirmation = checkpointTarget(checkpoint.get().seq(), checkpoint.get().hash());
      boolean confirmed =
          chain.stream()
              .anyMatch(e -> e.type() == AuditEventType.PURGE && confirmation.equals(e.target()));
      if (!confirmed) {
        broken =
            new Broken(
                null,
                checkpoint.get().seq(),
                Reason.CHECKPOINT_UNCONFIRMED,
                Reason.CHECKPOINT_UNCONFIRMED.message());
      }
    }
    if (broken == null && headSeq != null) {
      Optional<AuditEvent> kept = chain.stream().filter(e -> e.seq() == headSeq).findFirst();
      if (kept.isEmpty() || !kept.get().hash().equals(headHash)) {
        broken =
            new Broken(
                kept.map(AuditEvent::id).orElse(null),
                headSeq,
                Reason.HEAD_MISMATCH,
                Reason.HEAD_MISMATCH.message());
      }
    }
    if (broken == null) {
      return new AuditVerification(true, checked, null);
    }
    LOG.warn("篡改预警：审计日志哈希链在第 {} 条记录处断开（{}，{}）", broken.seq(), broken.reason(), broken.id());
    return new AuditVerification(false, checked, broken);
  }

  /** The nightly purge of records older than the retention (a no-op when there are none). */
  @Scheduled(cron = "${officeflow.audit.purge-cron:0 30 3 * * *}", zone = "Asia/Shanghai")
  public void scheduledPurge() {
    try {
      purge();
    } catch (RuntimeException e) {
      LOG.error("审计日志保留期清理失败", e);
    }
  }

  /**
   * Deletes the records older than the retention and records a checkpoint; refused (nothing deleted) while the
   * chain is broken. Returns the number of records deleted.
   */
  @Transactional
  public int purge() {
    LocalDateTime cutoff = EngineClock.now().minus(retention);
    Optional<Integer> last = repository.lastSeqBefore(cutoff);
    if (last.isEmpty()) {
      return 0;
    }
    // the chain's number first: it locks the chain against appends on every node until commit
    int seq = numbering.next(COUNTER_KEY, COUNTER_YEAR);
    AuditVerification verification = verify(null, null);
    if (!verification.intact() && verification.firstBroken().seq() < seq) {
      throw new IllegalStateException(
          "审计日志哈希链已断开（第 "
              + verification.firstBroken().seq()
              + " 条），不执行保留期清理，以保全证据："
              + verification.firstBroken().message());
    }
    int through = last.get();
    String throughHash =
        repository
            .hashAt(through)
            .orElseThrow(() -> new IllegalStateException("审计日志第 " + through + " 条记录缺失"));
    int deleted = repository.deleteThrough(through);
    repository.insertCheckpoint(
        UUID.randomUUID().toString(), through, throughHash, deleted, EngineClock.now());
    AuditEvent purge =
        new AuditEvent(
                UUID.randomUUID().toString(),
                0,
                AuditEventType.PURGE,
                "保留期清理",
                "system",
                CanonicalHash.truncate(EngineClock.now()),
                null,
                checkpointTarget(through, throughHash),
                AuditEvent.SUCCESS,
                "清理早于 " + cutoff.toLocalDate() + " 的审计记录 " + deleted + " 条（第 1–" + through + " 条）",
                null,
                null)
            .withChain(seq, previousHash(seq));
    repository.insert(purge);
    LOG.info("审计日志保留期清理：删除 {} 条（至第 {} 条），检查点哈希 {}", deleted, through, throughHash);
    return deleted;
  }

  static String checkpointTarget(int seq, String hash) {
    return "checkpoint:" + seq + ":" + hash;
  }

  /**
   * The hash of record {@code seq - 1} (or of the checkpoint that ends there). When that record is missing
   * (deleted by hand), the log goes on from the newest record there is, so that deleting a row never stops the
   * audit; verification reports the gap.
   */
  private String previousHash(int seq) {
    if (seq == 1) {
      return CanonicalHash.GENESIS;
    }
    return repository
        .hashAt(seq - 1)
        .or(() -> repository.checkpoint().filter(c -> c.seq() == seq - 1).map(Checkpoint::hash))
        .orElseGet(
            () -> {
              LOG.warn("篡改预警：审计日志哈希链第 {} 条记录缺失；请审计人员核查（GET /api/audit/events/verify）", seq - 1);
              return repository.newest().map(AuditEvent::hash).orElse(CanonicalHash.GENESIS);
            });
  }

  private static String cut(String value, int max) {
    if (value == null) {
      return null;
    }
    return value.length() <= max ? value : value.substring(0, max - 1) + "…";
  }
}
