package cn.officeflow.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** User text with control characters is refused naming the field; tab and line ends are text. */
class FormValuesTest {

  @Test
  void controlCharactersAreRefusedNamingTheField() {
    for (String text : List.of("a\u0000b", "\u001b[31m红色", "标题\u007f", "x\u0085y", "\u0001")) {
      assertThatThrownBy(() -> FormValues.optionalText(text, "title", 200, "标题"))
          .as(text)
          .isInstanceOf(ValidationException.class)
          .hasMessageStartingWith("字段 title：不能包含控制字符")
          .extracting(e -> ((ValidationException) e).getField())
          .isEqualTo("title");
    }
    assertThatThrownBy(() -> FormValues.requiredText("正文\u0000", "body", 100, "正文"))
        .hasMessageContaining("字段 body：不能包含控制字符")
        .hasMessageContaining("第 3 个字符为 U+0000");
    assertThatThrownBy(() -> FormValues.oneOf("普通\u0007", "urgency", List.of("普通"), "紧急程度", "普通"))
        .hasMessageContaining("字段 urgency：不能包含控制字符");
    assertThatThrownBy(() -> FormValues.ids("dept-a,dept\u0000b", "depts", "部门"))
        .hasMessageContaining("字段 depts：不能包含控制字符");
  }

  @Test
  void tabAndLineEndsAreText() {
    assertThat(FormValues.optionalText("第一段\r\n\t第二段\n", "body", 100, "正文"))
        .isEqualTo("第一段\r\n\t第二段");
    assertThat(FormValues.ids(List.of("a", " b "), "depts", "部门")).containsExactly("a", "b");
  }
}
