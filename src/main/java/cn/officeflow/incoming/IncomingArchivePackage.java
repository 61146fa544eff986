package cn.officeflow.incoming;

import cn.officeflow.platform.docgen.HtmlDocuments;
import cn.officeflow.platform.review.Review;
import cn.officeflow.platform.supervise.SupervisedCase;
import cn.officeflow.platform.supervise.SupervisedCases;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.stereotype.Component;

/**
 * What a 收文 leaves in the archive: one ZIP holding the 收文处理笺 (HTML: registration, 拟办, 批示, 传阅, 督办
 * with 办结报告 and 协办意见, the files with their SHA-256) and the electronic files themselves. Entry times are
 * the registration time, so the same 收文 always packs to the same bytes.
 */
@Component
public class IncomingArchivePackage {

  static final String SLIP = "收文处理笺.html";
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final HtmlDocuments html;
  private final SupervisedCases supervision;

  public IncomingArchivePackage(HtmlDocuments html, SupervisedCases supervision) {
    this.html = html;
    this.supervision = supervision;
  }

  public byte[] zip(
      IncomingDocument d,
      List<IncomingAttachment> files,
      Function<String, byte[]> content,
      List<Review> trail,
      SupervisedCase item) {
    long time = d.registeredAt().toInstant(ZoneOffset.ofHours(8)).toEpochMilli();
    // sized for the files plus the slip and ZIP headers, so the buffer is not copied while it grows
    long expected =
        files.stream().mapToLong(IncomingAttachment::size).sum() + 64 * 1024 + 512L * files.size();
    ByteArrayOutputStream bytes =
        new ByteArrayOutputStream((int) Math.min(expected, Integer.MAX_VALUE - 8));
    try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
      put(zip, SLIP, slip(d, files, trail, item).getBytes(StandardCharsets.UTF_8), time, true);
      for (IncomingAttachment f : files) {
        // scans (PDF, JPEG, TIFF …) are compressed already: stored as they are, not deflated again
        put(
            zip,
            "附件/" + String.format("%02d", f.seq()) + "-" + f.fileName(),
            content.apply(f.id()),
            time,
            false);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** The 收文处理笺 as HTML (also shown by GET /api/incoming-documents/{id}/slip). */
  public String slip(
      IncomingDocument d, List<IncomingAttachment> files, List<Review> trail, SupervisedCase item) {
    Map<String, Object> model = new HashMap<>();
    model.put("d", d);
    model.put("status", d.status().label());
    model.put("registeredAt", TIME.format(d.registeredAt()));
    model.put(
        "files",
        files.stream()
            .map(
                f ->
                    Map.of(
                        "seq",
                        f.seq(),
                        "name",
                        f.fileName(),
                        "size",
                        IncomingDocumentService.size(f.size()),
                        "sha256",
                        f.sha256()))
            .toList());
    model.put("opinions", trail.stream().map(r -> r.printed(TIME)).toList());
    if (item != null) {
      Map<String, Object> s = new HashMap<>();
      s.put("department", item.departmentName());
      s.put("handler", item.handlerName() == null ? "未交办" : item.handlerName());
      s.put("due", item.due().toString());
      s.put("light", item.lightLabel());
      s.put("status", item.status());
      s.put("score", item.score() == null ? "" : String.valueOf(item.score()));
      s.put("remarks", item.remarks() == null ? "" : item.remarks());
      s.put(
          "feedback",
          supervision.progress(item.id()).stream()
              .map(
                  f ->
                      Map.of(
                          "time",
                          TIME.format(f.at()),
                          "name",
                          f.userName(),
                          "text",
                          f.progress(),
                          "finished",
                          f.finished() ? "（办结）" : ""))
              .toList());
      s.put(
          "assists",
          supervision.assistOpinions(item.id()).stream()
              .map(
                  a ->
                      Map.of(
                          "department",
                          a.departmentName(),
                          "name",
                          a.userName(),
                          "time",
                          TIME.format(a.at()),
                          "text",
                          a.opinion()))
              .toList());
      model.put("supervision", s);
    }
    return html.render("incoming-slip", model);
  }

  private static void put(
      ZipOutputStream zip, String name, byte[] content, long time, boolean deflate)
      throws IOException {
    ZipEntry entry = new ZipEntry(name);
    entry.setTime(time);
    if (!deflate) {
      CRC32 crc = new CRC32();
      crc.update(content);
      entry.setMethod(ZipEntry.STORED);
      entry.setSize(content.length);
      entry.setCompressedSize(content.length);
      entry.setCrc(crc.getValue());
    }
    zip.putNextEntry(entry);
    zip.write(content);
    zip.closeEntry();
  }
}
