package cn.officeflow.incoming;

import cn.officeflow.platform.web.Csv;
import cn.officeflow.platform.web.ValidationException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** REST of 收文: one 收文, its files (upload while registering, download), the 处理笺, the 登记簿 and its CSV. */
@RestController
@RequestMapping("/api/incoming-documents")
public class IncomingDocumentController {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final IncomingDocumentQueries queries;
  private final IncomingDocumentService service;

  public IncomingDocumentController(
      IncomingDocumentQueries queries, IncomingDocumentService service) {
    this.queries = queries;
    this.service = service;
  }

  @GetMapping("/{id}")
  public IncomingDocumentQueries.DocumentView get(@PathVariable String id) {
    return queries.view(id);
  }

  @GetMapping("/by-task/{taskId}")
  public IncomingDocumentQueries.DocumentView forTask(@PathVariable String taskId) {
    return queries.viewForTask(taskId);
  }

  /** The 收文处理笺 (HTML, user text escaped; no scripts allowed to run in it). */
  @GetMapping(value = "/{id}/slip", produces = "text/html;charset=UTF-8")
  public ResponseEntity<String> slip(@PathVariable String id) {
    return ResponseEntity.ok()
        .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
        .header("X-Content-Type-Options", "nosniff")
        .body(queries.slip(id));
  }

  @PostMapping(value = "/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  public ResponseEntity<List<IncomingAttachment>> upload(
      @PathVariable String id,
      @RequestParam(name = "file", required = false) List<MultipartFile> files) {
    queries.requireReadable(id);
    if (files == null || files.isEmpty()) {
      throw new ValidationException("file", "请选择要上传的文件（表单字段 file）");
    }
    List<IncomingDocumentService.Upload> uploads = new ArrayList<>();
    for (MultipartFile file : files) {
      try {
        uploads.add(
            new IncomingDocumentService.Upload(
                file.getOriginalFilename(), file.getContentType(), file.getBytes()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return ResponseEntity.status(HttpStatus.CREATED).body(service.upload(id, uploads));
  }

  @DeleteMapping("/{id}/attachments/{attachmentId}")
  public ResponseEntity<Void> delete(@PathVariable String id, @PathVariable String attachmentId) {
    queries.requireReadable(id);
    service.deleteAttachment(id, attachmentId);
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/{id}/attachments/{attachmentId}")
  public ResponseEntity<byte[]> download(
      @PathVariable String id, @PathVariable String attachmentId) {
    IncomingAttachment a = queries.attachment(id, attachmentId);
    MediaType type;
    try {
      type = MediaType.parseMediaType(a.mediaType());
    } catch (IllegalArgumentException e) {
      type = MediaType.APPLICATION_OCTET_STREAM;
    }
    return ResponseEntity.ok()
        .contentType(type)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename(a.fileName(), StandardCharsets.UTF_8)
                .build()
                .toString())
        .header("X-Content-SHA256", a.sha256())
        .header("X-Content-Type-Options", "nosniff")
        .body(queries.content(a.id()));
  }

  @GetMapping
  public List<RegisterEntry> register(
      @RequestParam(required = false) Integer year, @RequestParam(required = false) String q) {
    return queries.register(year, q).stream().map(RegisterEntry::of).toList();
  }

  @GetMapping("/duplicates")
  public List<IncomingDocumentQueries.DuplicateView> duplicates(
      @RequestParam(required = false) String senderOrg,
      @RequestParam(required = false) String senderNumber) {
    return queries.duplicates(senderOrg, senderNumber);
  }

  /** The 收文登记簿 as CSV (UTF-8 with BOM, formula-safe). */
  @GetMapping(value = "/register.csv", produces = "text/csv;charset=UTF-8")
  public ResponseEntity<byte[]> registerCsv(
      @RequestParam(required = false) Integer year, @RequestParam(required = false) String q) {
    List<String> rows =
        queries.register(year, q).stream()
            .map(
                d ->
                    String.join(
                        ",",
                        Csv.cell(d.receiptNumber()),
                        Csv.cell(d.receivedOn().toString()),
                        Csv.cell(d.senderOrg()),
                        Csv.cell(d.senderNumber()),
                        Csv.cell(d.title()),
                        Csv.cell(d.urgency()),
                        Csv.cell(d.secrecy()),
                        String.valueOf(d.pages()),
                        Csv.cell(d.handling()),
                        Csv.cell(d.leadDepartmentName()),
                        Csv.cell(d.status().label()),
                        Csv.cell(d.registeredByName()),
                        Csv.cell(TIME.format(d.registeredAt())),
                        Csv.cell(d.id())))
            .toList();
    return Csv.download(
        "收文登记簿" + (year == null ? "" : "-" + year) + ".csv",
        "收文编号,收文日期,来文单位,来文文号,标题,紧急程度,密级,页数,办理方式,主办部门,状态,登记人,登记时间,编号",
        rows);
  }

  /** One line of the 收文登记簿. */
  public record RegisterEntry(
      String id,
      String receiptNumber,
      LocalDate receivedDate,
      String senderOrg,
      String senderNumber,
      String title,
      String urgency,
      String secrecy,
      int pages,
      String handling,
      String leadDepartmentName,
      String status,
      String statusLabel,
      String registeredByName,
      LocalDateTime registeredAt) {

    static RegisterEntry of(IncomingDocument d) {
      return new RegisterEntry(
          d.id(),
          d.receiptNumber(),
          d.receivedOn(),
          d.senderOrg(),
          d.senderNumber(),
          d.title(),
          d.urgency(),
          d.secrecy(),
          d.pages(),
          d.handling(),
          d.leadDepartmentName(),
          d.status().name(),
          d.status().label(),
          d.registeredByName(),
          d.registeredAt());
    }
  }
}
