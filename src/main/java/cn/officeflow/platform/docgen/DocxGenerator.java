package cn.officeflow.platform.docgen;

import freemarker.core.XMLOutputFormat;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.stereotype.Component;

/**
 * Lays out an {@link OfficialDocument} as a GB/T 9704-2012 公文 in .docx (WordprocessingML).
 *
 * <p>The package parts live as readable XML under {@code /templates/docx/} on the classpath, one
 * file per part at its path inside the package. Parts ending in {@code .ftl} are FreeMarker
 * templates rendered for each document (XML output format: every interpolation is escaped); the
 * others are copied as they are. Templates and static parts are loaded once in the constructor;
 * {@link #generate} keeps no state and may run concurrently.
 */
@Component
public class DocxGenerator {

  static final String TEMPLATE_ROOT = "/templates/docx/";
  private static final String TEMPLATE_SUFFIX = ".ftl";

  /** Part names in zip order; [Content_Types].xml first, as some readers expect. */
  private static final List<String> PART_NAMES =
      List.of(
          "[Content_Types].xml",
          "_rels/.rels",
          "docProps/app.xml",
          "docProps/core.xml" + TEMPLATE_SUFFIX,
          "word/document.xml" + TEMPLATE_SUFFIX,
          "word/_rels/document.xml.rels",
          "word/styles.xml",
          "word/settings.xml",
          "word/fontTable.xml",
          "word/footer1.xml",
          "word/footer2.xml",
          "word/footer3.xml");

  /**
   * The 审批记录 appended to the archived PDF: its own document part, footer (page "x / y" of the record) and
   * settings (one footer for all pages), the 公文's styles and fonts. Resource name → part name.
   */
  private static final List<List<String>> APPROVAL_RECORD_PARTS =
      List.of(
          List.of("approval/[Content_Types].xml", "[Content_Types].xml"),
          List.of("_rels/.rels", "_rels/.rels"),
          List.of("docProps/app.xml", "docProps/app.xml"),
          List.of("approval/docProps/core.xml" + TEMPLATE_SUFFIX, "docProps/core.xml"),
          List.of("approval/word/document.xml" + TEMPLATE_SUFFIX, "word/document.xml"),
          List.of("approval/word/_rels/document.xml.rels", "word/_rels/document.xml.rels"),
          List.of("word/styles.xml", "word/styles.xml"),
          List.of("approval/word/settings.xml", "word/settings.xml"),
          List.of("word/fontTable.xml", "word/fontTable.xml"),
          List.of("approval/word/footer1.xml", "word/footer1.xml"));

  /** A fixed entry time makes the same document give the same bytes. */
  private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(1980, 1, 1, 0, 0);

  private final List<Part> parts;
  private final List<Part> approvalRecordParts;

  public DocxGenerator() {
    Configuration configuration = freemarkerConfiguration();
    this.parts = PART_NAMES.stream().map(name -> loadPart(configuration, name)).toList();
    this.approvalRecordParts =
        APPROVAL_RECORD_PARTS.stream()
            .map(names -> loadPart(configuration, names.get(0), names.get(1)))
            .toList();
  }

  /** The .docx bytes of {@code doc}. */
  public byte[] generate(OfficialDocument doc) {
    return write(parts, DocxModel.from(Objects.requireNonNull(doc, "doc")));
  }

  /**
   * The 审批记录 of a 公文 as a .docx on the 公文's page and fonts (rendered to PDF and appended to the archived
   * print copy).
   */
  public byte[] approvalRecord(ApprovalRecord record) {
    return write(approvalRecordParts, Objects.requireNonNull(record, "record"));
  }

  private static byte[] write(List<Part> parts, Object model) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(32 * 1024);
    try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
      for (Part part : parts) {
        writeEntry(zip, part, model);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write .docx", e);
    }
    return bytes.toByteArray();
  }

  private static void writeEntry(ZipOutputStream zip, Part part, Object model) throws IOException {
    ZipEntry entry = new ZipEntry(part.name());
    entry.setTimeLocal(ENTRY_TIME);
    zip.putNextEntry(entry);
    part.writeTo(zip, model);
    zip.closeEntry();
  }

  private static Configuration freemarkerConfiguration() {
    Configuration configuration =
        FreeMarkerTemplates.configuration(TEMPLATE_ROOT, XMLOutputFormat.INSTANCE, Locale.ROOT);
    configuration.setFallbackOnNullLoopVariable(false);
    return configuration;
  }

  private static Part loadPart(Configuration configuration, String resourceName) {
    return loadPart(
        configuration,
        resourceName,
        resourceName.endsWith(TEMPLATE_SUFFIX)
            ? resourceName.substring(0, resourceName.length() - TEMPLATE_SUFFIX.length())
            : resourceName);
  }

  private static Part loadPart(Configuration configuration, String resourceName, String partName) {
    if (resourceName.endsWith(TEMPLATE_SUFFIX)) {
      return new TemplatePart(partName, template(configuration, resourceName));
    }
    return new StaticPart(partName, resourceBytes(TEMPLATE_ROOT + resourceName));
  }

  private static Template template(Configuration configuration, String name) {
    try {
      return configuration.getTemplate(name);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot load template " + TEMPLATE_ROOT + name, e);
    }
  }

  private static byte[] resourceBytes(String path) {
    try (InputStream in = DocxGenerator.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing classpath resource " + path);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }

  /** One part of the package: its name inside the zip and how to write its content. */
  private interface Part {
    String name();

    void writeTo(OutputStream out, Object model) throws IOException;
  }

  private record StaticPart(String name, byte[] content) implements Part {
    @Override
    public void writeTo(OutputStream out, Object model) throws IOException {
      out.write(content);
    }
  }

  private record TemplatePart(String name, Template template) implements Part {
    @Override
    public void writeTo(OutputStream out, Object model) throws IOException {
      // flushed, never closed: closing the writer would close the zip
      Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
      try {
        template.process(model, writer);
      } catch (TemplateException e) {
        throw new IllegalStateException("cannot render " + template.getName(), e);
      }
      writer.flush();
    }
  }
}
