package cn.officeflow.platform.taskops;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class SignersRepository {

  private static final String COLUMNS =
      "id, task_id, subtask_id, business_key, process_key, process_instance_id,"
          + " step_id, step_name, user_id, mode, seq, added_by, added_at, decision, comment, decided_at";
  private static final RowMapper<Signer> ROW =
      (rs, i) ->
          new Signer(
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
              rs.getInt(11),
              rs.getString(12),
              rs.getObject(13, LocalDateTime.class),
              rs.getString(14),
              rs.getString(15),
              rs.getObject(16, LocalDateTime.class));

  /** The assignee's decision held until the after-signers have decided. */
  public record Hold(
      String taskId, String userId, String decision, String comment, LocalDateTime heldAt) {}

  private final JdbcClient jdbc;

  public SignersRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(Signer s) {
    jdbc.sql(
            "insert into of_signer ("
                + COLUMNS
                + ") values (:id, :task, :subtask, :bk, :pk, :pi, :stepId, :step,"
                + " :user, :mode, :seq, :by, :at, :decision, :comment, :decidedAt)")
        .param("id", s.id())
        .param("task", s.taskId())
        .param("subtask", s.subtaskId())
        .param("bk", s.businessKey())
        .param("pk", s.processKey())
        .param("pi", s.processInstanceId())
        .param("stepId", s.stepId())
        .param("step", s.stepName())
        .param("user", s.userId())
        .param("mode", s.mode())
        .param("seq", s.seq())
        .param("by", s.addedBy())
        .param("at", s.addedAt())
        .param("decision", s.decision())
        .param("comment", s.comment())
        .param("decidedAt", s.decidedAt())
        .update();
  }

  /** The signers of a main task in the order they were added. */
  public List<Signer> forTask(String taskId) {
    return jdbc.sql("select " + COLUMNS + " from of_signer where task_id = :task order by seq, id")
        .param("task", taskId)
        .query(ROW)
        .list();
  }

  /**
   * The same, locking the rows until the transaction ends: signers deciding at the same moment take turns, so
   * exactly one of them sees that all have decided.
   */
  public List<Signer> forTaskLocked(String taskId) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from of_signer where task_id = :task order by seq, id for update")
        .param("task", taskId)
        .query(ROW)
        .list();
  }

  public Optional<Signer> bySubtask(String subtaskId) {
    return jdbc.sql("select " + COLUMNS + " from of_signer where subtask_id = :subtask")
        .param("subtask", subtaskId)
        .query(ROW)
        .optional();
  }

  public int nextSeq(String taskId) {
    return jdbc.sql("select coalesce(max(seq), 0) + 1 from of_signer where task_id = :task")
        .param("task", taskId)
        .query(Integer.class)
        .single();
  }

  public void setSubtask(String id, String subtaskId) {
    jdbc.sql("update of_signer set subtask_id = :subtask where id = :id")
        .param("subtask", subtaskId)
        .param("id", id)
        .update();
  }

  /** Records the decision unless there already is one; whether this call did. */
  public boolean decide(String id, String decision, String comment, LocalDateTime at) {
    return jdbc.sql(
                "update of_signer set decision = :decision, comment = :comment, decided_at = :at"
                    + " where id = :id and decision is null")
            .param("decision", decision)
            .param("comment", comment)
            .param("at", at)
            .param("id", id)
            .update()
        == 1;
  }

  /** Deletes an undecided signer; whether this call did. */
  public boolean deleteUndecided(String id) {
    return jdbc.sql("delete from of_signer where id = :id and decision is null")
            .param("id", id)
            .update()
        == 1;
  }

  /** Deletes the after-signers of a task who never got their turn (the assignee rejected). */
  public void deleteWaiting(String taskId) {
    jdbc.sql(
            "delete from of_signer where task_id = :task and subtask_id is null and decision is null")
        .param("task", taskId)
        .update();
  }

  /**
   * Ends the undecided signers of a task that was deleted (decision {@value Signer#CANCELLED}, with the reason as
   * comment) and drops its held decision; how many signers were ended.
   */
  public int cancelUndecided(String taskId, String reason, LocalDateTime at) {
    jdbc.sql("delete from of_signer_hold where task_id = :task").param("task", taskId).update();
    return jdbc.sql(
            "update of_signer set decision = :decision, comment = :comment, decided_at = :at"
                + " where task_id = :task and decision is null")
        .param("decision", Signer.CANCELLED)
        .param("comment", reason)
        .param("at", at)
        .param("task", taskId)
        .update();
  }

  public boolean isSignerOf(String businessKey, String userId) {
    return jdbc.sql("select count(*) from of_signer where business_key = :bk and user_id = :user")
            .param("bk", businessKey)
            .param("user", userId)
            .query(Integer.class)
            .single()
        > 0;
  }

  public List<String> processInstancesSignedBy(String userId) {
    return jdbc.sql("select distinct process_instance_id from of_signer where user_id = :user")
        .param("user", userId)
        .query(String.class)
        .list();
  }

  public void hold(Hold hold) {
    jdbc.sql(
            "insert into of_signer_hold (task_id, user_id, decision, comment, held_at)"
                + " values (:task, :user, :decision, :comment, :at)")
        .param("task", hold.taskId())
        .param("user", hold.userId())
        .param("decision", hold.decision())
        .param("comment", hold.comment())
        .param("at", hold.heldAt())
        .update();
  }

  public Optional<Hold> held(String taskId) {
    return jdbc.sql(
            "select task_id, user_id, decision, comment, held_at from of_signer_hold where task_id = :task")
        .param("task", taskId)
        .query(
            (rs, i) ->
                new Hold(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getObject(5, LocalDateTime.class)))
        .optional();
  }
}
