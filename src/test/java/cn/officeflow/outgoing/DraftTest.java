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
}
