package cn.officeflow.platform.archive;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * The hash chain's arithmetic: SHA-256 (hex, lower case) over a canonical serialisation of a record's
 * immutable fields. The serialisation is versioned ({@code OFAE1} / {@code OFAV1}), lists every field by
 * name in a fixed order and prefixes each value with its length, so no two different records serialise
 * alike (no field can "borrow" characters from its neighbour) and null differs from the empty string.
 * Timestamps are hashed to the second: MySQL connections run with {@code sendFractionalSeconds=false}.
 */
public final class ArchiveChain {

  /** prev_hash of the first record of the chain. */
  public static final String GENESIS = "0".repeat(64);

  /** The gapless counter (NumberingService) that orders the chain: key, year 0 (one chain for all years). */
  public static final String COUNTER_KEY = "archive-chain";

  public static final int COUNTER_YEAR = 0;

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

  private ArchiveChain() {}

  /** Time as stored and hashed: truncated to whole seconds. */
  public static LocalDateTime truncate(LocalDateTime time) {
    return time.truncatedTo(ChronoUnit.SECONDS);
  }

  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 not available", e);
    }
  }

  /** Hash of an entry: its content fields, the file's SHA-256 and prev_hash. */
  public static String entryHash(ArchiveEntry e) {
    return sha256(
        new Canonical("OFAE1")
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
        new Canonical("OFAV1")
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

  /** {@code name=<length>:<value>\n} per field, {@code name=~\n} for null. */
  static final class Canonical {

    private final StringBuilder text = new StringBuilder();

    Canonical(String version) {
      text.append(version).append('\n');
    }

    Canonical field(String name, Object value) {
      text.append(name).append('=');
      if (value == null) {
        text.append('~');
      } else {
        String v;
        if (value instanceof LocalDateTime t) {
          v = TIME.format(truncate(t));
        } else {
          v = value.toString();
        }
        text.append(v.length()).append(':').append(v);
      }
      text.append('\n');
      return this;
    }

    byte[] bytes() {
      return text.toString().getBytes(StandardCharsets.UTF_8);
    }
  }
}
