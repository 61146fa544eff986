package cn.officeflow.platform.forms;

import cn.officeflow.platform.web.OkResponseRewrite;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Fills the choices of deployed Camunda Forms from the organisation's data as the form is served.
 *
 * <p>Tasklist 7.24 loads a task's variables for {@code valuesKey} fields but not a start form's (there is no
 * process yet), so variables cannot carry the choices of a start form. Both kinds of form are fetched as JSON
 * from {@code .../process-definition/{id}/deployed-start-form} and {@code .../task/{id}/deployed-form} (the
 * webapp's engine API and /engine-rest): for every field whose {@code valuesKey} is {@code options_<key>} of a
 * {@link FormOptionSource}, this filter replaces the key by the source's current {@code values}. A field with an
 * unknown source, a form that is not JSON and every other answer pass unchanged; a form opened outside the
 * application (Modeler's preview) shows the field with no choices.
 */
public class FormOptionsFilter extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(FormOptionsFilter.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern DEPLOYED_FORM =
      Pattern.compile(".*/(process-definition|task)/.+/deployed-(start-)?form$");

  private final Map<String, FormOptionSource> sources;

  public FormOptionsFilter(List<FormOptionSource> sources) {
    this.sources =
        sources.stream()
            .collect(
                Collectors.toMap(
                    s -> FormOptionSource.VALUES_KEY_PREFIX + s.key(), Function.identity()));
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"GET".equals(request.getMethod())
        || !DEPLOYED_FORM.matcher(request.getRequestURI()).matches();
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    OkResponseRewrite.filter(request, response, chain, this::fill);
  }

  /** The form with its sourced choices filled in, or null when there is nothing to fill. */
  byte[] fill(byte[] body) {
    JsonNode form;
    try {
      form = JSON.readTree(body);
    } catch (IOException e) {
      return null;
    }
    if (form == null || !form.has("components")) {
      return null;
    }
    Map<String, ArrayNode> cache = new HashMap<>();
    if (!fill(form.get("components"), cache)) {
      return null;
    }
    try {
      return JSON.writeValueAsBytes(form);
    } catch (IOException e) {
      LOG.warn("form with sourced choices could not be written", e);
      return null;
    }
  }

  private boolean fill(JsonNode components, Map<String, ArrayNode> cache) {
    boolean changed = false;
    if (components == null || !components.isArray()) {
      return false;
    }
    for (JsonNode component : components) {
      if (component instanceof ObjectNode field
          && field.path("valuesKey").isTextual()
          && sources.containsKey(field.get("valuesKey").asText())) {
        String key = field.get("valuesKey").asText();
        field.remove("valuesKey");
        field.set("values", cache.computeIfAbsent(key, k -> values(sources.get(k))));
        changed = true;
      }
      changed |= fill(component.get("components"), cache);
    }
    return changed;
  }

  private static ArrayNode values(FormOptionSource source) {
    ArrayNode values = JSON.createArrayNode();
    for (FormOptionSource.FormOption option : source.options()) {
      values.addObject().put("label", option.label()).put("value", option.value());
    }
    return values;
  }
}
