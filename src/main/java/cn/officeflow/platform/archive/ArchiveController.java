package cn.officeflow.platform.archive;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST of 归档 (DESIGN.md §6 contract: GET /api/archive/verify): the hash chain check (篡改预警), the
 * archive by 年度-部门-密级 and status, one entry with its events, its electronic file, and filing the
 * paper copy (盒号, 架位).
 */
@RestController
@RequestMapping("/api/archive")
public class ArchiveController {

  private final ArchiveQueries queries;

  public ArchiveController(ArchiveQueries queries) {
    this.queries = queries;
  }

  /** {"intact": true} or the first broken record; with headSeq + headHash also against that kept head. */
  @GetMapping("/verify")
  public ChainVerification verify(
      @RequestParam(required = false) Integer headSeq,
      @RequestParam(required = false) String headHash) {
    return queries.verify(headSeq, headHash);
  }

  /** The chain head (seq, hash) to keep a copy of off-site. */
  @GetMapping("/head")
  public ChainHead head() {
    return queries.head();
  }

  @GetMapping("/entries")
  public List<ArchiveQueries.EntryView> entries(
      @RequestParam(required = false) Integer year,
      @RequestParam(required = false) String department,
      @RequestParam(required = false) String secrecy,
      @RequestParam(required = false) String status) {
    return queries.list(year, department, secrecy, status);
  }

  @GetMapping("/entries/{id}")
  public ArchiveQueries.EntryDetail entry(@PathVariable String id) {
    return queries.detail(id);
  }

  @GetMapping("/entries/{id}/file")
  public ResponseEntity<?> file(@PathVariable String id) {
    ArchiveQueries.FileDownload download = queries.file(id);
    if (download.content() == null) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("type", "GoneException");
      body.put("message", "档案条目已于 " + download.entry().destroyedOn() + " 销毁，电子文件不再提供下载：" + id);
      return ResponseEntity.status(HttpStatus.GONE)
          .contentType(MediaType.APPLICATION_JSON)
          .body(body);
    }
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(download.entry().mediaType()))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename(download.entry().fileName(), StandardCharsets.UTF_8)
                .build()
                .toString())
        .body(download.content());
  }

  /** Body {@code {"box": "...", "shelf": "..."}}; 400 naming the field when one is missing or invalid. */
  @PutMapping("/entries/{id}/location")
  public ArchiveQueries.EntryView location(
      @PathVariable String id, @RequestBody(required = false) Map<String, Object> body) {
    Map<String, Object> location = body == null ? Map.of() : body;
    return queries.updateLocation(id, location.get("box"), location.get("shelf"));
  }
}
