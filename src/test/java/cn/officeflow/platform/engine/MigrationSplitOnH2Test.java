package cn.officeflow.platform.engine;

import java.util.UUID;

/** {@link MigrationSplitScenarios} on an in-memory H2 database per test. */
class MigrationSplitOnH2Test extends MigrationSplitScenarios {

  @Override
  protected String freshDatabase() {
    return "jdbc:h2:mem:split-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
  }

  @Override
  protected String user() {
    return "sa";
  }

  @Override
  protected String password() {
    return "";
  }
}
