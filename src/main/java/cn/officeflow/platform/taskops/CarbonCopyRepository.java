package cn.officeflow.platform.taskops;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class CarbonCopyRepository {

  private static final String COLUMNS =
      "id, business_key, process_key, process_name, process_instance_id, task_id,"
          + " task_name, title, user_id, cc_by, cc_by_name, cc_at, read_at";
  private static final RowMapper<CarbonCopy> ROW =
      (rs, i) ->
          new CarbonCopy(
              rs.getString(1),
              rs.getString(2),
              rs.getString(3),
              rs.getString(4),
              rs.getString(5),
              rs.getString(6),
              rs.getString(7),
              rs.getString(8),
              rs.getString(9),
              rs.getString(10),
              rs.getString(11),
              rs.getObject(12, LocalDateTime.class),
              rs.getObject(13, LocalDateTime.class));

  private final JdbcClient jdbc;

  public CarbonCopyRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(CarbonCopy cc) {
    jdbc.sql(
            "insert into of_cc ("
                + COLUMNS
                + ") values (:id, :bk, :pk, :pn, :pi, :task, :taskName, :title, :user,"
                + " :by, :byName, :at, :readAt)")
        .param("id", cc.id())
        .param("bk", cc.businessKey())
        .param("pk", cc.processKey())
        .param("pn", cc.processName())
        .param("pi", cc.processInstanceId())
        .param("task", cc.taskId())
        .param("taskName", cc.taskName())
        .param("title", cc.title())
        .param("user", cc.userId())
        .param("by", cc.ccBy())
        .param("byName", cc.ccByName())
        .param("at", cc.ccAt())
        .param("readAt", cc.readAt())
        .update();
  }

  /** The users among {@code userIds} who already have a 抄送 of the record. */
  public List<String> alreadyCopied(String businessKey, Collection<String> userIds) {
    if (userIds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(
            "select user_id from of_cc where business_key = :bk and user_id in (:users) order by user_id")
        .param("bk", businessKey)
        .param("users", userIds)
        .query(String.class)
        .list();
  }

  public Optional<CarbonCopy> find(String id) {
    return jdbc.sql("select " + COLUMNS + " from of_cc where id = :id")
        .param("id", id)
        .query(ROW)
        .optional();
  }

  /** 抄送我的: newest first; only unread ones when {@code unreadOnly}. */
  public List<CarbonCopy> forUser(String userId, boolean unreadOnly) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from of_cc where user_id = :user"
                + (unreadOnly ? " and read_at is null" : "")
                + " order by cc_at desc, id")
        .param("user", userId)
        .query(ROW)
        .list();
  }

  /** Marks it read unless it already is; whether this call did. */
  public boolean markRead(String id, LocalDateTime at) {
    return jdbc.sql("update of_cc set read_at = :at where id = :id and read_at is null")
            .param("at", at)
            .param("id", id)
            .update()
        == 1;
  }

  public boolean isCopiedTo(String businessKey, String userId) {
    return jdbc.sql("select count(*) from of_cc where business_key = :bk and user_id = :user")
            .param("bk", businessKey)
            .param("user", userId)
            .query(Integer.class)
            .single()
        > 0;
  }

  public List<String> processInstancesCopiedTo(String userId) {
    return jdbc.sql("select distinct process_instance_id from of_cc where user_id = :user")
        .param("user", userId)
        .query(String.class)
        .list();
  }
}
