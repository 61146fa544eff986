package cn.officeflow.outgoing;

import cn.officeflow.platform.docgen.OfdConverter;
import cn.officeflow.platform.docgen.PdfConverter;
import cn.officeflow.platform.engine.EngineClock;
import cn.officeflow.platform.web.NotFoundException;
import org.springframework.stereotype.Service;

/**
 * 版式文件 of an issued 发文: the PDF/A-2b made from its .docx by a real renderer (LibreOffice) and the
 * OFD laid out from that PDF (ofdrw), kept with the .docx and archived with it. Runs in the engine's async step {@code Task_RenderPrintCopies},
 * so a slow or missing renderer never holds a user's click: a failure stays an incident in Cockpit with
 * the renderer's Chinese message until the job is retried.
 */
@Service
public class OutgoingPrintCopies {

  private final OutgoingDocumentRepository documents;
  private final PdfConverter pdf;
  private final OfdConverter ofd;

  public OutgoingPrintCopies(
      OutgoingDocumentRepository documents, PdfConverter pdf, OfdConverter ofd) {
    this.documents = documents;
    this.pdf = pdf;
    this.ofd = ofd;
  }

  /** Renders and stores the print copies of the document; idempotent for a retried job. */
  public void render(String documentId) {
    byte[] docx =
        documents
            .docx(documentId)
            .orElseThrow(() -> new NotFoundException("发文尚未生成正式公文（.docx），不能生成 PDF：" + documentId));
    byte[] printCopy = pdf.toPdf(docx);
    documents.updatePdf(documentId, printCopy, EngineClock.now());
    documents.updateOfd(documentId, ofd.fromPdf(printCopy), EngineClock.now());
  }
}
