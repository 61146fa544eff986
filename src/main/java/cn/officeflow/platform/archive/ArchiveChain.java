package cn.officeflow.platform.archive;

import cn.officeflow.platform.hashchain.CanonicalHash;
import java.time.LocalDateTime;

/**
 * The archive chain's hashes: SHA-256 over the canonical serialisation of {@link CanonicalHash} (versions
 * {@code OFAE1} for entries, {@code OFAV1} for events) of a record's immutable fields.
 */
public final class ArchiveChain {

  /** prev_hash of the first record of the chain. */
  public static final String GENESIS = CanonicalHash.GENESIS;

  /** The gapless counter (NumberingService) that orders the chain: key, year 0 (one chain for all years). */
  public static final String COUNTER_KEY = "archive-chain";

  public static final int COUNTER_YEAR = 0;

  private ArchiveChain() {}

  /** Time as stored and hashed: truncated to whole seconds. */
  public static LocalDateTime truncate(LocalDateTime time) {
    return CanonicalHash.truncate(time);
  }

  public static String sha256(byte[] bytes) {
    return CanonicalHash.sha256(bytes);
  }

  /** Hash of an entry: its content fields, the file's SHA-256 and prev_hash. */
  public static String entryHash(ArchiveEntry e) {
    return sha256(
        CanonicalHash.of("OFAE1")
            .field("id", e.id())
            .field("seq", e.seq())
            .field("year", e.year())
            .field("departmentId", e.departmentId())
            .field("departmentName", e.departmentName())
            .field("secrecy", e.secrecy())
            .field("source", e.source() == null ? null : e.source().name())
            .field("sourceId", e.sourceId())
            .field("title", e.title())
            .field("documentNumber", e.documentNumber())
            .field("fileName", e.fileName())
            .field("mediaType", e.mediaType())
            .field("fileSize", e.fileSize())
            .field("fileSha256", e.fileSha256())
            .field("archivedBy", e.archivedBy())
            .field("archivedAt", e.archivedAt())
            .field("prevHash", e.prevHash())
            .bytes());
  }

  /** Hash of an event: every field of it and prev_hash. */
  public static String eventHash(ArchiveEvent v) {
    return sha256(
        CanonicalHash.of("OFAV1")
            .field("id", v.id())
            .field("seq", v.seq())
            .field("entryId", v.entryId())
            .field("type", v.type() == null ? null : v.type().name())
            .field("box", v.box())
            .field("shelf", v.shelf())
            .field("destructionId", v.destructionId())
            .field("destroyedOn", v.destroyedOn())
            .field("method", v.method())
            .field("actor", v.actor())
            .field("occurredAt", v.occurredAt())
            .field("prevHash", v.prevHash())
            .bytes());
  }
}
