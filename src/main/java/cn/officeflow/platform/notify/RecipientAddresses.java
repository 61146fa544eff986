package cn.officeflow.platform.notify;

import cn.officeflow.platform.engine.SystemAuthentication;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * Where a user is reached: the e-mail of their Camunda user, and the phone number kept as the Camunda
 * user info entry {@code phone} (Camunda's User has no phone field; set it with
 * {@code identityService.setUserInfo(userId, "phone", "13800000000")}).
 */
@Component
public class RecipientAddresses {

  /** The user info key of the mobile number. */
  public static final String PHONE = "phone";

  private final IdentityService identity;

  public RecipientAddresses(IdentityService identity) {
    this.identity = identity;
  }

  /** The address for the channel, or null when the user has none (or does not exist). */
  public String address(String userId, Channel channel) {
    return SystemAuthentication.call(
        identity,
        () -> {
          String value;
          if (channel == Channel.MAIL) {
            User user = identity.createUserQuery().userId(userId).singleResult();
            value = user == null ? null : user.getEmail();
          } else {
            value = identity.getUserInfo(userId, PHONE);
          }
          return value == null || value.isBlank() ? null : value.strip();
        });
  }

  public static String missing(String userId, Channel channel) {
    return channel == Channel.MAIL
        ? "用户 " + userId + " 未设置电子邮箱（请在 Admin 的用户资料中填写后重试）"
        : "用户 " + userId + " 未设置手机号（Camunda 用户信息 phone）";
  }
}
