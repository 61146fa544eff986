package cn.officeflow.platform.forms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the filter does to a served form: sourced fields filled, also inside groups; the rest untouched. */
class FormOptionsFilterTest {

  static final ObjectMapper JSON = new ObjectMapper();

  final FormOptionsFilter filter =
      new FormOptionsFilter(
          List.of(
              new FormOptionSource() {
                @Override
                public String key() {
                  return "colours";
                }

                @Override
                public List<FormOption> options() {
                  return List.of(new FormOption("红", "red"), new FormOption("蓝", "blue"));
                }
              }));

  @Test
  void fillsSourcedFieldsAlsoInsideGroups() throws Exception {
    String form =
        "{\"type\":\"default\",\"components\":["
            + "{\"type\":\"select\",\"key\":\"a\",\"valuesKey\":\"options_colours\"},"
            + "{\"type\":\"group\",\"components\":["
            + "{\"type\":\"radio\",\"key\":\"b\",\"valuesKey\":\"options_colours\"}]},"
            + "{\"type\":\"select\",\"key\":\"c\",\"valuesKey\":\"someVariable\"},"
            + "{\"type\":\"select\",\"key\":\"d\",\"valuesKey\":\"options_unknown\"}]}";
    JsonNode filled = JSON.readTree(filter.fill(form.getBytes(StandardCharsets.UTF_8)));
    JsonNode a = filled.get("components").get(0);
    assertThat(a.has("valuesKey")).isFalse();
    assertThat(a.get("values").toString())
        .isEqualTo("[{\"label\":\"红\",\"value\":\"red\"},{\"label\":\"蓝\",\"value\":\"blue\"}]");
    assertThat(filled.get("components").get(1).get("components").get(0).get("values").size())
        .isEqualTo(2);
    // a task variable and an unknown source stay as the designer wrote them
    assertThat(filled.get("components").get(2).get("valuesKey").asText()).isEqualTo("someVariable");
    assertThat(filled.get("components").get(3).get("valuesKey").asText())
        .isEqualTo("options_unknown");
  }

  @Test
  void leavesOtherAnswersAlone() {
    assertThat(filter.fill("<form></form>".getBytes(StandardCharsets.UTF_8))).isNull();
    assertThat(filter.fill("{\"components\":[{\"key\":\"x\"}]}".getBytes(StandardCharsets.UTF_8)))
        .isNull();
    assertThat(filter.fill("[1,2]".getBytes(StandardCharsets.UTF_8))).isNull();
  }
}
