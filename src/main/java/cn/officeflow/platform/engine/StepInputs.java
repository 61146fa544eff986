package cn.officeflow.platform.engine;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * What one step of a process (a start, a user task, a message) accepts from its user: the editable
 * fields of its form plus the names its model declares for REST callers ({@code inputVariables}), and
 * the read-only fields its form shows (accepted only when sent back unchanged).
 *
 * @param step the step's name for messages (Chinese name of the element, else its id)
 * @param editable variables the user may set at this step
 * @param readOnly variables the form shows read-only
 * @param labels the form's label of each variable it shows (for messages), where it has one
 * @param aliases form keys that stand for an editable variable (form-js custom property {@value
 *     #SUBMIT_AS_PROPERTY}), alias → variable: accepted too, and stored by the engine guard under the variable; not
 *     in {@code editable}, which lists what REST callers send
 */
public record StepInputs(
    String step,
    Set<String> editable,
    Set<String> readOnly,
    Map<String, String> labels,
    Map<String, String> aliases) {

  /** Name of the BPMN extension property ({@code camunda:property}) that declares REST inputs. */
  public static final String INPUT_VARIABLES_PROPERTY = "inputVariables";

  /**
   * Custom property of a form field (form-js {@code "properties": {"submitAs": "comment"}}): the field's value is
   * stored as that variable. It lets a form show one variable as two fields that its conditions never show
   * together (form-js forbids two fields with one key), e.g. an optional 审批意见 on 同意 and a required one on 退回.
   */
  public static final String SUBMIT_AS_PROPERTY = "submitAs";

  public StepInputs {
    editable = Collections.unmodifiableSet(new LinkedHashSet<>(editable));
    Set<String> ro = new LinkedHashSet<>(readOnly);
    ro.removeAll(editable);
    readOnly = Collections.unmodifiableSet(ro);
    labels = labels == null ? Map.of() : Map.copyOf(labels);
    aliases = aliases == null ? Map.of() : Map.copyOf(aliases);
  }

  public StepInputs(String step, Set<String> editable, Set<String> readOnly) {
    this(step, editable, readOnly, Map.of(), Map.of());
  }

  public static StepInputs none(String step) {
    return new StepInputs(step, Set.of(), Set.of());
  }

  /** 「标题」 for a field the form labels, else the variable's name. */
  public String label(String variable) {
    String label = labels.get(variable);
    return label == null || label.isBlank() ? variable : "「" + label + "」";
  }

  /** The editable names as a readable list for error messages. */
  public String editableText() {
    return editable.isEmpty() ? "（本环节不接受任何变量）" : String.join("、", editable);
  }
}
