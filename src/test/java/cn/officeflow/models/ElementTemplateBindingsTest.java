package cn.officeflow.models;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The project's models use the element templates (bpmn/.camunda/element-templates) so that Modeler shows a
 * form instead of an expression: every delegate a model uses has a template and every element using it
 * references that template; every listener used on more than one element belongs to a template; and every
 * element that references a template ({@code camunda:modelerTemplate}, {@code modelerTemplateVersion})
 * matches it — the template's version and element type, each fixed (Hidden) binding present with its value,
 * and each editable property it holds passing the template's check.
 */
class ElementTemplateBindingsTest {

  static final String BPMN_NS = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";
  static final ObjectMapper JSON = new ObjectMapper();

  static final Map<String, JsonNode> TEMPLATES = new HashMap<>();
  static final List<ModelElement> ELEMENTS = new ArrayList<>();

  /** An element of a shipped model that has an id. */
  record ModelElement(String model, Element element) {
    String id() {
      return element.getAttribute("id");
    }

    String where() {
      return model + "#" + id();
    }
  }

  @BeforeAll
  static void load() throws Exception {
    try (Stream<Path> files = Files.list(ElementTemplatesTest.DIR)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".json")).toList()) {
        JsonNode template = JSON.readTree(file.toFile());
        TEMPLATES.put(template.path("id").asText(), template);
      }
    }
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
      for (Path file : files.filter(p -> p.toString().endsWith(".bpmn")).sorted().toList()) {
        NodeList all =
            factory.newDocumentBuilder().parse(file.toFile()).getElementsByTagNameNS(BPMN_NS, "*");
        for (int i = 0; i < all.getLength(); i++) {
          Element element = (Element) all.item(i);
          if (!element.getAttribute("id").isBlank()) {
            ELEMENTS.add(new ModelElement(file.getFileName().toString(), element));
          }
        }
      }
    }
  }

  @Test
  void everyDelegateOfTheModelsHasATemplateThatItsElementsReference() {
    Map<String, String> templateOfDelegate = new HashMap<>();
    TEMPLATES.forEach(
        (id, template) ->
            fixed(template).stream()
                .filter(p -> "camunda:delegateExpression".equals(binding(p, "name")))
                .forEach(p -> templateOfDelegate.put(p.path("value").asText(), id)));
    int delegates = 0;
    for (ModelElement e : ELEMENTS) {
      String delegate = e.element().getAttributeNS(CAMUNDA_NS, "delegateExpression");
      if (delegate.isBlank()) {
        continue;
      }
      delegates++;
      assertThat(templateOfDelegate)
          .as("template for %s (%s)", delegate, e.where())
          .containsKey(delegate);
      assertThat(e.element().getAttributeNS(CAMUNDA_NS, "modelerTemplate"))
          .as("%s references the template of %s", e.where(), delegate)
          .isEqualTo(templateOfDelegate.get(delegate));
    }
    assertThat(delegates).isGreaterThanOrEqualTo(19);
  }

  @Test
  void everyListenerUsedMoreThanOnceBelongsToATemplate() {
    Set<String> templated = new HashSet<>();
    TEMPLATES
        .values()
        .forEach(
            t ->
                fixed(t).stream()
                    .filter(p -> "camunda:executionListener".equals(binding(p, "type")))
                    .forEach(p -> templated.add(p.path("value").asText())));
    Map<String, Integer> uses = new HashMap<>();
    for (ModelElement e : ELEMENTS) {
      for (Element listener : listeners(e.element())) {
        String delegate = listener.getAttribute("delegateExpression");
        if (!delegate.isBlank()) {
          uses.merge(delegate, 1, Integer::sum);
        }
      }
    }
    uses.forEach(
        (delegate, count) -> {
          if (count > 1) {
            assertThat(templated).as("%s is used %d times", delegate, count).contains(delegate);
          }
        });
    assertThat(uses.get("${reviewTrailListener}")).isGreaterThan(20);
  }

  @Test
  void everyTemplatedElementMatchesItsTemplate() {
    int templated = 0;
    Set<String> used = new HashSet<>();
    for (ModelElement e : ELEMENTS) {
      String id = e.element().getAttributeNS(CAMUNDA_NS, "modelerTemplate");
      if (id.isBlank()) {
        continue;
      }
      templated++;
      used.add(id);
      JsonNode template = TEMPLATES.get(id);
      assertThat(template).as("%s: template %s exists", e.where(), id).isNotNull();
      assertThat(e.element().getAttributeNS(CAMUNDA_NS, "modelerTemplateVersion"))
          .as("%s: template version", e.where())
          .isEqualTo(template.path("version").asText());
      List<String> appliesTo = new ArrayList<>();
      template.path("appliesTo").forEach(a -> appliesTo.add(a.asText()));
      assertThat(appliesTo)
          .as("%s: element type", e.where())
          .contains(
              "bpmn:"
                  + Character.toUpperCase(e.element().getLocalName().charAt(0))
                  + e.element().getLocalName().substring(1));
      for (JsonNode property : template.path("properties")) {
        String label = e.where() + ": " + property.path("label").asText();
        if ("Hidden".equals(property.path("type").asText())) {
          assertThat(holds(e.element(), property)).as(label).isTrue();
        }
        JsonNode pattern = property.path("constraints").path("pattern").path("value");
        String value = value(e.element(), property);
        if (!pattern.isMissingNode() && value != null) {
          assertThat(Pattern.compile(pattern.asText()).matcher(value).matches())
              .as("%s = %s passes the template's check", label, value)
              .isTrue();
        }
      }
    }
    assertThat(templated).isGreaterThanOrEqualTo(45);
    assertThat(used).contains("cn.officeflow.ApprovalTask", "cn.officeflow.ReviewTrailTask");
  }

  /** Whether the element holds a fixed binding with the template's value. */
  private static boolean holds(Element element, JsonNode property) {
    String expected = property.path("value").asText();
    return switch (binding(property, "type")) {
      case "camunda:executionListener" ->
          listeners(element).stream()
              .anyMatch(
                  l ->
                      l.getAttribute("event").equals(binding(property, "event"))
                          && l.getAttribute(implementation(property)).equals(expected));
      default -> expected.equals(value(element, property));
    };
  }

  /** What the element holds for a binding (null when absent); listeners are matched by {@link #holds}. */
  private static String value(Element element, JsonNode property) {
    String name = binding(property, "name");
    return switch (binding(property, "type")) {
      case "property" -> {
        String local = name.startsWith("camunda:") ? name.substring(8) : name;
        String v =
            name.startsWith("camunda:")
                ? element.getAttributeNS(CAMUNDA_NS, local)
                : element.getAttribute(local);
        yield element.hasAttributeNS(name.startsWith("camunda:") ? CAMUNDA_NS : null, local)
            ? v
            : null;
      }
      case "camunda:property" -> camunda(element, "property", name, "value");
      case "camunda:inputParameter" -> camunda(element, "inputParameter", name, null);
      case "camunda:outputParameter" -> camunda(element, "outputParameter", name, null);
      default -> null;
    };
  }

  /** The named camunda extension of the element: an attribute of it, or its text when attribute is null. */
  private static String camunda(Element element, String type, String name, String attribute) {
    for (Element extension : extensions(element, type)) {
      if (name.equals(extension.getAttribute("name"))) {
        return attribute == null
            ? extension.getTextContent().strip()
            : extension.getAttribute(attribute);
      }
    }
    return null;
  }

  private static String implementation(JsonNode property) {
    String type = binding(property, "implementationType");
    return type.isEmpty() ? "class" : type;
  }

  private static List<Element> listeners(Element element) {
    return extensions(element, "executionListener");
  }

  /** The camunda extension elements of this element itself (not of its children). */
  private static List<Element> extensions(Element element, String localName) {
    List<Element> found = new ArrayList<>();
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element ext
          && "extensionElements".equals(ext.getLocalName())
          && BPMN_NS.equals(ext.getNamespaceURI())) {
        NodeList matches = ext.getElementsByTagNameNS(CAMUNDA_NS, localName);
        for (int i = 0; i < matches.getLength(); i++) {
          found.add((Element) matches.item(i));
        }
      }
    }
    return found;
  }

  private static List<JsonNode> fixed(JsonNode template) {
    List<JsonNode> result = new ArrayList<>();
    template
        .path("properties")
        .forEach(
            p -> {
              if ("Hidden".equals(p.path("type").asText())) {
                result.add(p);
              }
            });
    return result;
  }

  private static String binding(JsonNode property, String field) {
    return property.path("binding").path(field).asText();
  }
}
