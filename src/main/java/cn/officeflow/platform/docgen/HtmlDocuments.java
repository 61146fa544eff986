package cn.officeflow.platform.docgen;

import freemarker.cache.ClassTemplateLoader;
import freemarker.core.HTMLOutputFormat;
import freemarker.template.Configuration;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
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
    configuration = new Configuration(Configuration.VERSION_2_3_34);
    configuration.setTemplateLoader(new ClassTemplateLoader(HtmlDocuments.class, "/templates/html/"));
    configuration.setDefaultEncoding(StandardCharsets.UTF_8.name());
    configuration.setOutputFormat(HTMLOutputFormat.INSTANCE);
    configuration.setLocalizedLookup(false);
    configuration.setLocale(Locale.SIMPLIFIED_CHINESE);
    configuration.setNumberFormat("computer");
    configuration.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
    configuration.setLogTemplateExceptions(false);
    configuration.setWrapUncheckedExceptions(true);
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
      throw new IllegalStateException("cannot render document template " + name + ".ftlh: " + e.getMessage(), e);
    }
  }
}
