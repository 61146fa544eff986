package cn.officeflow.supplies;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of 物资: requisitions (and loans), the asset register with its history, disposals. */
@Repository
public class SuppliesRepository {

  private final JdbcClient jdbc;

  public SuppliesRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public record Requisition(
      String id,
      String processInstanceId,
      String requester,
      String requesterName,
      String department,
      String itemId,
      String itemName,
      int quantity,
      BigDecimal totalValue,
      String kind,
      String purpose,
      LocalDate returnDate,
      String status,
      String approvedBy,
      String oldAssetTag,
      String oldCondition,
      String oldReceivedBy,
      String issuedBy,
      LocalDateTime issuedAt,
      String returnedBy,
      LocalDateTime returnedAt,
      LocalDateTime createdAt,
      String assetTag) {}

  public record Asset(
      String tag,
      String itemId,
      String name,
      String status,
      String holder,
      LocalDateTime updatedAt) {}

  public record AssetHistory(
      String tag,
      String status,
      String holder,
      String reason,
      String reference,
      String userId,
      LocalDateTime at) {}

  public record Disposal(
      String id,
      String processInstanceId,
      String applicant,
      String applicantName,
      String itemId,
      String itemName,
      String assetTag,
      int quantity,
      String reason,
      String appraisal,
      String appraisalNote,
      String appraisedBy,
      BigDecimal bookValue,
      String writeOffNumber,
      String writtenOffBy,
      String vendor,
      String certificateFileId,
      String certificateSha256,
      String disposedBy,
      String status,
      LocalDateTime createdAt) {}

  // --- requisitions

  public void insertRequisition(Requisition r) {
    jdbc.sql(
            """
        insert into of_supplies_requisition (id, process_instance_id, requester, requester_name, department,
          item_id, item_name, quantity, total_value, kind, purpose, return_date, status, created_at, updated_at)
        values (:id, :pi, :requester, :requesterName, :department, :itemId, :itemName, :quantity, :totalValue,
          :kind, :purpose, :returnDate, :status, :now, :now)""")
        .param("id", r.id())
        .param("pi", r.processInstanceId())
        .param("requester", r.requester())
        .param("requesterName", r.requesterName())
        .param("department", r.department())
        .param("itemId", r.itemId())
        .param("itemName", r.itemName())
        .param("quantity", r.quantity())
        .param("totalValue", r.totalValue())
        .param("kind", r.kind())
        .param("purpose", r.purpose())
        .param("returnDate", r.returnDate())
        .param("status", r.status())
        .param("now", r.createdAt())
        .update();
  }

  public Optional<Requisition> requisition(String id) {
    return jdbc.sql("select * from of_supplies_requisition where id = ?")
        .param(id)
        .query(this::requisitionRow)
        .optional();
  }

  /** All requisitions, newest first; {@code requester} null for all. */
  public List<Requisition> requisitions(String requester) {
    return requester == null
        ? jdbc.sql("select * from of_supplies_requisition order by created_at desc")
            .query(this::requisitionRow)
            .list()
        : jdbc.sql(
                "select * from of_supplies_requisition where requester = ? order by created_at desc")
            .param(requester)
            .query(this::requisitionRow)
            .list();
  }

  public List<Requisition> loans() {
    return jdbc.sql(
            "select * from of_supplies_requisition where status = 'ON_LOAN' order by return_date, created_at")
        .query(this::requisitionRow)
        .list();
  }

  public void updateRequisition(String id, Map<String, Object> columns, LocalDateTime now) {
    update("of_supplies_requisition", id, columns, now);
  }

  private Requisition requisitionRow(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    return new Requisition(
        rs.getString("id"),
        rs.getString("process_instance_id"),
        rs.getString("requester"),
        rs.getString("requester_name"),
        rs.getString("department"),
        rs.getString("item_id"),
        rs.getString("item_name"),
        rs.getInt("quantity"),
        rs.getBigDecimal("total_value"),
        rs.getString("kind"),
        rs.getString("purpose"),
        rs.getObject("return_date", LocalDate.class),
        rs.getString("status"),
        rs.getString("approved_by"),
        rs.getString("old_asset_tag"),
        rs.getString("old_condition"),
        rs.getString("old_received_by"),
        rs.getString("issued_by"),
        time(rs, "issued_at"),
        rs.getString("returned_by"),
        time(rs, "returned_at"),
        time(rs, "created_at"),
        rs.getString("asset_tag"));
  }

  // --- asset register

  public Optional<Asset> asset(String tag) {
    return jdbc.sql("select * from of_supplies_asset where tag = ?")
        .param(tag)
        .query(
            (rs, n) ->
                new Asset(
                    rs.getString("tag"),
                    rs.getString("item_id"),
                    rs.getString("name"),
                    rs.getString("status"),
                    rs.getString("holder"),
                    time(rs, "updated_at")))
        .optional();
  }

  public List<Asset> assets() {
    return jdbc
        .sql("select tag from of_supplies_asset order by tag")
        .query(String.class)
        .list()
        .stream()
        .map(t -> asset(t).orElseThrow())
        .toList();
  }

  /** Creates or updates an asset and writes its history line. */
  public void assetStatus(
      String tag,
      String itemId,
      String name,
      String status,
      String holder,
      String reason,
      String reference,
      String userId,
      LocalDateTime now) {
    if (asset(tag).isPresent()) {
      jdbc.sql("update of_supplies_asset set status = ?, holder = ?, updated_at = ? where tag = ?")
          .params(status, holder, now, tag)
          .update();
    } else {
      jdbc.sql(
              "insert into of_supplies_asset (tag, item_id, name, status, holder, updated_at) values (?, ?, ?, ?, ?, ?)")
          .params(tag, itemId, name, status, holder, now)
          .update();
    }
    jdbc.sql(
            """
        insert into of_supplies_asset_history (id, tag, status, holder, reason, reference, user_id, created_at)
        values (?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(UUID.randomUUID().toString(), tag, status, holder, reason, reference, userId, now)
        .update();
  }

  public List<AssetHistory> assetHistory(String tag) {
    return jdbc.sql("select * from of_supplies_asset_history where tag = ? order by created_at, id")
        .param(tag)
        .query(
            (rs, n) ->
                new AssetHistory(
                    rs.getString("tag"),
                    rs.getString("status"),
                    rs.getString("holder"),
                    rs.getString("reason"),
                    rs.getString("reference"),
                    rs.getString("user_id"),
                    time(rs, "created_at")))
        .list();
  }

  // --- disposals

  public void insertDisposal(Disposal d) {
    jdbc.sql(
            """
        insert into of_supplies_disposal (id, process_instance_id, applicant, applicant_name, item_id, item_name,
          asset_tag, quantity, reason, status, created_at, updated_at)
        values (:id, :pi, :applicant, :applicantName, :itemId, :itemName, :assetTag, :quantity, :reason, :status,
          :now, :now)""")
        .param("id", d.id())
        .param("pi", d.processInstanceId())
        .param("applicant", d.applicant())
        .param("applicantName", d.applicantName())
        .param("itemId", d.itemId())
        .param("itemName", d.itemName())
        .param("assetTag", d.assetTag())
        .param("quantity", d.quantity())
        .param("reason", d.reason())
        .param("status", d.status())
        .param("now", d.createdAt())
        .update();
  }

  public Optional<Disposal> disposal(String id) {
    return jdbc.sql("select * from of_supplies_disposal where id = ?")
        .param(id)
        .query(this::disposalRow)
        .optional();
  }

  public List<Disposal> disposals() {
    return jdbc.sql("select * from of_supplies_disposal order by created_at desc")
        .query(this::disposalRow)
        .list();
  }

  /** Open disposals of an asset tag (not REPAIRABLE, REJECTED or DISPOSED). */
  public boolean openDisposalOf(String tag) {
    return jdbc.sql(
                "select count(*) from of_supplies_disposal where asset_tag = ? and status in ('APPRAISING','WRITING_OFF','DISPOSING')")
            .param(tag)
            .query(Integer.class)
            .single()
        > 0;
  }

  public void updateDisposal(String id, Map<String, Object> columns, LocalDateTime now) {
    update("of_supplies_disposal", id, columns, now);
  }

  private Disposal disposalRow(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    return new Disposal(
        rs.getString("id"),
        rs.getString("process_instance_id"),
        rs.getString("applicant"),
        rs.getString("applicant_name"),
        rs.getString("item_id"),
        rs.getString("item_name"),
        rs.getString("asset_tag"),
        rs.getInt("quantity"),
        rs.getString("reason"),
        rs.getString("appraisal"),
        rs.getString("appraisal_note"),
        rs.getString("appraised_by"),
        rs.getBigDecimal("book_value"),
        rs.getString("write_off_number"),
        rs.getString("written_off_by"),
        rs.getString("vendor"),
        rs.getString("certificate_file_id"),
        rs.getString("certificate_sha256"),
        rs.getString("disposed_by"),
        rs.getString("status"),
        time(rs, "created_at"));
  }

  /** Column names are the callers' constants, never input. */
  private void update(String table, String id, Map<String, Object> columns, LocalDateTime now) {
    StringBuilder sql = new StringBuilder("update " + table + " set updated_at = :updatedAt");
    columns.keySet().forEach(c -> sql.append(", ").append(c).append(" = :").append(c));
    sql.append(" where id = :id");
    JdbcClient.StatementSpec spec =
        jdbc.sql(sql.toString()).param("updatedAt", now).param("id", id);
    for (Map.Entry<String, Object> e : columns.entrySet()) {
      spec = spec.param(e.getKey(), e.getValue());
    }
    spec.update();
  }

  private static LocalDateTime time(java.sql.ResultSet rs, String column)
      throws java.sql.SQLException {
    java.sql.Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toLocalDateTime();
  }
}
