package cn.officeflow.platform.security.account;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The tables of V22 (account security). Every counter change is one UPDATE statement outside any
 * transaction, so that concurrent attempts on several nodes are counted exactly.
 */
@Repository
class AccountRepository {

  private final JdbcClient jdbc;

  AccountRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  // --- login counters

  record Counter(String key, int failures, LocalDateTime windowStart, LocalDateTime blockedUntil) {}

  private static final RowMapper<Counter> COUNTER =
      (rs, i) ->
          new Counter(
              rs.getString(1),
              rs.getInt(2),
              rs.getObject(3, LocalDateTime.class),
              rs.getObject(4, LocalDateTime.class));

  private static final String NEW_COUNTER =
      "insert into of_login_counter (counter_key, failures, window_start, blocked_until)"
          + " values (?, 0, ?, null)";

  Optional<Counter> counter(String key) {
    return jdbc.sql(
            "select counter_key, failures, window_start, blocked_until from of_login_counter"
                + " where counter_key = ?")
        .param(key)
        .query(COUNTER)
        .optional();
  }

  /**
   * Takes one attempt of {@code key}: false when {@code max} attempts are already counted in the window or
   * the key is blocked. A window or block that ended is started afresh first.
   */
  boolean reserve(String key, int max, LocalDateTime now, LocalDateTime windowStartedBefore) {
    for (int attempt = 1; ; attempt++) {
      try {
        jdbc.sql(NEW_COUNTER).params(key, now).update();
      } catch (DuplicateKeyException exists) {
        jdbc.sql(
                "update of_login_counter set failures = 0, window_start = ?, blocked_until = null"
                    + " where counter_key = ? and (blocked_until <= ?"
                    + " or (blocked_until is null and window_start <= ?))")
            .params(now, key, now, windowStartedBefore)
            .update();
      }
      boolean taken =
          jdbc.sql(
                      "update of_login_counter set failures = failures + 1"
                          + " where counter_key = ? and failures < ? and blocked_until is null")
                  .params(key, max)
                  .update()
              == 1;
      // no row updated because there is no row: a successful login (on any node) cleared the key
      // between the insert and the increment — a fresh counter, not a used-up one, so count again
      // (two nodes' first logins of one user at once were refused 429 for this)
      if (taken || attempt == RESERVE_ATTEMPTS || counter(key).isPresent()) {
        return taken;
      }
    }
  }

  /** Rounds of {@link #reserve} while other logins keep clearing the key (each clear is a success). */
  private static final int RESERVE_ATTEMPTS = 5;

  /** Gives an attempt back (it succeeded, or it was not made). */
  void release(String key) {
    jdbc.sql(
            "update of_login_counter set failures = failures - 1"
                + " where counter_key = ? and failures > 0")
        .param(key)
        .update();
  }

  /** Blocks {@code key} until {@code until} when its failures reached {@code max}; true for the caller that did. */
  boolean blockIfReached(String key, int max, LocalDateTime until) {
    return jdbc.sql(
                "update of_login_counter set blocked_until = ?"
                    + " where counter_key = ? and failures >= ? and blocked_until is null")
            .params(until, key, max)
            .update()
        == 1;
  }

  /** Forgets the failures and the block of {@code key}; true when there was something to forget. */
  boolean clear(String key) {
    return jdbc.sql("delete from of_login_counter where counter_key = ?").param(key).update() > 0;
  }

  /** Marks a key as seen now (a known address of a user). */
  void touch(String key, LocalDateTime now) {
    int updated =
        jdbc.sql("update of_login_counter set window_start = ? where counter_key = ?")
            .params(now, key)
            .update();
    if (updated == 0) {
      try {
        jdbc.sql(NEW_COUNTER).params(key, now).update();
      } catch (DuplicateKeyException raced) {
        // another node marked it at the same moment
      }
    }
  }

  /** Deletes counters idle since {@code idleBefore} (not blocked now) and known addresses older than {@code knownBefore}. */
  int purgeCounters(LocalDateTime idleBefore, LocalDateTime knownBefore, LocalDateTime now) {
    int idle =
        jdbc.sql(
                "delete from of_login_counter where counter_key not like 'known:%'"
                    + " and window_start < ? and (blocked_until is null or blocked_until < ?)")
            .params(idleBefore, now)
            .update();
    int known =
        jdbc.sql(
                "delete from of_login_counter where counter_key like 'known:%' and window_start < ?")
            .param(knownBefore)
            .update();
    return idle + known;
  }

  /** The keys starting with {@code prefix} blocked after {@code now}. */
  List<Counter> blocked(String prefix, LocalDateTime now) {
    return jdbc.sql(
            "select counter_key, failures, window_start, blocked_until from of_login_counter"
                + " where counter_key like ? and blocked_until > ? order by blocked_until")
        .params(prefix + "%", now)
        .query(COUNTER)
        .list();
  }

  // --- password state and history

  record PasswordState(LocalDateTime changedAt, boolean mustChange) {}

  Optional<PasswordState> passwordState(String userId) {
    return jdbc.sql("select changed_at, must_change from of_password_state where user_id = ?")
        .param(userId)
        .query((rs, i) -> new PasswordState(rs.getObject(1, LocalDateTime.class), rs.getBoolean(2)))
        .optional();
  }

  void savePasswordState(String userId, LocalDateTime changedAt, boolean mustChange) {
    int updated =
        jdbc.sql("update of_password_state set changed_at = ?, must_change = ? where user_id = ?")
            .params(changedAt, mustChange, userId)
            .update();
    if (updated == 0) {
      try {
        jdbc.sql(
                "insert into of_password_state (user_id, changed_at, must_change) values (?, ?, ?)")
            .params(userId, changedAt, mustChange)
            .update();
      } catch (DuplicateKeyException raced) {
        savePasswordState(userId, changedAt, mustChange);
      }
    }
  }

  /** The users of ACT_ID_USER that have no password history yet, with their stored password. */
  List<String> usersWithoutHistory() {
    return jdbc.sql(
            "select u.ID_ from ACT_ID_USER u where u.PWD_ is not null and not exists"
                + " (select 1 from of_password_history h where h.user_id = u.ID_)")
        .query(String.class)
        .list();
  }

  /** Users of ACT_ID_USER without a password state get one, changed {@code now} (start-up, demo load). */
  int initialisePasswordStates(LocalDateTime now) {
    return jdbc.sql(
            "insert into of_password_state (user_id, changed_at, must_change)"
                + " select u.ID_, ?, false from ACT_ID_USER u"
                + " where not exists (select 1 from of_password_state s where s.user_id = u.ID_)")
        .param(now)
        .update();
  }

  record StoredPassword(String hash, String salt) {}

  /** The newest {@code limit} passwords of the user, newest first. */
  List<StoredPassword> history(String userId, int limit) {
    return jdbc
        .sql("select pwd_hash, salt from of_password_history where user_id = ? order by seq desc")
        .param(userId)
        .query((rs, i) -> new StoredPassword(rs.getString(1), rs.getString(2)))
        .list()
        .stream()
        .limit(limit)
        .toList();
  }

  /** Adds a password to the history and keeps only the newest {@code keep}. */
  void addHistory(String userId, StoredPassword password, LocalDateTime at, int keep) {
    int seq =
        jdbc.sql("select coalesce(max(seq), 0) + 1 from of_password_history where user_id = ?")
            .param(userId)
            .query(Integer.class)
            .single();
    jdbc.sql(
            "insert into of_password_history (id, user_id, seq, pwd_hash, salt, changed_at)"
                + " values (?, ?, ?, ?, ?, ?)")
        .params(UUID.randomUUID().toString(), userId, seq, password.hash(), password.salt(), at)
        .update();
    List<String> old =
        jdbc.sql("select id from of_password_history where user_id = ? order by seq desc")
            .param(userId)
            .query(String.class)
            .list();
    for (String id : old.subList(Math.min(keep, old.size()), old.size())) {
      jdbc.sql("delete from of_password_history where id = ?").param(id).update();
    }
  }

  // --- TOTP

  record TotpSecret(String secret, LocalDateTime confirmedAt, Long lastStep) {}

  Optional<TotpSecret> totp(String userId) {
    return jdbc.sql("select secret, confirmed_at, last_step from of_account_totp where user_id = ?")
        .param(userId)
        .query(
            (rs, i) ->
                new TotpSecret(
                    rs.getString(1),
                    rs.getObject(2, LocalDateTime.class),
                    rs.getObject(3) == null ? null : rs.getLong(3)))
        .optional();
  }

  /** A new, unconfirmed secret (replacing an unconfirmed one). */
  void saveTotp(String userId, String secret, LocalDateTime now) {
    jdbc.sql("delete from of_account_totp where user_id = ? and confirmed_at is null")
        .param(userId)
        .update();
    jdbc.sql(
            "insert into of_account_totp (user_id, secret, created_at, confirmed_at, last_step)"
                + " values (?, ?, ?, null, null)")
        .params(userId, secret, now)
        .update();
  }

  /**
   * Accepts time step {@code step} of the user's code: only when it is after the last accepted one (each
   * code once, also across nodes); confirms the secret.
   */
  boolean acceptTotpStep(String userId, long step, LocalDateTime now) {
    return jdbc.sql(
                "update of_account_totp set last_step = ?, confirmed_at = coalesce(confirmed_at, ?)"
                    + " where user_id = ? and (last_step is null or last_step < ?)")
            .params(step, now, userId, step)
            .update()
        == 1;
  }

  boolean deleteTotp(String userId) {
    return jdbc.sql("delete from of_account_totp where user_id = ?").param(userId).update() > 0;
  }
}
