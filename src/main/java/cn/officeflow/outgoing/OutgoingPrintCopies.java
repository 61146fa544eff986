package cn.officeflow.outgoing;

import cn.officeflow.platform.docgen.ApprovalRecord;
import cn.officeflow.platform.docgen.DocxGenerator;
import cn.officeflow.platform.docgen.OfdConverter;
import cn.officeflow.platform.docgen.PdfConverter;
import cn.officeflow.platform.docgen.PdfPrintCopy;
import cn.officeflow.platform.engine.EngineClock;
import cn.officeflow.platform.review.Review;
import cn.officeflow.platform.review.ReviewService;
import cn.officeflow.platform.signing.PdfSignatures;
import cn.officeflow.platform.signing.SealImage;
import cn.officeflow.platform.web.NotFoundException;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * 版式文件 of an issued 发文: the PDF/A-2b made from its .docx by a real renderer (LibreOffice) and the
 * OFD laid out from that PDF (ofdrw), kept with the .docx and archived with it. Runs in the engine's async step
 * {@code Task_RenderPrintCopies}, so a slow or missing renderer never holds a user's click: a failure stays an
 * incident in Cockpit with the renderer's Chinese message until the job is retried.
 *
 * <p>The PDF is the archive copy: the 公文 (the 稿 that was signed off), the seal image over its 落款 when the
 * office configured one, then its 审批记录 pages (the review trail, rendered by the same renderer in the same
 * faces), and over all of it the unit's PAdES signature.
 */
@Service
public class OutgoingPrintCopies {

  static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final OutgoingDocumentRepository documents;
  private final OutgoingDocumentService outgoing;
  private final ReviewService reviews;
  private final DocxGenerator docx;
  private final PdfConverter pdf;
  private final PdfPrintCopy printCopy;
  private final PdfSignatures signatures;
  private final SealImage seal;
  private final OfdConverter ofd;
  private final String issuerName;

  public OutgoingPrintCopies(
      OutgoingDocumentRepository documents,
      OutgoingDocumentService outgoing,
      ReviewService reviews,
      DocxGenerator docx,
      PdfConverter pdf,
      PdfPrintCopy printCopy,
      PdfSignatures signatures,
      SealImage seal,
      OfdConverter ofd,
      @Value("${officeflow.issuer-name:行政办公室}") String issuerName) {
    this.documents = documents;
    this.outgoing = outgoing;
    this.reviews = reviews;
    this.docx = docx;
    this.pdf = pdf;
    this.printCopy = printCopy;
    this.signatures = signatures;
    this.seal = seal;
    this.ofd = ofd;
    this.issuerName = issuerName;
  }

  /** Renders and stores the print copies of the document; idempotent for a retried job. */
  public void render(String documentId) {
    byte[] formal =
        documents
            .docx(documentId)
            .orElseThrow(() -> new NotFoundException("发文尚未生成正式公文（.docx），不能生成 PDF：" + documentId));
    OutgoingDocument document = outgoing.document(documentId);
    DocumentVersion signed = outgoing.signedVersion(document);
    List<byte[]> rendered =
        pdf.toPdf(List.of(formal, docx.approvalRecord(record(document, signed))));
    byte[] copy = rendered.get(0);
    if (seal.png().isPresent()) {
      copy =
          printCopy.stampSeal(
              copy, seal.png().get(), issuerName, OutgoingDocumentService.issueDate(document));
    }
    copy = printCopy.append(copy, rendered.get(1));
    byte[] signedCopy =
        signatures.sign(
            copy, "签发：" + document.documentNumber() + "（第 " + signed.version() + " 稿）", issuerName);
    documents.updatePdf(documentId, signedCopy, EngineClock.now());
    // the OFD has the same pages; its own signature (GB/T 38540) is not part of OfficeFlow yet
    documents.updateOfd(documentId, ofd.fromPdf(copy), EngineClock.now());
  }

  /** The 审批记录 of the document: its whole review trail, and the 稿 that 签发 approved. */
  ApprovalRecord record(OutgoingDocument document, DocumentVersion signed) {
    List<Review> trail = reviews.trail(document.id());
    return new ApprovalRecord(
        signed.title(),
        document.documentNumber(),
        signed.version(),
        (document.signerName() == null ? "" : document.signerName() + " ")
            + (document.signedAt() == null ? "" : TIME.format(document.signedAt())),
        trail.stream().map(r -> r.printed(TIME)).toList());
  }
}
