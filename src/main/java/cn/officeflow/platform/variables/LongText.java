package cn.officeflow.platform.variables;

import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * Text longer than Camunda's 4,000-character String column (a 公文 body of up to 50,000 characters).
 * Stored as an Object variable serialized as JSON, which lives in the byte-array table; Tasklist's
 * Camunda Forms parse JSON variables, so a form field bound to the variable shows the plain text.
 */
public final class LongText {

  private LongText() {
  }

  public static ObjectValue of(String text) {
    return Variables.objectValue(text == null ? "" : text)
        .serializationDataFormat(Variables.SerializationDataFormats.JSON).create();
  }

  /** The text of a variable that is either a LongText or a plain String (as Tasklist submits it). */
  public static String read(TypedValue value) {
    if (value == null || value.getValue() == null) {
      return null;
    }
    Object raw = value.getValue();
    return raw instanceof String s ? s : String.valueOf(raw);
  }
}
