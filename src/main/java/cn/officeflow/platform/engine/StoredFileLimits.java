package cn.officeflow.platform.engine;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * How large the files kept in the database (收文扫描件, archived ZIPs) may be. The configured limits
 * (spring.servlet.multipart.max-file-size a file, max-request-size a whole 收文) apply on H2; on MySQL/MariaDB a
 * row is sent in one packet, so they are capped at half of the server's {@code max_allowed_packet} less 2 MB
 * (binary data may be escaped to twice its size): MariaDB's default of 16 MB allows 7 MB. Rather than a
 * database error after the upload, the user is told the limit; the operator gets a warning at start-up with
 * the setting that lifts it.
 */
@Component
public class StoredFileLimits {

  private static final Logger LOG = LoggerFactory.getLogger(StoredFileLimits.class);
  static final long MB = 1024 * 1024;

  private final long fileBytes;
  private final long documentBytes;
  private final Long maxAllowedPacket;

  public StoredFileLimits(
      DataSource dataSource,
      @Value("${spring.servlet.multipart.max-file-size:20MB}") DataSize maxFile,
      @Value("${spring.servlet.multipart.max-request-size:50MB}") DataSize maxRequest) {
    this.maxAllowedPacket = maxAllowedPacket(dataSource);
    long cap = maxAllowedPacket == null ? Long.MAX_VALUE : cap(maxAllowedPacket);
    this.fileBytes = Math.min(maxFile.toBytes(), cap);
    this.documentBytes = Math.min(maxRequest.toBytes(), cap);
    if (maxAllowedPacket != null && cap < maxRequest.toBytes()) {
      LOG.warn(
          "数据库 max_allowed_packet 为 {} MB：收文附件上限降为单个文件 {} MB、每份收文合计 {} MB。"
              + "请在 MySQL/MariaDB 配置中设置 max_allowed_packet=256M 以使用完整上限（{} / {}）",
          maxAllowedPacket / MB,
          fileBytes / MB,
          documentBytes / MB,
          maxFile,
          maxRequest);
    }
  }

  /** The largest single file. */
  public long fileBytes() {
    return fileBytes;
  }

  /** The largest sum of the files of one record (and the archive package made of them). */
  public long documentBytes() {
    return documentBytes;
  }

  /** Why the limits are what they are, for messages: "" on H2, else the server's setting. */
  public String reason() {
    return maxAllowedPacket == null
        ? ""
        : "（受数据库 max_allowed_packet=" + maxAllowedPacket / MB + " MB 限制，可请管理员调大）";
  }

  static long cap(long maxAllowedPacket) {
    return Math.max(MB, (maxAllowedPacket - 2 * MB) / 2);
  }

  private static Long maxAllowedPacket(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection()) {
      String product = connection.getMetaData().getDatabaseProductName().toLowerCase();
      if (!product.contains("mysql") && !product.contains("mariadb")) {
        return null;
      }
      try (Statement statement = connection.createStatement();
          ResultSet rs = statement.executeQuery("select @@max_allowed_packet")) {
        return rs.next() ? rs.getLong(1) : null;
      }
    } catch (SQLException e) {
      throw new IllegalStateException(
          "cannot read the database's max_allowed_packet: " + e.getMessage(), e);
    }
  }
}
