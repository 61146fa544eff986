package cn.officeflow.mysql;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips the whole test class, before any application context is started, when no test database is
 * configured, and says so in the Maven log ({@code System.out}) and in the test report.
 *
 * <p>As an {@link ExecutionCondition} the class is reported as skipped with its tests counted
 * ("Tests run: 2, Skipped: 2"); an aborted {@code @BeforeAll} alone would show "Tests run: 0". The
 * {@link Assumptions} check in {@link #beforeAll} is the same rule for runs that deactivate conditions
 * ({@code junit.jupiter.conditions.deactivate}). Declare this extension before {@code @SpringBootTest}.
 */
class RequiresTestDatabase implements ExecutionCondition, BeforeAllCallback {

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    if (TestDatabase.url().isPresent()) {
      return ConditionEvaluationResult.enabled("OFFICEFLOW_TEST_DB_URL is set");
    }
    if (context.getTestMethod().isEmpty()) {
      System.out.println("[" + context.getDisplayName() + "] " + TestDatabase.SKIPPED);
    }
    return ConditionEvaluationResult.disabled(TestDatabase.SKIPPED);
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    if (TestDatabase.url().isEmpty()) {
      System.out.println("[" + context.getDisplayName() + "] " + TestDatabase.SKIPPED);
    }
    Assumptions.assumeTrue(TestDatabase.url().isPresent(), TestDatabase.SKIPPED);
  }
}
