package cn.officeflow.platform.docgen;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * PDF/A-2b by headless LibreOffice ({@code soffice --convert-to pdf}).
 *
 * <p>Every conversion runs in its own {@code soffice} process with a user profile of its own
 * ({@code -env:UserInstallation}): two processes on one profile block each other. Profiles are
 * reused (a fresh profile costs a few seconds on the first start), at most {@link #PROFILES} at a
 * time; a further conversion waits for a free one.
 *
 * <p>CPU: {@code soffice} runs under {@code nice} ({@code officeflow.docgen.nice}, default 10; 0 runs it at the
 * application's own priority), so that a conversion in the background takes the processor only when the
 * users' requests leave it idle: on a small server two conversions otherwise slow every click in Tasklist.
 *
 * <p>Fonts: GB/T 9704 names 仿宋_GB2312, 方正小标宋简体, 黑体 and 楷体_GB2312. LibreOffice takes the
 * closest installed face (fontconfig: Noto Serif/Sans CJK SC from {@code fonts-noto-cjk} on Debian).
 * An office that owns the official fonts names their folder in {@code officeflow.docgen.fonts-dir};
 * fontconfig then finds them by their names and they are embedded in the PDF.
 */
@Component
public class LibreOfficeConverter implements PdfConverter {

  static final int PROFILES = 2;

  /** PDF/A-2b (SelectPdfVersion 2), fonts embedded, no form fields. */
  private static final String PDF_FILTER =
      "pdf:writer_pdf_Export:{\"SelectPdfVersion\":{\"type\":\"long\",\"value\":\"2\"},"
          + "\"ExportFormFields\":{\"type\":\"boolean\",\"value\":\"false\"}}";

  /** The faces the templates name → the free face (fonts-noto-cjk) that stands in for them. */
  private static final Map<String, String> FALLBACK_FACES =
      Map.of(
          "仿宋_GB2312", "Noto Serif CJK SC",
          "方正小标宋简体", "Noto Serif CJK SC",
          "楷体_GB2312", "Noto Serif CJK SC",
          "黑体", "Noto Sans CJK SC",
          "宋体", "Noto Serif CJK SC");

  private final String soffice;
  private final String fontsDir;
  private final long timeoutSeconds;
  private final List<String> prefix;
  private final BlockingQueue<Path> profiles = new ArrayBlockingQueue<>(PROFILES);

  public LibreOfficeConverter(
      @Value("${officeflow.docgen.soffice:soffice}") String soffice,
      @Value("${officeflow.docgen.fonts-dir:}") String fontsDir,
      @Value("${officeflow.docgen.timeout-seconds:180}") long timeoutSeconds,
      @Value("${officeflow.docgen.nice:10}") int nice) {
    if (nice < 0 || nice > 19) {
      throw new IllegalArgumentException(
          "officeflow.docgen.nice 必须在 0 到 19 之间（越大越让出处理器），当前为 " + nice);
    }
    this.soffice = soffice;
    this.prefix =
        nice > 0 && niceAvailable() ? List.of("nice", "-n", Integer.toString(nice)) : List.of();
    this.fontsDir = fontsDir == null ? "" : fontsDir.strip();
    this.timeoutSeconds = timeoutSeconds;
    try {
      Path root = Files.createTempDirectory("officeflow-soffice-");
      for (int i = 0; i < PROFILES; i++) {
        profiles.add(Files.createDirectories(root.resolve("profile-" + i)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create LibreOffice profile folders", e);
    }
  }

  /** Whether the {@code nice} command is on the PATH (Linux, macOS; not Windows). */
  private static boolean niceAvailable() {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(java.io.File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "nice"))) {
        return true;
      }
    }
    return false;
  }

  /** The command line prefix that lowers the conversion's CPU priority (empty when it runs as is). */
  List<String> prefix() {
    return prefix;
  }

  /** Whether {@code soffice} can be started here (the renderer tests skip without it). */
  public boolean available() {
    try {
      Process process = new ProcessBuilder(soffice, "--version").redirectErrorStream(true).start();
      process.getInputStream().readAllBytes();
      return process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @Override
  public List<byte[]> toPdf(List<byte[]> docxFiles) {
    if (docxFiles.isEmpty()) {
      return List.of();
    }
    Path profile = takeProfile();
    Path work = null;
    try {
      work = Files.createTempDirectory("officeflow-pdf-");
      List<String> command = new ArrayList<>(prefix);
      command.addAll(List.of(soffice, "--headless", "--norestore"));
      command.add("-env:UserInstallation=" + profile.toUri());
      command.addAll(List.of("--convert-to", PDF_FILTER, "--outdir", work.toString()));
      for (int i = 0; i < docxFiles.size(); i++) {
        Path docx = work.resolve("doc" + i + ".docx");
        Files.write(docx, docxFiles.get(i));
        command.add(docx.toString());
      }
      run(command, work);
      List<byte[]> pdfs = new ArrayList<>(docxFiles.size());
      for (int i = 0; i < docxFiles.size(); i++) {
        Path pdf = work.resolve("doc" + i + ".pdf");
        if (!Files.isRegularFile(pdf)) {
          throw new PdfConversionException("LibreOffice 未能将公文转换为 PDF（没有生成文件），请查看服务器日志");
        }
        pdfs.add(Files.readAllBytes(pdf));
      }
      return pdfs;
    } catch (IOException e) {
      throw new PdfConversionException("生成 PDF 时读写临时文件失败：" + e.getMessage(), e);
    } finally {
      deleteQuietly(work);
      profiles.add(profile);
    }
  }

  private void run(List<String> command, Path work) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.redirectOutput(work.resolve("soffice.log").toFile());
    builder.environment().put("FONTCONFIG_FILE", fontConfig(work).toString());
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw notInstalled(e);
    }
    try {
      if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new PdfConversionException("LibreOffice 转换 PDF 超时（" + timeoutSeconds + " 秒）");
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new PdfConversionException("PDF 转换被中断", e);
    }
    if (!prefix.isEmpty() && (process.exitValue() == 126 || process.exitValue() == 127)) {
      // nice ran, but could not start soffice
      throw notInstalled(null);
    }
    if (process.exitValue() != 0) {
      String log = Files.readString(work.resolve("soffice.log"), StandardCharsets.UTF_8);
      throw new PdfConversionException(
          "LibreOffice 转换 PDF 失败（退出码 " + process.exitValue() + "）：" + log.strip());
    }
  }

  private PdfConversionException notInstalled(IOException cause) {
    return new PdfConversionException(
        "未找到 LibreOffice（"
            + soffice
            + "），无法生成 PDF。请在服务器上安装 LibreOffice（Debian/Ubuntu："
            + "apt-get install libreoffice-writer-nogui fonts-noto-cjk），然后在 Cockpit 中重试该作业",
        cause);
  }

  /**
   * fontconfig for one conversion: the system configuration, the office's own font folder, and for
   * each face GB/T 9704 names a free Simplified Chinese face to fall back on ({@code <accept>}:
   * used only when the named face is not installed). Without these LibreOffice takes DejaVu Sans
   * for digits and the Japanese cut of Noto Sans CJK for Chinese.
   */
  private Path fontConfig(Path work) throws IOException {
    StringBuilder xml =
        new StringBuilder(
            "<?xml version=\"1.0\"?>\n<!DOCTYPE fontconfig SYSTEM \"fonts.dtd\">\n<fontconfig>\n"
                + "  <include ignore_missing=\"yes\">/etc/fonts/fonts.conf</include>\n");
    if (!fontsDir.isEmpty()) {
      xml.append("  <dir>").append(fontsDir.replace("&", "&amp;").replace("<", "&lt;"));
      xml.append("</dir>\n");
    }
    FALLBACK_FACES.forEach(
        (face, free) ->
            xml.append("  <alias binding=\"same\"><family>")
                .append(face)
                .append("</family><accept><family>")
                .append(free)
                .append("</family></accept></alias>\n"));
    xml.append("</fontconfig>\n");
    return Files.writeString(work.resolve("fonts.conf"), xml, StandardCharsets.UTF_8);
  }

  private Path takeProfile() {
    try {
      return profiles.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PdfConversionException("PDF 转换被中断", e);
    }
  }

  private static void deleteQuietly(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temp folder left behind is harmless
    }
  }
}
