package cn.officeflow.platform.forms;

import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;

/**
 * A list of choices for Camunda Forms that comes from the database at the moment a form is shown (items in
 * stock, later departments and leaders), instead of a list typed into the form. A form field names the source
 * with {@code "valuesKey": "options_<key>"}; {@link FormOptionsFilter} puts the current choices into the form
 * as it is served to Tasklist. The server-side validation of the field must use the same data.
 */
public interface FormOptionSource {

  /** The prefix of {@code valuesKey} that marks a field filled by a source. */
  String VALUES_KEY_PREFIX = "options_";

  /** The source's key: a form uses {@code "valuesKey": "options_" + key()}. */
  String key();

  /** The current choices, in the order shown. */
  List<FormOption> options();

  /** A source named {@code key} whose choices {@code options} gives each time a form is served. */
  static FormOptionSource of(String key, Supplier<List<FormOption>> options) {
    return new FormOptionSource() {
      @Override
      public String key() {
        return key;
      }

      @Override
      public List<FormOption> options() {
        return options.get();
      }
    };
  }

  /**
   * Choices that depend on the case (the members of this item's lead department…) as a Json task variable for a
   * field's {@code valuesKey}: Tasklist loads a task's variables and parses Json ones into form-js options.
   */
  static TypedValue asVariable(List<FormOption> options) {
    SpinJsonNode array = Spin.JSON("[]");
    for (FormOption option : options) {
      SpinJsonNode entry = Spin.JSON("{}");
      entry.prop("label", option.label());
      entry.prop("value", option.value());
      array.append(entry);
    }
    return SpinValues.jsonValue(array).create();
  }

  /** One choice: what the user reads and the value submitted. */
  record FormOption(String label, String value) {}
}
