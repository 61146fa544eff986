package cn.officeflow.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.officeflow.platform.web.ValidationException;
import cn.officeflow.support.HttpTest;
import jakarta.ws.rs.core.Response;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The engine's password policy (enablePasswordPolicy) as a 400 listing each broken rule in Chinese. */
@HttpTest
class PasswordPolicyCheckTest {

  @Autowired PasswordPolicyCheck check;
  @Autowired IdentityService identity;

  @Test
  void weakPasswordIsA400ListingEveryBrokenRule() {
    assertThatThrownBy(() -> check.check(user(), "123456"))
        .isInstanceOf(InvalidRequestException.class)
        .isInstanceOf(ValidationException.class)
        .satisfies(
            e ->
                assertThat(((InvalidRequestException) e).getStatus())
                    .isEqualTo(Response.Status.BAD_REQUEST))
        .hasMessageStartingWith("字段 password：密码不符合密码策略：")
        .hasMessageContaining("至少 10 个字符")
        .hasMessageContaining("至少 1 个小写字母")
        .hasMessageContaining("至少 1 个大写字母")
        .hasMessageContaining("至少 1 个特殊字符")
        .hasMessageNotContaining("数字")
        .hasMessageNotContaining("PASSWORD_POLICY");
    assertThatThrownBy(() -> check.check(user(), null))
        .hasMessageContaining("至少 10 个字符")
        .hasMessageContaining("至少 1 个数字");
  }

  @Test
  void theNumbersComeFromThePolicy() {
    String lengthRule =
        identity.getPasswordPolicy().getRules().stream()
            .filter(r -> r.getPlaceholder().equals("PASSWORD_POLICY_LENGTH"))
            .findFirst()
            .orElseThrow()
            .getParameters()
            .get("minLength");
    assertThatThrownBy(() -> check.check(user(), "Ab1!"))
        .hasMessageContaining("至少 " + lengthRule + " 个字符")
        .hasMessageNotContaining("字母")
        .hasMessageNotContaining("特殊字符");
  }

  @Test
  void passwordWithTheUsersOwnDataIsRefused() {
    assertThatThrownBy(() -> check.check(user(), "Wenshu@2026!x"))
        .hasMessageContaining("不能包含用户名、姓名或邮箱");
  }

  @Test
  void strongPasswordPasses() {
    assertThatCode(() -> check.check(user(), "Qiangmima@2026x")).doesNotThrowAnyException();
  }

  private User user() {
    User user = identity.newUser("wenshu");
    user.setFirstName("文");
    user.setLastName("书");
    user.setEmail("wenshu@officeflow.example");
    return user;
  }
}
