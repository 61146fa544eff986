package cn.officeflow.platform.security.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A login counter deleted by another login's success between {@link AccountRepository#reserve}'s insert and
 * its increment (two nodes' first logins of one user from one address at once: the first one's success
 * clears {@code addr-user:…}) is a fresh counter: the attempt is counted, not refused as if the limit were
 * reached — {@code bench/cluster-failover.sh} saw 429 「登录失败次数过多」 for the right password at the start
 * of its load. A counter really used up is still refused.
 */
class LoginCounterClearedConcurrentlyTest {

  static final String KEY = "addr-user:127.0.0.1|lina";
  static final String INCREMENT = "update of_login_counter set failures = failures + 1";

  JdbcDataSource h2;
  AccountRepository repository;

  /** Run once just before the next increment is prepared: what another node does in that moment. */
  Runnable beforeIncrement;

  @BeforeEach
  void database() throws SQLException {
    h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:counter" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    try (Connection c = h2.getConnection();
        Statement s = c.createStatement()) {
      s.execute(
          "create table of_login_counter (counter_key varchar(400) not null primary key,"
              + " failures int not null, window_start datetime(3) not null, blocked_until datetime(3))");
    }
    repository = new AccountRepository(JdbcClient.create(intercepting(h2)));
  }

  @Test
  void aCounterClearedBetweenInsertAndIncrementCountsTheAttempt() {
    LocalDateTime now = LocalDateTime.of(2026, 12, 4, 22, 28);
    // the other node's attempt made the row and took a unit ...
    assertThat(repository.reserve(KEY, 3, now, now.minusMinutes(15))).isTrue();
    // ... and its success clears the key right after this attempt found the row there
    beforeIncrement = () -> repository.clear(KEY);

    assertThat(repository.reserve(KEY, 3, now, now.minusMinutes(15))).isTrue();
    assertThat(repository.counter(KEY))
        .get()
        .extracting(AccountRepository.Counter::failures)
        .isEqualTo(1);
  }

  @Test
  void aCounterUsedUpIsStillRefused() {
    LocalDateTime now = LocalDateTime.of(2026, 12, 4, 22, 28);
    for (int i = 0; i < 3; i++) {
      assertThat(repository.reserve(KEY, 3, now, now.minusMinutes(15))).isTrue();
    }
    assertThat(repository.reserve(KEY, 3, now, now.minusMinutes(15))).isFalse();
    assertThat(repository.counter(KEY))
        .get()
        .extracting(AccountRepository.Counter::failures)
        .isEqualTo(3);
  }

  /** The data source whose connections run {@link #beforeIncrement} before preparing the increment. */
  DataSource intercepting(DataSource target) {
    InvocationHandler connections =
        (proxy, method, args) -> {
          Object result = invoke(target, method, args);
          return result instanceof Connection c ? intercepting(c) : result;
        };
    return (DataSource)
        Proxy.newProxyInstance(
            getClass().getClassLoader(), new Class<?>[] {DataSource.class}, connections);
  }

  Connection intercepting(Connection target) {
    InvocationHandler statements =
        (proxy, method, args) -> {
          if (method.getName().equals("prepareStatement")
              && args[0] instanceof String sql
              && sql.startsWith(INCREMENT)
              && beforeIncrement != null) {
            Runnable other = beforeIncrement;
            beforeIncrement = null;
            other.run();
          }
          return invoke(target, method, args);
        };
    return (Connection)
        Proxy.newProxyInstance(
            getClass().getClassLoader(), new Class<?>[] {Connection.class}, statements);
  }

  static Object invoke(Object target, java.lang.reflect.Method method, Object[] args)
      throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
