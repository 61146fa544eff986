package cn.officeflow.platform.hashchain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * The arithmetic of the project's hash chains (the archive, the access audit log): SHA-256 (hex, lower case)
 * over a canonical serialisation of a record's immutable fields. The serialisation is versioned, lists every
 * field by name in a fixed order and prefixes each value with its length, so no two different records
 * serialise alike (no field can "borrow" characters from its neighbour) and null differs from the empty
 * string. Timestamps are hashed to the second: MySQL connections run with {@code sendFractionalSeconds=false}.
 */
public final class CanonicalHash {

  /** prev_hash of the first record of a chain. */
  public static final String GENESIS = "0".repeat(64);

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

  private final StringBuilder text = new StringBuilder();

  private CanonicalHash(String version) {
    text.append(version).append('\n');
  }

  /** A serialisation of the given version ({@code OFAE1}, …); add the fields in their fixed order. */
  public static CanonicalHash of(String version) {
    return new CanonicalHash(version);
  }

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

  /** {@code name=<length>:<value>\n}, {@code name=~\n} for null. */
  public CanonicalHash field(String name, Object value) {
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

  public byte[] bytes() {
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** SHA-256 of the serialisation. */
  public String hash() {
    return sha256(bytes());
  }
}
