package cn.officeflow.outgoing;

import cn.officeflow.platform.web.Csv;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** REST of 发文 (DESIGN.md §6): one document, its .docx, the ledger (台账) and its CSV export. */
@RestController
@RequestMapping("/api/outgoing-documents")
public class OutgoingDocumentController {

  static final MediaType DOCX =
      MediaType.parseMediaType(
          "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  static final MediaType OFD = MediaType.parseMediaType("application/ofd");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final OutgoingDocumentQueries queries;
  private final OutgoingPdfVerification verification;

  public OutgoingDocumentController(
      OutgoingDocumentQueries queries, OutgoingPdfVerification verification) {
    this.queries = queries;
    this.verification = verification;
  }

  @GetMapping("/{id}")
  public OutgoingDocumentQueries.DocumentView get(@PathVariable String id) {
    return queries.view(id);
  }

  @GetMapping("/{id}/docx")
  public ResponseEntity<byte[]> docx(@PathVariable String id) {
    return download(queries.docx(id), DOCX, queries.fileName(id));
  }

  /** The PDF/A-2b print copy (same read rules as the .docx). */
  @GetMapping("/{id}/pdf")
  public ResponseEntity<byte[]> pdf(@PathVariable String id) {
    return download(queries.pdf(id), MediaType.APPLICATION_PDF, withExtension(id, ".pdf"));
  }

  /**
   * Whether the PDF's electronic signature is intact, who signed it and when, and whether it is still the file
   * the archive recorded (same read rules as the PDF).
   */
  @GetMapping("/{id}/pdf/verify")
  public OutgoingPdfVerification.Result verifyPdf(@PathVariable String id) {
    return verification.verify(id);
  }

  /** The OFD print copy, GB/T 33190 (same read rules as the .docx). */
  @GetMapping("/{id}/ofd")
  public ResponseEntity<byte[]> ofd(@PathVariable String id) {
    return download(queries.ofd(id), OFD, withExtension(id, ".ofd"));
  }

  private String withExtension(String id, String extension) {
    String docx = queries.fileName(id);
    return docx.substring(0, docx.length() - ".docx".length()) + extension;
  }

  private static ResponseEntity<byte[]> download(byte[] content, MediaType type, String fileName) {
    return ResponseEntity.ok()
        .contentType(type)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename(fileName, StandardCharsets.UTF_8)
                .build()
                .toString())
        .body(content);
  }

  @GetMapping
  public List<LedgerEntry> ledger(
      @RequestParam(required = false) Integer year, @RequestParam(required = false) String q) {
    return queries.ledger(year, q).stream().map(LedgerEntry::of).toList();
  }

  /** The ledger as CSV (UTF-8 with BOM, so that Excel shows the Chinese correctly). */
  @GetMapping(value = "/ledger.csv", produces = "text/csv;charset=UTF-8")
  public ResponseEntity<byte[]> ledgerCsv(
      @RequestParam(required = false) Integer year, @RequestParam(required = false) String q) {
    List<String> rows =
        queries.ledger(year, q).stream()
            .map(
                d ->
                    String.join(
                        ",",
                        cell(d.documentNumber()),
                        cell(d.title()),
                        cell(d.docType()),
                        cell(d.drafterName()),
                        cell(d.draftDeptName()),
                        cell(d.urgency()),
                        cell(d.secrecy()),
                        cell(d.status().label()),
                        cell(d.signerName()),
                        cell(d.signedAt() == null ? null : TIME.format(d.signedAt())),
                        cell(d.issuedAt() == null ? null : TIME.format(d.issuedAt())),
                        cell(d.id())))
            .toList();
    return Csv.download(
        "发文台账" + (year == null ? "" : "-" + year) + ".csv",
        "文号,标题,文种,拟稿人,拟稿部门,紧急程度,密级,状态,签发人,签发时间,印发时间,编号",
        rows);
  }

  static String cell(String value) {
    return Csv.cell(value);
  }

  /** One line of the ledger. */
  public record LedgerEntry(
      String id,
      String documentNumber,
      String title,
      String docType,
      String status,
      String statusLabel,
      String drafter,
      String drafterName,
      String departmentName,
      String urgency,
      String secrecy,
      String signerName,
      java.time.LocalDateTime signedAt,
      java.time.LocalDateTime issuedAt) {

    static LedgerEntry of(OutgoingDocument d) {
      return new LedgerEntry(
          d.id(),
          d.documentNumber(),
          d.title(),
          d.docType(),
          d.status().name(),
          d.status().label(),
          d.drafter(),
          d.drafterName(),
          d.draftDeptName(),
          d.urgency(),
          d.secrecy(),
          d.signerName(),
          d.signedAt(),
          d.issuedAt());
    }
  }
}
