package cn.officeflow.platform.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.officeflow.platform.web.ValidationException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;

/** Form fields declared {@code "properties": {"submitAs": variable}} (see {@link StepInputs#SUBMIT_AS_PROPERTY}). */
class InputContractAliasTest {

  static final String FORM =
      """
      {"id": "f", "components": [
        {"type": "radio", "key": "decision", "label": "审核结论"},
        {"type": "textarea", "key": "approveComment", "label": "审批意见", "properties": {"submitAs": "comment"},
         "conditional": {"hide": "=decision = \\"reject\\""}},
        {"type": "textarea", "key": "comment", "label": "审批意见", "conditional": {"hide": "=decision != \\"reject\\""}},
        {"type": "textfield", "key": "shown", "label": "只读", "disabled": true, "properties": {"submitAs": "comment"}}
      ]}""";

  static final StepInputs STEP =
      new StepInputs(
          "部门初审",
          Set.of("decision", "comment"),
          Set.of(),
          Map.of("comment", "审批意见"),
          Map.of("approveComment", "comment"));

  @Test
  void theFormDeclaresItsAliasesOnlyOnEditableFields() {
    InputContract.FormFields form = InputContract.FormFields.parse(FORM);
    assertThat(form.editable()).containsExactly("decision", "approveComment", "comment");
    assertThat(form.aliases()).containsExactly(Map.entry("approveComment", "comment"));
  }

  @Test
  void anAliasIsStoredUnderItsVariableWithItsType() {
    VariableMap sent =
        Variables.createVariables()
            .putValue("decision", "approve")
            .putValueTyped("approveComment", Variables.stringValue("同意。"));
    VariableMap stored = InputContract.applyAliases(STEP, sent);
    assertThat(stored).containsOnlyKeys("decision", "comment").containsEntry("comment", "同意。");
    assertThat(stored.getValueTyped("comment").getType())
        .isEqualTo(Variables.stringValue("").getType());
    // a plain map (Java callers) works the same
    Map<String, Object> plain =
        new HashMap<>(Map.of("decision", "reject", "approveComment", "请改。"));
    assertThat(InputContract.applyAliases(STEP, plain)).containsOnlyKeys("decision", "comment");
  }

  @Test
  void blankAliasesAreDroppedAndNothingToDoAnswersNull() {
    assertThat(InputContract.applyAliases(STEP, Map.of("decision", "approve", "comment", "同意")))
        .isNull();
    assertThat(
            InputContract.applyAliases(STEP, Map.of("decision", "reject", "approveComment", " ")))
        .containsOnlyKeys("decision");
    assertThat(InputContract.applyAliases(STEP, Map.of("approveComment", "", "comment", "请改。")))
        .containsOnlyKeys("comment")
        .containsEntry("comment", "请改。");
  }

  @Test
  void twoDifferentTextsForOneVariableAreRefusedNamingTheAlias() {
    assertThatThrownBy(
            () ->
                InputContract.applyAliases(STEP, Map.of("comment", "请改。", "approveComment", "同意。")))
        .isInstanceOf(ValidationException.class)
        .satisfies(
            e -> assertThat(((ValidationException) e).getField()).isEqualTo("approveComment"))
        .hasMessageContaining("「审批意见」只能填写一处");
    assertThat(InputContract.applyAliases(STEP, Map.of("comment", "请改。", "approveComment", "请改。 ")))
        .containsOnlyKeys("comment")
        .containsEntry("comment", "请改。");
  }
}
