package cn.officeflow.platform.docgen;

import freemarker.cache.ClassTemplateLoader;
import freemarker.core.OutputFormat;
import freemarker.template.Configuration;
import freemarker.template.TemplateExceptionHandler;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** The one FreeMarker set-up of the project (公文 .docx, 处理笺 HTML, notification texts): strict and UTF-8. */
public final class FreeMarkerTemplates {

  private FreeMarkerTemplates() {}

  /**
   * Templates from the classpath folder {@code root}, escaped for {@code format}: errors are thrown (never
   * rendered into the output), numbers are printed plainly, no localised look-up.
   */
  public static Configuration configuration(String root, OutputFormat format, Locale locale) {
    Configuration configuration = new Configuration(Configuration.VERSION_2_3_34);
    configuration.setTemplateLoader(new ClassTemplateLoader(FreeMarkerTemplates.class, root));
    configuration.setDefaultEncoding(StandardCharsets.UTF_8.name());
    configuration.setOutputEncoding(StandardCharsets.UTF_8.name());
    configuration.setOutputFormat(format);
    configuration.setRecognizeStandardFileExtensions(false);
    configuration.setLocalizedLookup(false);
    configuration.setLocale(locale);
    configuration.setNumberFormat("computer");
    configuration.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
    configuration.setLogTemplateExceptions(false);
    configuration.setWrapUncheckedExceptions(true);
    return configuration;
  }
}
