package cn.officeflow.outgoing;

import cn.officeflow.platform.archive.ArchiveEntry;
import cn.officeflow.platform.archive.ArchiveService;
import cn.officeflow.platform.archive.ArchiveSource;
import cn.officeflow.platform.archive.NewArchiveEntry;
import cn.officeflow.platform.engine.EngineClock;
import cn.officeflow.platform.web.NotFoundException;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 归档 of an issued 发文: hands its formal document (.docx) and its print copies (PDF/A, OFD) to the
 * platform's archive. Each file is an entry of the hash chain, so {@code /api/archive/verify} covers
 * all three; the print copies are entries of their own (source id {@code <id>/pdf}, {@code <id>/ofd},
 * title naming the 文号) and carry no 文号 themselves, so that the 文号 still finds exactly one entry,
 * the .docx.
 */
@Service
public class OutgoingArchiving {

  static final String PDF = "application/pdf";
  static final String OFD = "application/ofd";

  private final OutgoingDocumentRepository documents;
  private final ArchiveService archive;

  public OutgoingArchiving(OutgoingDocumentRepository documents, ArchiveService archive) {
    this.documents = documents;
    this.archive = archive;
  }

  /**
   * Archives the document with its .docx, classified by the year of its 文号, the drafting department and
   * its 密级. Idempotent: a document archived before returns its entry.
   */
  @Transactional
  public ArchiveEntry archive(String documentId) {
    Optional<ArchiveEntry> existing = archive.findBySource(ArchiveSource.OUTGOING, documentId);
    if (existing.isPresent()) {
      return existing.get();
    }
    OutgoingDocument document =
        documents.find(documentId).orElseThrow(() -> new NotFoundException("发文不存在：" + documentId));
    byte[] docx = documents.docx(documentId).orElse(null);
    if (docx == null || document.documentNumber() == null) {
      throw new IllegalStateException("发文 " + documentId + " 尚无文号或正式公文（.docx），不能归档");
    }
    int year =
        document.numberYear() != null ? document.numberYear() : EngineClock.today().getYear();
    String baseName = document.documentNumber().replaceAll("[\\\\/:*?\"<>|]", "_");
    String fileName = baseName + ".docx";
    archivePrintCopy(document, year, "pdf", PDF, documents.pdf(documentId), baseName);
    archivePrintCopy(document, year, "ofd", OFD, documents.ofd(documentId), baseName);
    return archive.archive(
        entry(
            document,
            year,
            document.id(),
            document.title(),
            document.documentNumber(),
            fileName,
            ArchiveService.DOCX,
            docx));
  }

  private void archivePrintCopy(
      OutgoingDocument document,
      int year,
      String format,
      String mediaType,
      Optional<byte[]> content,
      String baseName) {
    String sourceId = document.id() + "/" + format;
    if (content.isEmpty() || archive.findBySource(ArchiveSource.OUTGOING, sourceId).isPresent()) {
      return;
    }
    archive.archive(
        entry(
            document,
            year,
            sourceId,
            document.title()
                + "（"
                + document.documentNumber()
                + " "
                + format.toUpperCase()
                + " 版式文件）",
            null,
            baseName + "." + format,
            mediaType,
            content.get()));
  }

  private static NewArchiveEntry entry(
      OutgoingDocument document,
      int year,
      String sourceId,
      String title,
      String documentNumber,
      String fileName,
      String mediaType,
      byte[] content) {
    return new NewArchiveEntry(
        year,
        document.draftDept(),
        document.draftDeptName(),
        document.secrecy(),
        ArchiveSource.OUTGOING,
        sourceId,
        title,
        documentNumber,
        fileName,
        mediaType,
        content,
        null,
        null);
  }
}
