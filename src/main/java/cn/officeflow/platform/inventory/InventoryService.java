package cn.officeflow.platform.inventory;

import cn.officeflow.platform.engine.CurrentUser;
import cn.officeflow.platform.engine.EngineClock;
import cn.officeflow.platform.engine.SystemAuthentication;
import cn.officeflow.platform.org.RoleGroups;
import cn.officeflow.platform.web.ConflictException;
import cn.officeflow.platform.web.FormValues;
import cn.officeflow.platform.web.NotFoundException;
import cn.officeflow.platform.web.ValidationException;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 物资 and their stock, shared by 采购 (入库), 领用 (出库, 共享领用 归还) and 报废 (核销). Every change of stock is
 * a {@link StockMovement} in the 出入库台账, made in the caller's transaction (a process step), so it commits
 * or rolls back with the step.
 *
 * <p>Stock never goes below zero, also with many takers at once: a take is one conditional UPDATE ({@code
 * stock >= quantity}); the database's row lock makes concurrent takers wait for each other, and a CHECK
 * constraint backs it up. A take that the stock cannot cover is a 409 「库存不足」 ({@link
 * StockShortageException}).
 *
 * <p>JIT: when a take leaves the stock below the item's reorder point and no reorder is open, the message
 * {@value #REORDER_MESSAGE} is correlated as the engine (a process that starts with it — 采购 — becomes a
 * request for {@code procurement}); the reorder stays open until the next receipt.
 */
@Service
public class InventoryService {

  private static final Logger LOG = LoggerFactory.getLogger(InventoryService.class);

  public static final String REORDER_MESSAGE = "ReorderPointReached";

  /** Who maintains the items (master data); stock changes only through processes. */
  public static final Set<String> EDITORS =
      Set.of("warehouse", "procurement", RoleGroups.CAMUNDA_ADMIN);

  static final int MAX_QUANTITY = 1_000_000;
  static final BigDecimal MAX_VALUE = new BigDecimal("100000000");

  private final InventoryRepository repository;
  private final IdentityService identity;
  private final RuntimeService runtime;
  private final RepositoryService repositoryService;

  public InventoryService(
      InventoryRepository repository,
      IdentityService identity,
      RuntimeService runtime,
      RepositoryService repositoryService) {
    this.repository = repository;
    this.identity = identity;
    this.runtime = runtime;
    this.repositoryService = repositoryService;
  }

  // ---- reading

  public List<Item> list(String category, String q) {
    return repository.list(blankToNull(category), blankToNull(q));
  }

  public Optional<Item> find(String id) {
    return id == null ? Optional.empty() : repository.find(id);
  }

  /** The item, or 404. */
  public Item get(String id) {
    return find(id).orElseThrow(() -> new NotFoundException("物资不存在：" + id));
  }

  /** The 出入库台账 of an item, newest first (404 for an unknown item). */
  public List<StockMovement> movements(String itemId) {
    get(itemId);
    return repository.movements(itemId);
  }

  // ---- stock (process steps)

  /** 入库 (采购验收, 期初): adds {@code quantity}; ends an open reorder. */
  @Transactional
  public StockMovement receive(String itemId, int quantity, String reason, String reference) {
    return add(itemId, quantity, MovementKind.RECEIVE, reason, reference);
  }

  /** 归还/退库 (共享领用 returned): adds {@code quantity}. */
  @Transactional
  public StockMovement restock(String itemId, int quantity, String reason, String reference) {
    return add(itemId, quantity, MovementKind.RESTOCK, reason, reference);
  }

  /** 出库 (领用): takes {@code quantity}, 409 「库存不足」 when the stock cannot cover it. */
  @Transactional
  public StockMovement issue(String itemId, int quantity, String reason, String reference) {
    return take(itemId, quantity, MovementKind.ISSUE, reason, reference);
  }

  /** 报废核销: takes {@code quantity} out of the stock, 409 when there are fewer. */
  @Transactional
  public StockMovement writeOff(String itemId, int quantity, String reason, String reference) {
    return take(itemId, quantity, MovementKind.WRITE_OFF, reason, reference);
  }

  private StockMovement take(
      String itemId, int quantity, MovementKind kind, String reason, String reference) {
    Item item = get(itemId);
    checkQuantity(quantity);
    String user = CurrentUser.idOrSystem(identity);
    LocalDateTime now = EngineClock.now();
    if (!repository.take(itemId, quantity, user, now)) {
      int stock = repository.stock(itemId);
      throw new StockShortageException(
          "库存不足：" + item.name() + " 现有 " + stock + item.unit() + "，需要 " + quantity + item.unit());
    }
    StockMovement movement = record(item, kind, quantity, reason, reference, user, now);
    if (movement.stockAfter() < item.reorderPoint() && repository.openReorder(itemId)) {
      requestReorder(item, movement.stockAfter());
    }
    return movement;
  }

  private StockMovement add(
      String itemId, int quantity, MovementKind kind, String reason, String reference) {
    Item item = get(itemId);
    checkQuantity(quantity);
    String user = CurrentUser.idOrSystem(identity);
    LocalDateTime now = EngineClock.now();
    repository.add(itemId, quantity, kind == MovementKind.RECEIVE, user, now);
    return record(item, kind, quantity, reason, reference, user, now);
  }

  private StockMovement record(
      Item item,
      MovementKind kind,
      int quantity,
      String reason,
      String reference,
      String user,
      LocalDateTime now) {
    StockMovement movement =
        new StockMovement(
            UUID.randomUUID().toString(),
            item.id(),
            kind,
            quantity,
            repository.stock(item.id()),
            truncate(reason, 500),
            truncate(reference, 64),
            user,
            now);
    repository.insert(movement);
    return movement;
  }

  /**
   * JIT: starts whatever process waits for {@value #REORDER_MESSAGE} (采购), as the engine. Without such a
   * process the reorder is only logged (and stays open, so a later receipt or the buyer closes it).
   */
  private void requestReorder(Item item, int stock) {
    boolean anyStarter =
        SystemAuthentication.call(
            identity,
            () ->
                repositoryService
                        .createProcessDefinitionQuery()
                        .messageEventSubscriptionName(REORDER_MESSAGE)
                        .latestVersion()
                        .count()
                    > 0);
    if (!anyStarter) {
      LOG.warn(
          "库存低于再订货点：{}（{}）现有 {}，再订货点 {}；没有以消息 {} 开始的流程，未发起采购",
          item.name(),
          item.code(),
          stock,
          item.reorderPoint(),
          REORDER_MESSAGE);
      return;
    }
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("itemId", item.id());
    variables.put("itemName", item.name());
    variables.put("category", item.category());
    variables.put("stock", stock);
    variables.put("reorderPoint", item.reorderPoint());
    variables.put("quantity", Math.max(item.reorderQuantity(), item.reorderPoint() - stock));
    SystemAuthentication.call(
        identity,
        () ->
            runtime
                .createMessageCorrelation(REORDER_MESSAGE)
                .setVariables(variables)
                .correlateStartMessage());
  }

  // ---- master data (REST)

  /** A new item (warehouse, procurement): its initial stock is a 入库 «期初库存». */
  @Transactional
  public Item create(Map<String, Object> input) {
    CurrentUser.requireAnyGroup(identity, EDITORS, "新增物资");
    Item item = validated(UUID.randomUUID().toString(), input, null);
    repository.insert(item);
    Integer initial =
        FormValues.optionalInt(input.get("initialStock"), "initialStock", 0, MAX_QUANTITY, "期初库存");
    if (initial != null && initial > 0) {
      receive(item.id(), initial, "期初库存", null);
    }
    return get(item.id());
  }

  /** Changes an item's master data (not its stock). */
  @Transactional
  public Item update(String id, Map<String, Object> input) {
    CurrentUser.requireAnyGroup(identity, EDITORS, "修改物资");
    Item existing = get(id);
    if (input != null && input.containsKey("initialStock")) {
      throw new ValidationException("initialStock", "库存只能通过入库、领用、归还和报废流程变动");
    }
    repository.update(validated(id, input, existing));
    return get(id);
  }

  private static final Set<String> FIELDS =
      Set.of(
          "code",
          "name",
          "category",
          "unit",
          "shareable",
          "reorderPoint",
          "reorderQuantity",
          "unitValue",
          "active",
          "initialStock");

  private Item validated(String id, Map<String, Object> input, Item existing) {
    if (input == null) {
      throw new ValidationException("name", "请求体必须是 JSON 对象");
    }
    for (String name : input.keySet()) {
      if (!FIELDS.contains(name)) {
        throw new ValidationException(
            name, "物资没有此字段（可用：" + String.join("、", FIELDS.stream().sorted().toList()) + "）");
      }
    }
    String code = FormValues.requiredText(input.get("code"), "code", 30, "物资编码");
    if (!code.matches("[A-Za-z0-9][A-Za-z0-9_-]*")) {
      throw new ValidationException("code", "物资编码只能包含字母、数字、- 和 _，收到：" + code);
    }
    if (repository.codeTaken(code, id)) {
      throw new ConflictException("物资编码 " + code + " 已被使用");
    }
    String name = FormValues.requiredText(input.get("name"), "name", 100, "名称");
    String category = FormValues.requiredText(input.get("category"), "category", 30, "类别");
    String unit = FormValues.requiredText(input.get("unit"), "unit", 10, "计量单位");
    Integer reorderPoint =
        FormValues.optionalInt(input.get("reorderPoint"), "reorderPoint", 0, MAX_QUANTITY, "再订货点");
    Integer reorderQuantity =
        FormValues.optionalInt(
            input.get("reorderQuantity"), "reorderQuantity", 0, MAX_QUANTITY, "再订货数量");
    BigDecimal unitValue =
        FormValues.optionalAmount(input.get("unitValue"), "unitValue", MAX_VALUE, "单价");
    if (unitValue == null) {
      throw new ValidationException("unitValue", "单价（元）必须填写");
    }
    return new Item(
        id,
        code,
        name,
        category,
        unit,
        FormValues.bool(input.get("shareable")),
        reorderPoint == null ? 0 : reorderPoint,
        reorderQuantity == null ? 0 : reorderQuantity,
        existing == null ? 0 : existing.stock(),
        unitValue,
        !input.containsKey("active") || FormValues.bool(input.get("active")),
        existing != null && existing.reorderOpen(),
        CurrentUser.idOrSystem(identity),
        EngineClock.now());
  }

  private static void checkQuantity(int quantity) {
    if (quantity <= 0 || quantity > MAX_QUANTITY) {
      throw new ValidationException("quantity", "数量必须在 1 到 " + MAX_QUANTITY + " 之间，收到：" + quantity);
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static String truncate(String value, int max) {
    return value == null || value.length() <= max ? value : value.substring(0, max);
  }
}
