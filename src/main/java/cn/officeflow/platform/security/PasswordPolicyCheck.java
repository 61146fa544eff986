package cn.officeflow.platform.security;

import cn.officeflow.platform.engine.UserCommandGuard;
import cn.officeflow.platform.security.account.AccountSecurity;
import cn.officeflow.platform.web.ValidationException;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.PasswordPolicy;
import org.camunda.bpm.engine.identity.PasswordPolicyResult;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * Checks a new password against the engine's password policy (enablePasswordPolicy) before the engine stores
 * it, so that a weak password is a 400 listing every broken rule in Chinese instead of Camunda's 500 "Password
 * does not match policy". The rules and their numbers come from the configured policy, whatever it is. Meant
 * to be called for a user being created or given new credentials (REST and the Admin webapp alike).
 */
@Component
public class PasswordPolicyCheck implements UserCommandGuard.PasswordPolicyGuard {

  static final String FIELD = "password";

  private final IdentityService identityService;
  private final AccountSecurity accounts;

  public PasswordPolicyCheck(IdentityService identityService, AccountSecurity accounts) {
    this.identityService = identityService;
    this.accounts = accounts;
  }

  /**
   * Nothing when the password fits the policy or no policy is enabled; else a {@link ValidationException}
   * (Camunda's {@code InvalidRequestException}, BAD_REQUEST) naming the field {@value #FIELD}.
   */
  @Override
  public void check(User user, String password) {
    PasswordPolicy policy = identityService.getPasswordPolicy();
    if (policy != null) {
      PasswordPolicyResult result =
          identityService.checkPasswordAgainstPolicy(
              policy, password == null ? "" : password, user);
      if (!result.isValid()) {
        throw new ValidationException(FIELD, "密码不符合密码策略：" + violations(result));
      }
    }
    // the last passwords (their salted hashes) are not used again
    accounts.checkHistory(user, password);
  }

  /** The new password's hash goes to the history; set by someone else, it must be changed at next login. */
  @Override
  public void saved(User user, String actingUserId) {
    accounts.passwordSaved(user, actingUserId);
  }

  /** The broken rules, in Chinese, separated by ；. */
  public static String violations(PasswordPolicyResult result) {
    return result.getViolatedRules().stream()
        .map(PasswordPolicyCheck::describe)
        .collect(Collectors.joining("；"));
  }

  static String describe(PasswordPolicyRule rule) {
    Map<String, String> p = rule.getParameters() == null ? Map.of() : rule.getParameters();
    return switch (rule.getPlaceholder()) {
      case "PASSWORD_POLICY_LENGTH" -> "至少 " + p.get("minLength") + " 个字符";
      case "PASSWORD_POLICY_LOWERCASE" -> "至少 " + p.get("minLowerCase") + " 个小写字母";
      case "PASSWORD_POLICY_UPPERCASE" -> "至少 " + p.get("minUpperCase") + " 个大写字母";
      case "PASSWORD_POLICY_DIGIT" -> "至少 " + p.get("minDigit") + " 个数字";
      case "PASSWORD_POLICY_SPECIAL" -> "至少 " + p.get("minSpecial") + " 个特殊字符（如 !@#$%&*）";
      case "PASSWORD_POLICY_USER_DATA" -> "不能包含用户名、姓名或邮箱";
      default -> "须满足规则 " + rule.getPlaceholder() + (p.isEmpty() ? "" : " " + p);
    };
  }
}
