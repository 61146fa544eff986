package cn.officeflow.platform.docgen;

import freemarker.core.HTMLOutputFormat;
import freemarker.template.Configuration;
import freemarker.template.TemplateException;
import java.io.IOException;
import java.io.StringWriter;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Printable HTML documents (处理笺, 登记表 …) from {@code templates/html/<name>.ftlh}: FreeMarker with HTML
 * auto-escaping, so user text can never become markup.
 */
@Component
public class HtmlDocuments {

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,63}");

  private final Configuration configuration;

  public HtmlDocuments() {
    configuration =
        FreeMarkerTemplates.configuration(
            "/templates/html/", HTMLOutputFormat.INSTANCE, Locale.SIMPLIFIED_CHINESE);
  }

  public String render(String name, Map<String, ?> model) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("invalid document template name: " + name);
    }
    try {
      StringWriter out = new StringWriter();
      configuration.getTemplate(name + ".ftlh").process(model, out);
      return out.toString();
    } catch (IOException | TemplateException e) {
      throw new IllegalStateException(
          "cannot render document template " + name + ".ftlh: " + e.getMessage(), e);
    }
  }
}
