package cn.officeflow.platform.web;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** CSV exports (台账, 登记簿) that Excel opens correctly and safely. */
public final class Csv {

  private static final Pattern CONTROLS =
      Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F-\\x9F]");

  private Csv() {}

  /**
   * RFC 4180 quoting; a leading = + - @ is prefixed with ' so spreadsheets never run it as a formula; control
   * characters other than tab, line feed and carriage return (NUL, ESC, DEL, C1) are dropped, never written raw.
   */
  public static String cell(String value) {
    if (value == null) {
      return "";
    }
    String v = CONTROLS.matcher(value).replaceAll("");
    if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
      v = "'" + v;
    }
    if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
      v = "\"" + v.replace("\"", "\"\"") + "\"";
    }
    return v;
  }

  /** The rows (already joined) as a UTF-8 download with BOM and CRLF line ends. */
  public static ResponseEntity<byte[]> download(
      String fileName, String header, Iterable<String> rows) {
    StringBuilder csv = new StringBuilder("\uFEFF").append(header).append("\r\n");
    for (String row : rows) {
      csv.append(row).append("\r\n");
    }
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename(fileName, StandardCharsets.UTF_8)
                .build()
                .toString())
        .body(csv.toString().getBytes(StandardCharsets.UTF_8));
  }
}
