package cn.officeflow.platform.engine;

import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.impl.variable.serializer.PrimitiveValueSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.ValueFields;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.impl.value.UntypedValueImpl;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.engine.variable.value.StringValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * Stores String variables longer than Camunda's 4,000-character text column in the byte-array table
 * (ACT_GE_BYTEARRAY), for runtime and history alike. The variable stays of type String for every
 * client: REST shows {@code "type": "String"}, Tasklist's forms read and submit plain text, and a
 * 公文 body of 50,000 characters round-trips unchanged. Shorter strings keep Camunda's own serializer.
 */
public class LongStringSerializer extends PrimitiveValueSerializer<StringValue> {

  public static final String NAME = "longString";

  /** Longest string the engine's TEXT_ column takes (4,000 characters; UTF-16 units counted). */
  public static final int TEXT_COLUMN_LIMIT = 4000;

  public LongStringSerializer() {
    super(ValueType.STRING);
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  protected boolean canWriteValue(TypedValue value) {
    return value.getValue() instanceof String text && text.length() > TEXT_COLUMN_LIMIT;
  }

  @Override
  public StringValue convertToTypedValue(UntypedValueImpl untypedValue) {
    return Variables.stringValue((String) untypedValue.getValue(), untypedValue.isTransient());
  }

  @Override
  public void writeValue(StringValue value, ValueFields valueFields) {
    valueFields.setTextValue(null);
    valueFields.setByteArrayValue(value.getValue().getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public StringValue readValue(ValueFields valueFields, boolean asTransientValue) {
    byte[] bytes = valueFields.getByteArrayValue();
    return Variables.stringValue(
        bytes == null ? null : new String(bytes, StandardCharsets.UTF_8), asTransientValue);
  }
}
