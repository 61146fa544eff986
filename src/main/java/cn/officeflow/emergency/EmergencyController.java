package cn.officeflow.emergency;

import cn.officeflow.platform.files.StoredFile;
import cn.officeflow.platform.web.ValidationException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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

/**
 * REST of 应急分级响应 (DESIGN.md §应急): {@code GET /api/emergencies?status=&level=}, {@code GET
 * /api/emergencies/{id}} (timeline, evidence, response times) and the evidence of a case: {@code POST
 * /api/emergencies/{id}/evidence} (multipart field {@code file}), {@code GET …/evidence}, {@code GET
 * …/evidence/{fileId}}, {@code DELETE …/evidence/{fileId}}.
 */
@RestController
@RequestMapping("/api/emergencies")
public class EmergencyController {

  private final EmergencyQueries queries;

  public EmergencyController(EmergencyQueries queries) {
    this.queries = queries;
  }

  @GetMapping
  public List<EmergencyQueries.Summary> list(
      @RequestParam(required = false) String status, @RequestParam(required = false) String level) {
    return queries.list(status, level);
  }

  @GetMapping("/{id}")
  public EmergencyQueries.Detail get(@PathVariable String id) {
    return queries.detail(id);
  }

  @GetMapping("/{id}/evidence")
  public List<StoredFile> evidence(@PathVariable String id) {
    return queries.evidence(id);
  }

  @PostMapping(value = "/{id}/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  public ResponseEntity<StoredFile> upload(
      @PathVariable String id, @RequestParam(name = "file", required = false) MultipartFile file) {
    if (file == null) {
      throw new ValidationException("file", "请选择要上传的证据文件（表单字段 file）");
    }
    try {
      return ResponseEntity.status(HttpStatus.CREATED)
          .body(
              queries.upload(
                  id, file.getOriginalFilename(), file.getContentType(), file.getBytes()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @GetMapping("/{id}/evidence/{fileId}")
  public ResponseEntity<byte[]> download(@PathVariable String id, @PathVariable String fileId) {
    StoredFile f = queries.evidenceFile(id, fileId);
    MediaType type;
    try {
      type = MediaType.parseMediaType(f.mediaType());
    } catch (IllegalArgumentException e) {
      type = MediaType.APPLICATION_OCTET_STREAM;
    }
    return ResponseEntity.ok()
        .contentType(type)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename(f.fileName(), StandardCharsets.UTF_8)
                .build()
                .toString())
        .header("X-Content-SHA256", f.sha256())
        .header("X-Content-Type-Options", "nosniff")
        .body(queries.evidenceContent(id, fileId));
  }

  @DeleteMapping("/{id}/evidence/{fileId}")
  public ResponseEntity<Void> remove(@PathVariable String id, @PathVariable String fileId) {
    queries.remove(id, fileId);
    return ResponseEntity.noContent().build();
  }
}
