package cn.officeflow.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import cn.officeflow.platform.inventory.InventoryService;
import cn.officeflow.support.LastUnitsRace;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The stock on MariaDB/MySQL (READ COMMITTED, InnoDB row locks): fifty requests at once for the last ten
 * units issue exactly ten; the seeded items are there with their Chinese names (utf8mb4).
 */
class InventoryOnMysqlTest extends MysqlSpringTestBase {

  @Autowired InventoryService inventory;
  @Autowired PlatformTransactionManager transactions;

  @Test
  void fiftyRequestsForTheLastTenUnitsIssueExactlyTen() throws Exception {
    LastUnitsRace.run(inventory, engine.getIdentityService(), transactions);
  }

  @Test
  void theSeededItemsAreReadable() {
    assertThat(inventory.list("办公设备", null))
        .anySatisfy(item -> assertThat(item.name()).isEqualTo("便携投影仪"));
  }
}
