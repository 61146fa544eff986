package cn.officeflow.platform.engine;

import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.EncryptionUtil;

/**
 * Passwords as Camunda stores them (ACT_ID_USER.PWD_ and SALT_: the configured password encryptor over the
 * password with its salt), so that the application can keep earlier passwords the same way and compare a new
 * password with them without ever keeping one in clear.
 */
public final class PasswordHashes {

  /** A stored password: its hash (with the encryptor's prefix, e.g. {@code {SHA-512}}) and salt. */
  public record Stored(String hash, String salt) {}

  private PasswordHashes() {}

  /** The password the engine has stored for {@code userId}, read as the engine itself. */
  public static Optional<Stored> current(ProcessEngine engine, String userId) {
    User user =
        SystemAuthentication.call(
            engine.getIdentityService(),
            () -> engine.getIdentityService().createUserQuery().userId(userId).singleResult());
    return Optional.ofNullable(user).flatMap(PasswordHashes::stored);
  }

  /** The stored password of a user entity (before a change: the old one; after it: the new one). */
  public static Optional<Stored> stored(User user) {
    if (user instanceof UserEntity entity && entity.getPassword() != null) {
      return Optional.of(new Stored(entity.getPassword(), entity.getSalt()));
    }
    return Optional.empty();
  }

  /** Whether {@code password} is the one {@code stored}. */
  public static boolean matches(ProcessEngine engine, String password, Stored stored) {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    return configuration
        .getPasswordManager()
        .check(EncryptionUtil.saltPassword(password, stored.salt()), stored.hash());
  }
}
