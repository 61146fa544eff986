package cn.officeflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import cn.officeflow.platform.inventory.InventoryService;
import cn.officeflow.platform.inventory.Item;
import cn.officeflow.platform.inventory.MovementKind;
import cn.officeflow.platform.inventory.StockMovement;
import cn.officeflow.platform.inventory.StockShortageException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fifty requests at once for the last ten units of an item, each one unit in its own transaction (as fifty
 * 发放 steps committing at the same moment): exactly ten are issued, forty get 409 「库存不足」, the stock
 * ends at zero and the 出入库台账 has ten 出库 rows with stock 9, 8, … 0. Run on H2 and on MariaDB.
 */
public final class LastUnitsRace {

  public static final int REQUESTS = 50;
  public static final int UNITS = 10;

  private LastUnitsRace() {}

  public static void run(
      InventoryService inventory, IdentityService identity, PlatformTransactionManager transactions)
      throws Exception {
    identity.setAuthentication("huanglei", List.of("warehouse", "staff"));
    Item item;
    try {
      String code = "T-" + UUID.randomUUID().toString().substring(0, 8);
      item =
          inventory.create(
              Map.of(
                  "code", code,
                  "name", "并发测试物资",
                  "category", "办公用品",
                  "unit", "个",
                  "unitValue", "1.00",
                  "initialStock", UNITS));
    } finally {
      identity.clearAuthentication();
    }
    String itemId = item.id();
    assertThat(item.stock()).isEqualTo(UNITS);

    ExecutorService pool = Executors.newFixedThreadPool(REQUESTS);
    CountDownLatch ready = new CountDownLatch(REQUESTS);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<String>> outcomes = new ArrayList<>();
    try {
      for (int i = 0; i < REQUESTS; i++) {
        String reference = "race-" + i;
        outcomes.add(
            pool.submit(
                () -> {
                  TransactionTemplate transaction = new TransactionTemplate(transactions);
                  ready.countDown();
                  go.await();
                  try {
                    transaction.executeWithoutResult(
                        s -> inventory.issue(itemId, 1, "领用", reference));
                    return "issued";
                  } catch (StockShortageException e) {
                    assertThat(e.getMessage()).startsWith("库存不足：并发测试物资 现有 0个");
                    return "short";
                  }
                }));
      }
      assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
      go.countDown();
      int issued = 0;
      int short_ = 0;
      for (Future<String> outcome : outcomes) {
        if ("issued".equals(outcome.get(60, TimeUnit.SECONDS))) {
          issued++;
        } else {
          short_++;
        }
      }
      assertThat(issued).isEqualTo(UNITS);
      assertThat(short_).isEqualTo(REQUESTS - UNITS);
    } finally {
      pool.shutdownNow();
    }
    assertThat(inventory.get(itemId).stock()).isZero();
    List<StockMovement> issues =
        inventory.movements(itemId).stream().filter(m -> m.kind() == MovementKind.ISSUE).toList();
    assertThat(issues).hasSize(UNITS);
    assertThat(issues.stream().map(StockMovement::stockAfter))
        .containsExactlyInAnyOrder(9, 8, 7, 6, 5, 4, 3, 2, 1, 0);
  }
}
