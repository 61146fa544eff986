package cn.officeflow.platform.audit;

import cn.officeflow.platform.hashchain.CanonicalHash;
import java.time.LocalDateTime;

/**
 * One record of the access audit log: who ({@code userId}; the name tried for a failed login), when, what
 * ({@code type}, {@code action}, {@code target}), from where ({@code sourceAddress}) and the {@code result}
 * (SUCCESS, FAILURE, DENIED), with its place in the hash chain.
 */
public record AuditEvent(
    String id,
    int seq,
    AuditEventType type,
    String action,
    String userId,
    LocalDateTime occurredAt,
    String sourceAddress,
    String target,
    String result,
    String detail,
    String prevHash,
    String hash) {

  public static final String SUCCESS = "SUCCESS";
  public static final String FAILURE = "FAILURE";
  public static final String DENIED = "DENIED";

  public String typeLabel() {
    return type.label();
  }

  /** SHA-256 over every field but the hash itself (canonical form {@code OFAU1}). */
  public String computeHash() {
    return CanonicalHash.of("OFAU1")
        .field("id", id)
        .field("seq", seq)
        .field("type", type == null ? null : type.name())
        .field("action", action)
        .field("userId", userId)
        .field("occurredAt", occurredAt)
        .field("sourceAddress", sourceAddress)
        .field("target", target)
        .field("result", result)
        .field("detail", detail)
        .field("prevHash", prevHash)
        .hash();
  }

  AuditEvent withChain(int seq, String prevHash) {
    AuditEvent linked = withHash(seq, prevHash, null);
    return linked.withHash(seq, prevHash, linked.computeHash());
  }

  private AuditEvent withHash(int seq, String prevHash, String hash) {
    return new AuditEvent(
        id,
        seq,
        type,
        action,
        userId,
        occurredAt,
        sourceAddress,
        target,
        result,
        detail,
        prevHash,
        hash);
  }
}
