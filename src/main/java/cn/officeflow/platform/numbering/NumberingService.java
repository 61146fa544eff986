package cn.officeflow.platform.numbering;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gapless counters (文号, 收文编号 …): per key per year, starting at 1. The increment is an UPDATE in
 * the caller's transaction, so the row stays locked until the engine commits: another node asking for
 * the same counter waits, and a rolled-back transaction gives its number back. Numbers therefore have
 * no gaps and are never used twice, on one node or several sharing a database.
 */
@Service
public class NumberingService {

  private final JdbcClient jdbc;
  private final TransactionTemplate newTransaction;

  public NumberingService(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
    this.jdbc = jdbc;
    this.newTransaction = new TransactionTemplate(transactionManager);
    this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** The next number of {@code key} in {@code year}; call inside the business transaction. */
  public int next(String key, int year) {
    if (increment(key, year) == 0) {
      // first number of this key in this year
      createCounter(key, year);
      if (increment(key, year) != 1) {
        throw new IllegalStateException("number counter missing: " + key + "/" + year);
      }
    }
    return jdbc.sql(
            "select last_value from of_number_counter where counter_key = :k and counter_year = :y")
        .param("k", key)
        .param("y", year)
        .query(Integer.class)
        .single();
  }

  private int increment(String key, int year) {
    return jdbc.sql(
            "update of_number_counter set last_value = last_value + 1"
                + " where counter_key = :k and counter_year = :y")
        .param("k", key)
        .param("y", year)
        .update();
  }

  /**
   * Creates the counter row in a transaction of its own (committed at once), so the caller never holds
   * an insert lock that a second node's first number would wait for. Happens once per key and year.
   */
  private void createCounter(String key, int year) {
    try {
      newTransaction.executeWithoutResult(
          status ->
              jdbc.sql(
                      "insert into of_number_counter (counter_key, counter_year, last_value) values (:k, :y, 0)")
                  .param("k", key)
                  .param("y", year)
                  .update());
    } catch (DuplicateKeyException e) {
      // another node created it first
    }
  }
}
