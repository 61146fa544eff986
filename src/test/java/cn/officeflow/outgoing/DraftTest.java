package cn.officeflow.outgoing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.officeflow.platform.web.ValidationException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The 发文 draft refuses control characters in every text field, naming the field. */
class DraftTest {

  static Map<String, Object> valid() {
    Map<String, Object> variables = new HashMap<>();
    variables.put("title", "关于开展安全检查的通知");
    variables.put("docType", "通知");
    variables.put("mainRecipients", "各处室");
    variables.put("copyTo", "市政府办公室");
    variables.put("body", "各处室：\n\t应当开展自查。\r\n");
    variables.put("attachments", "检查表\n自查报告模板");
    return variables;
  }

  @Test
  void controlCharactersInAnyTextFieldAreRefused() {
    for (String field : List.of("title", "mainRecipients", "copyTo", "body", "attachments")) {
      Map<String, Object> variables = valid();
      variables.put(field, variables.get(field) + "\u0000\u001b");
      assertThatThrownBy(() -> Draft.from(variables::get, "行办发"))
          .as(field)
          .isInstanceOf(ValidationException.class)
          .hasMessageStartingWith("字段 " + field + "：不能包含控制字符");
    }
  }

  @Test
  void tabsAndLineEndsAreAccepted() {
    Draft draft = Draft.from(valid()::get, "行办发");
    assertThat(draft.body()).isEqualTo("各处室：\n\t应当开展自查。");
    assertThat(draft.attachments()).isEqualTo("检查表\n自查报告模板");
  }

  @Test
  void secrecyPeriodOnlyOnClassifiedDocumentsAndInTheFormOfTheStandard() {
    Map<String, Object> secret = valid();
    secret.put("secrecy", "秘密");
    secret.put("secrecyPeriod", "★1年");
    assertThat(Draft.from(secret::get, "行办发").secrecyPeriod()).isEqualTo("1年");
    secret.put("secrecyPeriod", "长期");
    assertThat(Draft.from(secret::get, "行办发").secrecyPeriod()).isEqualTo("长期");
    secret.remove("secrecyPeriod");
    assertThat(Draft.from(secret::get, "行办发").secrecyPeriod()).isNull();

    for (String bad : List.of("一年", "0年", "100年", "1天", "1年半")) {
      secret.put("secrecyPeriod", bad);
      assertThatThrownBy(() -> Draft.from(secret::get, "行办发"))
          .as(bad)
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("secrecyPeriod")
          .hasMessageContaining("保密期限");
    }
    Map<String, Object> open = valid();
    open.put("secrecy", "内部");
    open.put("secrecyPeriod", "1年");
    assertThatThrownBy(() -> Draft.from(open::get, "行办发"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("secrecyPeriod")
        .hasMessageContaining("秘密 或 机密");
  }

  @Test
  void aRequestNeedsNotesWithTheContact() {
    Map<String, Object> request = valid();
    request.put("docType", "请示");
    assertThatThrownBy(() -> Draft.from(request::get, "行办发"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("notes")
        .hasMessageContaining("联系人");
    request.put("notes", "（）");
    assertThatThrownBy(() -> Draft.from(request::get, "行办发"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("notes");
    request.put("notes", "（联系人：李明，电话：12345678）");
    assertThat(Draft.from(request::get, "行办发").notes()).isEqualTo("联系人：李明，电话：12345678");
    request.put("notes", "联".repeat(Draft.MAX_NOTES + 1));
    assertThatThrownBy(() -> Draft.from(request::get, "行办发"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("notes");
    // a 通知 may carry 附注 or not
    assertThat(Draft.from(valid()::get, "行办发").notes()).isNull();
  }
}
