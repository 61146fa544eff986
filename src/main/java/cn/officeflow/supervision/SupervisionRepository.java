package cn.officeflow.supervision;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of 督查督办: items, 进度反馈 and the 通报 list. */
@Repository
public class SupervisionRepository {

  private static final String ITEM_COLUMNS =
      """
      id, process_instance_id, title, basis, requirements, department, department_name, handler, handler_name,
      initiator, initiator_name, started_at, due, due_at, yellow_at, light, status, score, remarks, escalated_to,
      completed_at, assisting_departments, incoming_document_id""";

  private final JdbcClient jdbc;

  public SupervisionRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(SupervisionItem item) {
    jdbc.sql(
            """
        insert into of_supervision_item (id, process_instance_id, title, basis, requirements, department,
          department_name, initiator, initiator_name, started_at, due, due_at, yellow_at, light, status, updated_at,
          assisting_departments, incoming_document_id)
        values (:id, :pi, :title, :basis, :requirements, :department, :departmentName, :initiator, :initiatorName,
          :startedAt, :due, :dueAt, :yellowAt, :light, :status, :startedAt, :assisting, :incoming)""")
        .param("id", item.id())
        .param("pi", item.processInstanceId())
        .param("title", item.title())
        .param("basis", item.basis())
        .param("requirements", item.requirements())
        .param("department", item.department())
        .param("departmentName", item.departmentName())
        .param("initiator", item.initiator())
        .param("initiatorName", item.initiatorName())
        .param("startedAt", item.startedAt())
        .param("due", item.due())
        .param("dueAt", item.dueAt())
        .param("yellowAt", item.yellowAt())
        .param("light", item.light().name())
        .param("status", item.status().name())
        .param("assisting", item.assistingDepartments())
        .param("incoming", item.incomingDocumentId())
        .update();
  }

  public void assignHandler(String id, String handler, String handlerName, LocalDateTime now) {
    jdbc.sql(
            """
        update of_supervision_item set handler = :handler, handler_name = :name, status = :status, updated_at = :now
        where id = :id""")
        .param("handler", handler)
        .param("name", handlerName)
        .param("status", SupervisionStatus.HANDLING.name())
        .param("now", now)
        .param("id", id)
        .update();
  }

  public void updateStatus(String id, SupervisionStatus status, LocalDateTime now) {
    jdbc.sql("update of_supervision_item set status = :status, updated_at = :now where id = :id")
        .param("status", status.name())
        .param("now", now)
        .param("id", id)
        .update();
  }

  public void updateLight(String id, Light light, LocalDateTime now) {
    jdbc.sql("update of_supervision_item set light = :light, updated_at = :now where id = :id")
        .param("light", light.name())
        .param("now", now)
        .param("id", id)
        .update();
  }

  public void escalate(String id, String escalatedTo, LocalDateTime now) {
    jdbc.sql("update of_supervision_item set escalated_to = :to, updated_at = :now where id = :id")
        .param("to", escalatedTo)
        .param("now", now)
        .param("id", id)
        .update();
  }

  public void escalationNote(String id, String note, LocalDateTime now) {
    jdbc.sql(
            "update of_supervision_item set escalation_note = :note, updated_at = :now where id = :id")
        .param("note", note)
        .param("now", now)
        .param("id", id)
        .update();
  }

  public void assess(String id, int score, String remarks, LocalDateTime now) {
    jdbc.sql(
            """
        update of_supervision_item set score = :score, remarks = :remarks, status = :status, completed_at = :now,
          updated_at = :now where id = :id""")
        .param("score", score)
        .param("remarks", remarks)
        .param("status", SupervisionStatus.DONE.name())
        .param("now", now)
        .param("id", id)
        .update();
  }

  public Optional<SupervisionItem> find(String id) {
    return jdbc.sql("select " + ITEM_COLUMNS + " from of_supervision_item where id = :id")
        .param("id", id)
        .query(SupervisionRepository::item)
        .optional();
  }

  /** The 督办 item of a 收文, if it has one. */
  public Optional<SupervisionItem> findByIncoming(String incomingDocumentId) {
    return jdbc
        .sql(
            "select "
                + ITEM_COLUMNS
                + " from of_supervision_item where incoming_document_id = :doc"
                + " order by started_at desc")
        .param("doc", incomingDocumentId)
        .query(SupervisionRepository::item)
        .list()
        .stream()
        .findFirst();
  }

  /** Items, optionally of one light, by due date. */
  public List<SupervisionItem> list(Light light) {
    if (light == null) {
      return jdbc.sql(
              "select " + ITEM_COLUMNS + " from of_supervision_item order by due, started_at")
          .query(SupervisionRepository::item)
          .list();
    }
    return jdbc.sql(
            "select "
                + ITEM_COLUMNS
                + " from of_supervision_item where light = :light order by due, started_at")
        .param("light", light.name())
        .query(SupervisionRepository::item)
        .list();
  }

  public void insertFeedback(
      String itemId,
      String progress,
      boolean finished,
      String userId,
      String userName,
      LocalDateTime now) {
    jdbc.sql(
            """
        insert into of_supervision_feedback (id, item_id, progress, finished, user_id, user_name, created_at)
        values (:id, :item, :progress, :finished, :user, :name, :now)""")
        .param("id", UUID.randomUUID().toString())
        .param("item", itemId)
        .param("progress", progress)
        .param("finished", finished ? 1 : 0)
        .param("user", userId)
        .param("name", userName)
        .param("now", now)
        .update();
  }

  public List<Feedback> feedback(String itemId) {
    return jdbc.sql(
            """
        select progress, finished, user_id, user_name, created_at from of_supervision_feedback
        where item_id = :item order by created_at, id""")
        .param("item", itemId)
        .query(
            (rs, i) ->
                new Feedback(
                    rs.getString("progress"),
                    rs.getInt("finished") == 1,
                    rs.getString("user_id"),
                    rs.getString("user_name"),
                    rs.getObject("created_at", LocalDateTime.class)))
        .list();
  }

  public boolean hasBulletin(String itemId, String kind) {
    return jdbc.sql(
                "select count(*) from of_supervision_bulletin where item_id = :item and kind = :kind")
            .param("item", itemId)
            .param("kind", kind)
            .query(Integer.class)
            .single()
        > 0;
  }

  public void insertBulletin(BulletinEntry e) {
    jdbc.sql(
            """
        insert into of_supervision_bulletin (id, item_id, kind, title, department, department_name, handler,
          handler_name, due, escalated_to, escalated_to_names, note, created_at)
        values (:id, :item, :kind, :title, :department, :departmentName, :handler, :handlerName, :due, :to,
          :toNames, :note, :createdAt)""")
        .param("id", e.id())
        .param("item", e.itemId())
        .param("kind", e.kind())
        .param("title", e.title())
        .param("department", e.department())
        .param("departmentName", e.departmentName())
        .param("handler", e.handler())
        .param("handlerName", e.handlerName())
        .param("due", e.due())
        .param("to", e.escalatedTo())
        .param("toNames", e.escalatedToNames())
        .param("note", e.note())
        .param("createdAt", e.createdAt())
        .update();
  }

  public List<BulletinEntry> bulletin() {
    return jdbc.sql(
            """
        select id, item_id, kind, title, department, department_name, handler, handler_name, due, escalated_to,
          escalated_to_names, note, created_at from of_supervision_bulletin order by created_at desc, id""")
        .query(
            (rs, i) ->
                new BulletinEntry(
                    rs.getString("id"),
                    rs.getString("item_id"),
                    rs.getString("kind"),
                    rs.getString("title"),
                    rs.getString("department"),
                    rs.getString("department_name"),
                    rs.getString("handler"),
                    rs.getString("handler_name"),
                    rs.getObject("due", LocalDate.class),
                    rs.getString("escalated_to"),
                    rs.getString("escalated_to_names"),
                    rs.getString("note"),
                    rs.getObject("created_at", LocalDateTime.class)))
        .list();
  }

  private static SupervisionItem item(ResultSet rs, int row) throws SQLException {
    return new SupervisionItem(
        rs.getString("id"),
        rs.getString("process_instance_id"),
        rs.getString("title"),
        rs.getString("basis"),
        rs.getString("requirements"),
        rs.getString("department"),
        rs.getString("department_name"),
        rs.getString("handler"),
        rs.getString("handler_name"),
        rs.getString("initiator"),
        rs.getString("initiator_name"),
        rs.getObject("started_at", LocalDateTime.class),
        rs.getObject("due", LocalDate.class),
        rs.getObject("due_at", LocalDateTime.class),
        rs.getObject("yellow_at", LocalDateTime.class),
        Light.valueOf(rs.getString("light")),
        SupervisionStatus.valueOf(rs.getString("status")),
        (Integer) rs.getObject("score"),
        rs.getString("remarks"),
        rs.getString("escalated_to"),
        rs.getObject("completed_at", LocalDateTime.class),
        rs.getString("assisting_departments"),
        rs.getString("incoming_document_id"));
  }

  public void insertAssist(
      String itemId,
      String department,
      String departmentName,
      String opinion,
      String userId,
      String userName,
      LocalDateTime now) {
    jdbc.sql(
            """
        insert into of_supervision_assist (id, item_id, department, department_name, opinion, user_id, user_name,
          created_at)
        values (:id, :item, :department, :departmentName, :opinion, :user, :name, :now)""")
        .param("id", UUID.randomUUID().toString())
        .param("item", itemId)
        .param("department", department)
        .param("departmentName", departmentName)
        .param("opinion", opinion)
        .param("user", userId)
        .param("name", userName)
        .param("now", now)
        .update();
  }

  public List<Assist> assists(String itemId) {
    return jdbc.sql(
            """
        select department, department_name, opinion, user_id, user_name, created_at from of_supervision_assist
        where item_id = :item order by created_at, id""")
        .param("item", itemId)
        .query(
            (rs, i) ->
                new Assist(
                    rs.getString("department"),
                    rs.getString("department_name"),
                    rs.getString("opinion"),
                    rs.getString("user_id"),
                    rs.getString("user_name"),
                    rs.getObject("created_at", LocalDateTime.class)))
        .list();
  }

  /** One 协办意见 of an assisting department. */
  public record Assist(
      String department,
      String departmentName,
      String opinion,
      String userId,
      String userName,
      LocalDateTime at) {}

  /** One 进度反馈. */
  public record Feedback(
      String progress, boolean finished, String userId, String userName, LocalDateTime at) {}
}
