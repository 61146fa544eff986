package cn.officeflow.platform.inventory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The tables {@code of_inventory_item} and {@code of_stock_movement} (migration V14). */
@Repository
class InventoryRepository {

  private static final String ITEM =
      "id, code, name, category, unit, shareable, reorder_point, reorder_quantity, stock, unit_value,"
          + " active, reorder_open, updated_by, updated_at";

  private final JdbcTemplate jdbc;

  InventoryRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  List<Item> list(String category, String q) {
    StringBuilder sql = new StringBuilder("select " + ITEM + " from of_inventory_item where 1 = 1");
    List<Object> args = new ArrayList<>();
    if (category != null) {
      sql.append(" and category = ?");
      args.add(category);
    }
    if (q != null) {
      sql.append(" and (name like ? or code like ?)");
      String like = "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
      args.add(like);
      args.add(like);
    }
    sql.append(" order by category, code");
    return jdbc.query(sql.toString(), InventoryRepository::item, args.toArray());
  }

  Optional<Item> find(String id) {
    return jdbc
        .query(
            "select " + ITEM + " from of_inventory_item where id = ?",
            InventoryRepository::item,
            id)
        .stream()
        .findFirst();
  }

  boolean codeTaken(String code, String exceptId) {
    Integer n =
        jdbc.queryForObject(
            "select count(*) from of_inventory_item where code = ? and id <> ?",
            Integer.class,
            code,
            exceptId);
    return n != null && n > 0;
  }

  void insert(Item item) {
    jdbc.update(
        "insert into of_inventory_item ("
            + ITEM
            + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        item.id(),
        item.code(),
        item.name(),
        item.category(),
        item.unit(),
        item.shareable() ? 1 : 0,
        item.reorderPoint(),
        item.reorderQuantity(),
        item.stock(),
        item.unitValue(),
        item.active() ? 1 : 0,
        item.reorderOpen() ? 1 : 0,
        item.updatedBy(),
        Timestamp.valueOf(item.updatedAt()));
  }

  /** The master data only: stock changes go through {@link #take} and {@link #add}. */
  int update(Item item) {
    return jdbc.update(
        "update of_inventory_item set code = ?, name = ?, category = ?, unit = ?, shareable = ?,"
            + " reorder_point = ?, reorder_quantity = ?, unit_value = ?, active = ?, updated_by = ?,"
            + " updated_at = ? where id = ?",
        item.code(),
        item.name(),
        item.category(),
        item.unit(),
        item.shareable() ? 1 : 0,
        item.reorderPoint(),
        item.reorderQuantity(),
        item.unitValue(),
        item.active() ? 1 : 0,
        item.updatedBy(),
        Timestamp.valueOf(item.updatedAt()),
        item.id());
  }

  /**
   * Takes {@code quantity} units if the stock has them, in one conditional UPDATE: the row lock it takes
   * makes concurrent takers wait and then see the new stock, so the stock never goes below zero.
   *
   * @return whether the units were taken
   */
  boolean take(String id, int quantity, String user, LocalDateTime at) {
    return jdbc.update(
            "update of_inventory_item set stock = stock - ?, updated_by = ?, updated_at = ?"
                + " where id = ? and stock >= ?",
            quantity,
            user,
            Timestamp.valueOf(at),
            id,
            quantity)
        == 1;
  }

  /** Adds units; a receipt ({@code closeReorder}) also ends an open reorder. */
  void add(String id, int quantity, boolean closeReorder, String user, LocalDateTime at) {
    jdbc.update(
        "update of_inventory_item set stock = stock + ?"
            + (closeReorder ? ", reorder_open = 0" : "")
            + ", updated_by = ?, updated_at = ? where id = ?",
        quantity,
        user,
        Timestamp.valueOf(at),
        id);
  }

  /** Opens a reorder unless one is open: whether this call opened it. */
  boolean openReorder(String id) {
    return jdbc.update(
            "update of_inventory_item set reorder_open = 1 where id = ? and reorder_open = 0", id)
        == 1;
  }

  int stock(String id) {
    Integer stock =
        jdbc.queryForObject("select stock from of_inventory_item where id = ?", Integer.class, id);
    return stock == null ? 0 : stock;
  }

  void insert(StockMovement m) {
    jdbc.update(
        "insert into of_stock_movement (id, item_id, kind, quantity, stock_after, reason, reference,"
            + " user_id, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        m.id(),
        m.itemId(),
        m.kind().name(),
        m.quantity(),
        m.stockAfter(),
        m.reason(),
        m.reference(),
        m.userId(),
        Timestamp.valueOf(m.at()));
  }

  List<StockMovement> movements(String itemId) {
    return jdbc.query(
        "select id, item_id, kind, quantity, stock_after, reason, reference, user_id, created_at"
            + " from of_stock_movement where item_id = ? order by created_at desc, stock_after",
        (rs, n) ->
            new StockMovement(
                rs.getString("id"),
                rs.getString("item_id"),
                MovementKind.valueOf(rs.getString("kind")),
                rs.getInt("quantity"),
                rs.getInt("stock_after"),
                rs.getString("reason"),
                rs.getString("reference"),
                rs.getString("user_id"),
                rs.getTimestamp("created_at").toLocalDateTime()),
        itemId);
  }

  private static Item item(ResultSet rs, int n) throws SQLException {
    return new Item(
        rs.getString("id"),
        rs.getString("code"),
        rs.getString("name"),
        rs.getString("category"),
        rs.getString("unit"),
        rs.getInt("shareable") == 1,
        rs.getInt("reorder_point"),
        rs.getInt("reorder_quantity"),
        rs.getInt("stock"),
        rs.getBigDecimal("unit_value"),
        rs.getInt("active") == 1,
        rs.getInt("reorder_open") == 1,
        rs.getString("updated_by"),
        rs.getTimestamp("updated_at").toLocalDateTime());
  }
}
