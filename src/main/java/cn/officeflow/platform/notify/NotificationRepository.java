package cn.officeflow.platform.notify;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class NotificationRepository {

  /** Longest {@code last_error} kept (column varchar(2000)). */
  static final int MAX_ERROR = 2000;

  private static final String COLUMNS =
      """
      id, recipient, address, channel, template, subject, body, business_key, created_by, created_at, status,
      attempts, last_error, sent_at""";

  private final JdbcClient jdbc;

  public NotificationRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(Notification n) {
    jdbc.sql(
            """
        insert into of_notification (id, recipient, address, channel, template, subject, body, business_key,
          created_by, created_at, status, attempts, last_error, sent_at)
        values (:id, :recipient, :address, :channel, :template, :subject, :body, :businessKey, :createdBy,
          :createdAt, :status, :attempts, :lastError, :sentAt)""")
        .param("id", n.id())
        .param("recipient", n.recipient())
        .param("address", n.address())
        .param("channel", n.channel().name())
        .param("template", n.template())
        .param("subject", n.subject())
        .param("body", n.body())
        .param("businessKey", n.businessKey())
        .param("createdBy", n.createdBy())
        .param("createdAt", n.createdAt())
        .param("status", n.status().name())
        .param("attempts", n.attempts())
        .param("lastError", n.lastError())
        .param("sentAt", n.sentAt())
        .update();
  }

  public Optional<Notification> find(String id) {
    return jdbc.sql("select " + COLUMNS + " from of_notification where id = :id")
        .param("id", id)
        .query(NotificationRepository::map)
        .optional();
  }

  /** Reads and row-locks the record until the transaction ends: two deliveries of one record take turns. */
  public Optional<Notification> lock(String id) {
    return jdbc.sql("select " + COLUMNS + " from of_notification where id = :id for update")
        .param("id", id)
        .query(NotificationRepository::map)
        .optional();
  }

  public void updateAddress(String id, String address) {
    jdbc.sql("update of_notification set address = :address where id = :id")
        .param("address", address)
        .param("id", id)
        .update();
  }

  public void markSent(String id, LocalDateTime now) {
    jdbc.sql(
            """
        update of_notification set status = :status, attempts = attempts + 1, sent_at = :now
        where id = :id""")
        .param("status", NotificationStatus.SENT.name())
        .param("now", now)
        .param("id", id)
        .update();
  }

  /** SENT after a send whose first SENT record was lost with the database; a no-op when already SENT. */
  public void markSentIfNotSent(String id, LocalDateTime sentAt) {
    jdbc.sql(
            """
        update of_notification set status = :status, attempts = attempts + 1, sent_at = :sentAt
        where id = :id and status <> :status""")
        .param("status", NotificationStatus.SENT.name())
        .param("sentAt", sentAt)
        .param("id", id)
        .update();
  }

  public void recordFailure(String id, String error) {
    String text = error == null ? "" : error;
    jdbc.sql(
            """
        update of_notification set status = :status, attempts = attempts + 1, last_error = :error
        where id = :id""")
        .param("status", NotificationStatus.FAILED.name())
        .param("error", text.length() > MAX_ERROR ? text.substring(0, MAX_ERROR) : text)
        .param("id", id)
        .update();
  }

  /** Notifications not delivered yet ({@code status}: PENDING or FAILED, i.e. waiting for a retry). */
  public long countByStatus(NotificationStatus status) {
    return jdbc.sql("select count(*) from of_notification where status = :status")
        .param("status", status.name())
        .query(Long.class)
        .single();
  }

  /** Every notification of a business record, newest first. */
  public List<Notification> byBusinessKey(String businessKey) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from of_notification where business_key = :key"
                + " order by created_at desc, id")
        .param("key", businessKey)
        .query(NotificationRepository::map)
        .list();
  }

  private static Notification map(ResultSet rs, int row) throws SQLException {
    return new Notification(
        rs.getString("id"),
        rs.getString("recipient"),
        rs.getString("address"),
        Channel.valueOf(rs.getString("channel")),
        rs.getString("template"),
        rs.getString("subject"),
        rs.getString("body"),
        rs.getString("business_key"),
        rs.getString("created_by"),
        rs.getObject("created_at", LocalDateTime.class),
        NotificationStatus.valueOf(rs.getString("status")),
        rs.getInt("attempts"),
        rs.getString("last_error"),
        rs.getObject("sent_at", LocalDateTime.class));
  }
}
