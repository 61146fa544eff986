package cn.officeflow.platform.notify;

import cn.officeflow.platform.docgen.FreeMarkerTemplates;
import freemarker.core.Environment;
import freemarker.core.PlainTextOutputFormat;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateScalarModel;
import java.io.IOException;
import java.io.StringWriter;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Renders the notification texts from {@code templates/notify/<name>.ftl} (plain text, Chinese).
 * A template's output is the e-mail body; it sets the subject with {@code <#assign subject>…</#assign>}
 * and may set a shorter SMS text with {@code <#assign sms>…</#assign>} (else the SMS carries the body).
 */
@Component
public class NotificationTemplates {

  static final String ROOT = "/templates/notify/";
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,63}");

  private final Configuration configuration;

  public NotificationTemplates() {
    configuration =
        FreeMarkerTemplates.configuration(
            ROOT, PlainTextOutputFormat.INSTANCE, Locale.SIMPLIFIED_CHINESE);
  }

  /** The rendered texts of one message. */
  public record Rendered(String subject, String body, String sms) {}

  public Rendered render(String name, Map<String, ?> model) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("invalid notification template name: " + name);
    }
    try {
      Template template = configuration.getTemplate(name + ".ftl");
      StringWriter body = new StringWriter();
      Environment environment = template.createProcessingEnvironment(model, body);
      environment.process();
      String subject = text(environment.getMainNamespace().get("subject"));
      if (subject == null || subject.isBlank()) {
        throw new IllegalStateException(
            "template " + name + ".ftl does not set a subject (<#assign subject>)");
      }
      String text = body.toString().strip();
      String sms = text(environment.getMainNamespace().get("sms"));
      return new Rendered(
          oneLine(subject), text, sms == null || sms.isBlank() ? text : oneLine(sms));
    } catch (IOException | TemplateException e) {
      throw new IllegalStateException(
          "cannot render notification template " + name + ".ftl: " + e.getMessage(), e);
    }
  }

  private static String text(TemplateModel model) throws TemplateModelException {
    return model instanceof TemplateScalarModel scalar ? scalar.getAsString() : null;
  }

  private static String oneLine(String text) {
    return text.strip().replaceAll("\\s*\\R\\s*", " ");
  }
}
