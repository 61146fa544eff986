package cn.officeflow.outgoing;

import cn.officeflow.platform.archive.ArchiveChain;
import cn.officeflow.platform.archive.ArchiveEntry;
import cn.officeflow.platform.archive.ArchiveService;
import cn.officeflow.platform.archive.ArchiveSource;
import cn.officeflow.platform.signing.PdfSignatures;
import cn.officeflow.platform.signing.SignatureReport;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * {@code GET /api/outgoing-documents/{id}/pdf/verify}: the signature of the PDF that {@code /pdf} hands out, and
 * that PDF against its entry in the archive's hash chain. Same read rules as {@code /pdf}.
 */
@Service
public class OutgoingPdfVerification {

  private final OutgoingDocumentQueries queries;
  private final PdfSignatures signatures;
  private final ArchiveService archive;

  public OutgoingPdfVerification(
      OutgoingDocumentQueries queries, PdfSignatures signatures, ArchiveService archive) {
    this.queries = queries;
    this.signatures = signatures;
    this.archive = archive;
  }

  public Result verify(String id) {
    byte[] pdf = queries.pdf(id); // 404 for whoever may not read the document
    SignatureReport signature = signatures.verify(pdf);
    String served = ArchiveChain.sha256(pdf);
    Optional<ArchiveEntry> entry = archive.findBySource(ArchiveSource.OUTGOING, id + "/pdf");
    ArchiveCheck check =
        entry
            .map(
                e ->
                    new ArchiveCheck(
                        true,
                        e.id(),
                        e.seq(),
                        e.fileSha256(),
                        served,
                        served.equals(e.fileSha256()),
                        e.fileSha256().equals(ArchiveChain.sha256(archive.content(e.id())))))
            .orElse(new ArchiveCheck(false, null, null, null, served, null, null));
    boolean intact =
        signature.intact()
            && (!check.archived()
                || (check.matchesArchiveEntry() && check.archivedFileMatchesEntry()));
    return new Result(id, queries.documentNumber(id), intact, signature, check);
  }

  /**
   * @param intact the signature is intact and, once archived, the PDF is byte for byte the archived one
   */
  public record Result(
      String documentId,
      String documentNumber,
      boolean intact,
      SignatureReport signature,
      ArchiveCheck archive) {}

  /**
   * The served PDF against the archive: {@code recordedSha256} is the SHA-256 the hash chain holds for the
   * entry, {@code servedSha256} that of the PDF verified here; {@code archivedFileMatchesEntry} says whether the
   * archive's own copy still has the recorded SHA-256 (what {@code /api/archive/verify} checks for the whole
   * chain).
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ArchiveCheck(
      boolean archived,
      String entryId,
      Integer seq,
      String recordedSha256,
      String servedSha256,
      Boolean matchesArchiveEntry,
      Boolean archivedFileMatchesEntry) {}
}
