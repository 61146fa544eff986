package cn.officeflow.platform.security.account;

import cn.officeflow.platform.audit.AuditEvent;
import cn.officeflow.platform.audit.AuditEventType;
import cn.officeflow.platform.audit.AuditLog;
import cn.officeflow.platform.engine.EngineClock;
import cn.officeflow.platform.engine.PasswordHashes;
import cn.officeflow.platform.engine.PasswordHashes.Stored;
import cn.officeflow.platform.engine.SystemAuthentication;
import cn.officeflow.platform.security.account.AccountRepository.Counter;
import cn.officeflow.platform.security.account.AccountRepository.PasswordState;
import cn.officeflow.platform.web.ValidationException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * 账号安全 (等保 三级): every password login — HTTP Basic on /engine-rest and /api, the webapps' login, the
 * application's own login page — goes through {@link #authenticate}. Camunda's own login throttling (one wrong
 * password blocks the right one for seconds, ten lock for ever) is switched off in application.yaml; this
 * replaces it.
 *
 * <h2>Counters (table of_login_counter, shared by all nodes)</h2>
 * Each attempt first takes one unit of three counters, in single UPDATE statements, and is refused without
 * looking at the password when one of them is used up — so that even 50 concurrent guesses from one address
 * get only as many password checks as the limit allows:
 * <ul>
 *   <li>{@code addr-user:<address>|<user>}: the attempts of one source address on one name — {@code
 *       throttle.max-failures-per-name} (3) from an address the user has not logged in from before, the full
 *       {@code lockout.max-failures} (5) from a known one (a successful login in the last {@code
 *       throttle.known-for}); then the address is refused for that name (429) for {@code throttle.block};</li>
 *   <li>{@code addr:<address>}: the failures of an address over all names it is not known for ({@code
 *       throttle.max-failures}, 20: password spraying); then 429 for every name;</li>
 *   <li>{@code user:<user>}: the account lockout, {@code lockout.max-failures} (5) failures within {@code
 *       lockout.window} lock the account for {@code lockout.duration} (15 minutes); it unlocks by itself, and
 *       a security administrator can unlock it earlier. While locked even the right password is refused.</li>
 * </ul>
 * A successful login gives its units back and clears the name's counters. The trade-off: a stranger at one
 * address gets 3 guesses per 15 minutes on a name and cannot lock it (the lock needs 5); two or more
 * addresses, or the address of the owner's own office (a shared NAT is "known"), can lock it for 15 minutes
 * at a time — the price of a lockout that stops distributed guessing. A refused attempt is not a failure of
 * the account.
 *
 * <h2>Passwords</h2>
 * A password older than {@code password.max-age} (90 days), or set by someone else than its user (a new user,
 * an administrator's reset), must be changed at the next login: the login answers {@link
 * Outcome#PASSWORD_EXPIRED} and only {@link #changePassword} (old and new password) lets the user in. The last
 * {@code password.history} (5) passwords, the current one included, are not used again (their salted hashes
 * are kept as Camunda keeps the current one). Users that exist when the application starts (demo, bootstrap)
 * count their password's age from then.
 */
@Service
public class AccountSecurity {

  private static final Logger LOG = LoggerFactory.getLogger(AccountSecurity.class);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
  private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("M月d日 HH:mm");

  static final String USER = "user:";
  static final String ADDRESS_USER = "addr-user:";
  static final String ADDRESS = "addr:";
  static final String KNOWN = "known:";
  static final String TOTP = "totp:";

  /** What a login attempt came to. */
  public enum Outcome {
    OK,
    BAD_CREDENTIALS,
    LOCKED,
    THROTTLED,
    PASSWORD_EXPIRED
  }

  /** The outcome with the message for the user (Chinese) and, when refused for a while, until when. */
  public record LoginResult(Outcome outcome, String message, Duration retryAfter) {
    public boolean ok() {
      return outcome == Outcome.OK;
    }
  }

  /** An account locked now, for the security administrator's list. */
  public record Lock(String userId, LocalDateTime lockedUntil) {}

  private final AccountRepository repository;
  private final AccountPolicy policy;
  private final ProcessEngine engine;
  private final IdentityService identity;
  private final AuditLog audit;
  private final Map<String, CachedLogin> basicCache = new ConcurrentHashMap<>();

  private static final Object[] BASIC_STRIPES = new Object[64];

  static {
    for (int i = 0; i < BASIC_STRIPES.length; i++) {
      BASIC_STRIPES[i] = new Object();
    }
  }

  private final byte[] cacheSalt = new byte[16];

  public AccountSecurity(
      AccountRepository repository, AccountPolicy policy, ProcessEngine engine, AuditLog audit) {
    this.repository = repository;
    this.policy = policy;
    this.engine = engine;
    this.identity = engine.getIdentityService();
    this.audit = audit;
    new SecureRandom().nextBytes(cacheSalt);
  }

  public AccountPolicy policy() {
    return policy;
  }

  /**
   * Users that exist at start-up (demo, bootstrap) count the age of their password from now, and their current
   * password starts their history.
   */
  @EventListener(ApplicationReadyEvent.class)
  public void initialisePasswordAges() {
    try {
      initialise(EngineClock.now());
    } catch (DataIntegrityViolationException raced) {
      // two nodes starting at once: the other one did it
      LOG.info("密码有效期：另一节点已同时初始化（{}）", raced.getMostSpecificCause().getMessage());
    }
  }

  private void initialise(LocalDateTime now) {
    int added = repository.initialisePasswordStates(now);
    if (added > 0) {
      LOG.info("密码有效期：{} 个账号自现在起计算密码使用时间", added);
    }
    // their current password is the first of their history
    for (String userId : repository.usersWithoutHistory()) {
      PasswordHashes.current(engine, userId)
          .ifPresent(
              stored ->
                  repository.addHistory(
                      userId,
                      new AccountRepository.StoredPassword(stored.hash(), stored.salt()),
                      now,
                      policy.password().history()));
    }
  }

  // --- login

  /** A password login of {@code userId} from {@code address}; see the class comment. */
  public LoginResult authenticate(String userId, String password, String address) {
    return authenticate(userId, password, address, false);
  }

  /**
   * HTTP Basic: as {@link #authenticate}, but a success is remembered for {@code basic-cache} on this node (a
   * client authenticates every request; the remembered one costs no database statement).
   */
  public LoginResult authenticateBasic(String userId, String password, String address) {
    String digest = digest(userId, password);
    // per user and address: a stranger's address never rides on the owner's remembered login
    String key = userId + "|" + address;
    if (remembered(key, digest)) {
      return new LoginResult(Outcome.OK, null, null);
    }
    // one check at a time per user and address on this node: a client's first burst of parallel
    // requests (the right password) waits for the first check and then rides on its remembered
    // success, instead of using up the attempts the address has on the name and being refused 429
    synchronized (BASIC_STRIPES[Math.floorMod(key.hashCode(), BASIC_STRIPES.length)]) {
      if (remembered(key, digest)) {
        return new LoginResult(Outcome.OK, null, null);
      }
      LoginResult result = authenticate(userId, password, address, false);
      if (result.ok()) {
        basicCache.put(key, new CachedLogin(digest, EngineClock.now().plus(policy.basicCache())));
      } else {
        basicCache.remove(key);
      }
      return result;
    }
  }

  private boolean remembered(String key, String digest) {
    CachedLogin cached = basicCache.get(key);
    return cached != null
        && cached.digest().equals(digest)
        && cached.until().isAfter(EngineClock.now());
  }

  private LoginResult authenticate(
      String userId, String password, String address, boolean changingPassword) {
    if (userId == null || userId.isBlank() || password == null || password.isEmpty()) {
      return new LoginResult(Outcome.BAD_CREDENTIALS, "请输入用户名和密码", null);
    }
    LocalDateTime now = EngineClock.now();
    String addressUser = ADDRESS_USER + address + "|" + userId;
    String addressKey = ADDRESS + address;
    String userKey = USER + userId;
    boolean known = isKnown(address, userId, now);
    int perName = known ? policy.lockout().maxFailures() : policy.throttle().maxFailuresPerName();
    LocalDateTime throttleWindow = now.minus(policy.throttle().window());
    if (!repository.reserve(addressUser, perName, now, throttleWindow)) {
      return throttled(addressUser, now);
    }
    if (!known
        && !repository.reserve(addressKey, policy.throttle().maxFailures(), now, throttleWindow)) {
      repository.release(addressUser);
      return throttled(addressKey, now);
    }
    int maxFailures = policy.lockout().maxFailures();
    if (!repository.reserve(userKey, maxFailures, now, now.minus(policy.lockout().window()))) {
      // the attempt counts against the address (hammering a locked name gets the address
      // throttled), not
      // against the account
      return locked(userId, repository.counter(userKey).map(Counter::blockedUntil).orElse(null));
    }
    // compared with the stored hash directly: Camunda's checkPassword would also write its own
    // attempt
    // counter (ACT_ID_USER.ATTEMPTS_, with optimistic locking: concurrent attempts would fail with
    // 500)
    boolean right =
        PasswordHashes.current(engine, userId)
            .map(stored -> PasswordHashes.matches(engine, password, stored))
            .orElse(false);
    if (!right) {
      return failed(userId, address, addressUser, addressKey, userKey, known, now);
    }
    repository.clear(userKey);
    repository.clear(addressUser);
    if (!known) {
      repository.release(addressKey);
    }
    repository.touch(KNOWN + address + "|" + userId, now);
    if (!changingPassword) {
      Optional<String> expired = expiry(userId, now);
      if (expired.isPresent()) {
        return new LoginResult(Outcome.PASSWORD_EXPIRED, expired.get(), null);
      }
    }
    return new LoginResult(Outcome.OK, null, null);
  }

  private LoginResult failed(
      String userId,
      String address,
      String addressUser,
      String addressKey,
      String userKey,
      boolean known,
      LocalDateTime now) {
    int maxFailures = policy.lockout().maxFailures();
    LocalDateTime lockedUntil = now.plus(policy.lockout().duration());
    if (repository.blockIfReached(userKey, maxFailures, lockedUntil)) {
      forget(userId);
      record(
          "账号锁定",
          userId,
          address,
          userId,
          AuditEvent.DENIED,
          "连续 " + maxFailures + " 次密码错误，锁定至 " + DATE_TIME.format(lockedUntil));
      LOG.warn("账号 {} 连续 {} 次密码错误，锁定至 {}（最后一次来自 {}）", userId, maxFailures, lockedUntil, address);
      return locked(userId, lockedUntil);
    }
    int perName = known ? maxFailures : policy.throttle().maxFailuresPerName();
    LocalDateTime blockedUntil = now.plus(policy.throttle().block());
    if (repository.blockIfReached(addressUser, perName, blockedUntil)) {
      record(
          "来源地址限流",
          userId,
          address,
          addressUser,
          AuditEvent.DENIED,
          "来自该地址的 " + perName + " 次密码错误，暂停该地址对此账号的登录至 " + DATE_TIME.format(blockedUntil));
    }
    if (!known
        && repository.blockIfReached(addressKey, policy.throttle().maxFailures(), blockedUntil)) {
      record(
          "来源地址限流",
          userId,
          address,
          addressKey,
          AuditEvent.DENIED,
          "来自该地址的 "
              + policy.throttle().maxFailures()
              + " 次密码错误，暂停该地址的登录至 "
              + DATE_TIME.format(blockedUntil));
    }
    int left = maxFailures - repository.counter(userKey).map(Counter::failures).orElse(maxFailures);
    String message = "用户名或密码错误";
    if (left > 0 && left < maxFailures) {
      message += "；再错 " + left + " 次账号将被锁定 " + policy.lockout().duration().toMinutes() + " 分钟";
    }
    return new LoginResult(Outcome.BAD_CREDENTIALS, message, null);
  }

  private LoginResult throttled(String key, LocalDateTime now) {
    LocalDateTime until = repository.counter(key).map(Counter::blockedUntil).orElse(null);
    Duration retry = until == null ? Duration.ofMinutes(1) : Duration.between(now, until);
    long minutes = Math.max(1, (retry.toSeconds() + 59) / 60);
    return new LoginResult(Outcome.THROTTLED, "来自您所在地址的登录失败次数过多，请 " + minutes + " 分钟后再试", retry);
  }

  private LoginResult locked(String userId, LocalDateTime until) {
    LocalDateTime now = EngineClock.now();
    String when =
        until == null
            ? "稍后"
            : until.toLocalDate().equals(now.toLocalDate())
                ? TIME.format(until) + " 后"
                : DATE_TIME.format(until) + " 后";
    return new LoginResult(
        Outcome.LOCKED,
        "密码错误次数过多，账号已锁定，请于 " + when + "再试，或联系安全管理员解锁",
        until == null ? Duration.ofMinutes(1) : Duration.between(now, until));
  }

  private boolean isKnown(String address, String userId, LocalDateTime now) {
    return repository
        .counter(KNOWN + address + "|" + userId)
        .map(c -> c.windowStart().isAfter(now.minus(policy.throttle().knownFor())))
        .orElse(false);
  }

  /** The reason the user must change the password before logging in, if any. */
  Optional<String> expiry(String userId, LocalDateTime now) {
    PasswordState state =
        repository
            .passwordState(userId)
            .orElseGet(
                () -> {
                  repository.savePasswordState(userId, now, false);
                  return new PasswordState(now, false);
                });
    if (state.mustChange()) {
      return Optional.of("密码由管理员设置或已被要求更换，请先修改密码再登录");
    }
    if (!state.changedAt().plus(policy.password().maxAge()).isAfter(now)) {
      return Optional.of("密码已超过 " + policy.password().maxAge().getDays() + " 天未修改，已过期，请先修改密码再登录");
    }
    return Optional.empty();
  }

  // --- administrators

  /** Whether the user is a member of an administrators' group (TOTP in the webapps, no HTTP Basic). */
  public boolean isAdministrator(String userId) {
    List<String> groups =
        SystemAuthentication.call(
            identity,
            () ->
                identity.createGroupQuery().groupMember(userId).list().stream()
                    .map(Group::getId)
                    .toList());
    return groups.stream().anyMatch(policy.adminGroups()::contains);
  }

  /** Ends a lock early (security administrator); false when the account was not locked. */
  public boolean unlock(String userId, String by, String address) {
    requireUser(userId);
    boolean wasLocked =
        repository
            .counter(USER + userId)
            .map(c -> c.blockedUntil() != null && c.blockedUntil().isAfter(EngineClock.now()))
            .orElse(false);
    repository.clear(USER + userId);
    repository.clear(TOTP + userId);
    forget(userId);
    record("解锁账号", by, address, userId, AuditEvent.SUCCESS, wasLocked ? "提前解除锁定" : "账号未锁定，已清零失败次数");
    return wasLocked;
  }

  /** The accounts locked now, soonest unlock first. */
  public List<Lock> locks() {
    List<Lock> locks = new ArrayList<>();
    for (Counter counter : repository.blocked(USER, EngineClock.now())) {
      locks.add(new Lock(counter.key().substring(USER.length()), counter.blockedUntil()));
    }
    return locks;
  }

  /** The user must change the password at the next login (security administrator). */
  public void expirePassword(String userId, String by, String address) {
    requireUser(userId);
    LocalDateTime changedAt =
        repository.passwordState(userId).map(PasswordState::changedAt).orElse(EngineClock.now());
    repository.savePasswordState(userId, changedAt, true);
    forget(userId);
    record("要求修改密码", by, address, userId, AuditEvent.SUCCESS, "下次登录须修改密码");
  }

  private void requireUser(String userId) {
    boolean exists =
        SystemAuthentication.call(
            identity, () -> identity.createUserQuery().userId(userId).count() > 0);
    if (!exists) {
      throw new ValidationException("userId", "用户不存在：" + userId);
    }
  }

  // --- passwords

  /**
   * The user's own change: the old password is checked like a login (counted, throttled, refused while
   * locked), the new one against the policy and the history. Returns the refusal, or OK when changed.
   */
  public LoginResult changePassword(
      String userId, String oldPassword, String newPassword, String address, PasswordRules rules) {
    if (newPassword == null || newPassword.isEmpty()) {
      throw new ValidationException("newPassword", "请输入新密码");
    }
    LoginResult login = authenticate(userId, oldPassword, address, true);
    if (!login.ok()) {
      return login;
    }
    if (newPassword.equals(oldPassword)) {
      throw new ValidationException("newPassword", "新密码不能与原密码相同");
    }
    User user =
        SystemAuthentication.call(
            identity, () -> identity.createUserQuery().userId(userId).singleResult());
    try {
      rules.check(user, newPassword);
    } catch (ValidationException e) {
      throw e.onField("newPassword");
    }
    user.setPassword(newPassword);
    SystemAuthentication.call(
        identity,
        () -> {
          identity.saveUser(user);
          return null;
        });
    passwordSaved(user, userId);
    record("修改密码", userId, address, userId, AuditEvent.SUCCESS, "本人修改密码");
    return new LoginResult(Outcome.OK, null, null);
  }

  /** The policy check of a password (the engine's password policy and this history). */
  public interface PasswordRules {
    void check(User user, String password);
  }

  /** Refuses {@code password} when it is one of the user's last {@code password.history} passwords. */
  public void checkHistory(User user, String password) {
    if (user == null || user.getId() == null || password == null) {
      return;
    }
    List<Stored> recent = new ArrayList<>();
    PasswordHashes.stored(user).ifPresent(recent::add);
    repository.history(user.getId(), policy.password().history()).stream()
        .map(p -> new Stored(p.hash(), p.salt()))
        .forEach(recent::add);
    for (Stored stored : recent) {
      if (PasswordHashes.matches(engine, password, stored)) {
        throw new ValidationException(
            "password", "不能使用最近 " + policy.password().history() + " 次用过的密码");
      }
    }
  }

  /**
   * A new password was stored (the entity holds its hash): kept in the history, and the age starts now; set
   * by someone else than the user (a new user, an administrator's reset), it must be changed at the next
   * login.
   */
  public void passwordSaved(User user, String actingUserId) {
    LocalDateTime now = EngineClock.now();
    PasswordHashes.stored(user)
        .ifPresent(
            stored ->
                repository.addHistory(
                    user.getId(),
                    new AccountRepository.StoredPassword(stored.hash(), stored.salt()),
                    now,
                    policy.password().history()));
    boolean byOther = actingUserId != null && !actingUserId.equals(user.getId());
    repository.savePasswordState(user.getId(), now, byOther);
    forget(user.getId());
    if (byOther) {
      record("管理员设置密码", actingUserId, null, user.getId(), AuditEvent.SUCCESS, "用户下次登录须修改密码");
    }
  }

  // --- TOTP

  /** Whether the administrator has confirmed a TOTP secret. */
  public boolean totpEnrolled(String userId) {
    return repository.totp(userId).map(t -> t.confirmedAt() != null).orElse(false);
  }

  /** The secret to enrol (a new one while none is confirmed; the same one until it is). */
  public String enrolmentSecret(String userId) {
    Optional<AccountRepository.TotpSecret> existing = repository.totp(userId);
    if (existing.isPresent() && existing.get().confirmedAt() == null) {
      return existing.get().secret();
    }
    if (existing.isPresent()) {
      throw new IllegalStateException("动态口令已绑定：" + userId);
    }
    String secret = Totp.newSecret();
    repository.saveTotp(userId, secret, EngineClock.now());
    return secret;
  }

  /** The otpauth URI of a secret, and its QR code as SVG. */
  public String enrolmentUri(String userId, String secret) {
    return Totp.uri(policy.totpIssuer(), userId, secret);
  }

  public String qrCode(String uri) {
    return QrCodeSvg.of(uri);
  }

  /**
   * Checks a TOTP code (each code once); a first right code confirms the enrolment. Wrong codes are counted
   * like wrong passwords, apart from them: {@code lockout.max-failures} (5) refuse every code for {@code
   * lockout.duration}.
   */
  public boolean verifyTotp(String userId, String code, String address) {
    Optional<AccountRepository.TotpSecret> secret = repository.totp(userId);
    if (secret.isEmpty()) {
      return false;
    }
    LocalDateTime now = EngineClock.now();
    OptionalLong step =
        Totp.matchingStep(secret.get().secret(), code, now.atZone(EngineClock.ZONE).toInstant());
    boolean blocked =
        repository
            .counter(TOTP + userId)
            .map(c -> c.blockedUntil() != null && c.blockedUntil().isAfter(now))
            .orElse(false);
    if (!blocked && step.isPresent() && repository.acceptTotpStep(userId, step.getAsLong(), now)) {
      repository.clear(TOTP + userId);
      if (secret.get().confirmedAt() == null) {
        record("绑定动态口令", userId, address, userId, AuditEvent.SUCCESS, null);
      }
      return true;
    }
    // counted apart from the password: a right password (which clears the account's count) must not
    // reset
    // the count of wrong codes, else whoever knows the password could guess codes for ever
    String totpKey = TOTP + userId;
    int max = policy.lockout().maxFailures();
    if (repository.reserve(totpKey, max, now, now.minus(policy.lockout().window()))
        && repository.blockIfReached(totpKey, max, now.plus(policy.lockout().duration()))) {
      record(
          "动态口令锁定",
          userId,
          address,
          userId,
          AuditEvent.DENIED,
          "连续 " + max + " 次动态口令错误，" + policy.lockout().duration().toMinutes() + " 分钟内不能登录 webapp");
    }
    record("动态口令错误", userId, address, userId, AuditEvent.FAILURE, null);
    return false;
  }

  /** Removes an administrator's TOTP secret (lost phone): enrolled again at the next login. */
  public boolean resetTotp(String userId, String by, String address) {
    requireUser(userId);
    boolean had = repository.deleteTotp(userId);
    record("重置动态口令", by, address, userId, AuditEvent.SUCCESS, had ? null : "未绑定");
    return had;
  }

  /**
   * Nightly: forgets counters nobody needs any more (failures and blocks older than a day, addresses not seen
   * for {@code throttle.known-for}), so that guessed names do not pile up.
   */
  @Scheduled(cron = "0 40 3 * * *", zone = "Asia/Shanghai")
  public void purgeCounters() {
    LocalDateTime now = EngineClock.now();
    int purged =
        repository.purgeCounters(now.minusDays(1), now.minus(policy.throttle().knownFor()), now);
    if (purged > 0) {
      LOG.info("登录计数清理：{} 条", purged);
    }
  }

  // --- helpers

  private void record(
      String action, String user, String address, String target, String result, String detail) {
    try {
      audit.record(AuditEventType.ACCOUNT, action, user, address, target, result, detail);
    } catch (RuntimeException e) {
      LOG.error("审计日志写入失败：{} {} {}", action, user, target, e);
    }
  }

  private String digest(String userId, String password) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(cacheSalt);
      sha.update((userId + '\0' + password).getBytes(StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Forgets the remembered Basic logins of a user (on this node). */
  private void forget(String userId) {
    basicCache.keySet().removeIf(key -> key.startsWith(userId + "|"));
  }

  private record CachedLogin(String digest, LocalDateTime until) {}
}
