package cn.officeflow.platform.docgen;

import cn.officeflow.platform.docgen.PdfLayout.Line;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.multipdf.PDFMergerUtility;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.graphics.blend.BlendMode;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.graphics.state.PDExtendedGraphicsState;
import org.springframework.stereotype.Component;

/**
 * Puts the archived print copy of a 公文 together from the PDFs LibreOffice rendered: the 公文, then its 审批记录
 * pages, and — when the office configured one — the image of its seal (印章) over the 落款. The result is saved
 * in full (before any signature); the PDF/A-2b identification, output intent and embedded fonts of the 公文 are
 * kept, the 审批记录's fonts come embedded from its own rendering.
 */
@Component
public class PdfPrintCopy {

  /** The usual diameter of an office's seal: 42 mm. */
  static final double SEAL_MM = 42;

  /** Ink, not paint: the seal is laid over the text with this opacity, multiplied, so the text shows through. */
  static final float SEAL_OPACITY = 0.85f;

  /** {@code document} followed by all pages of {@code appendix}. */
  public byte[] append(byte[] document, byte[] appendix) {
    try (PDDocument target = Loader.loadPDF(document);
        PDDocument source = Loader.loadPDF(appendix)) {
      new PDFMergerUtility().appendDocument(target, source);
      return save(target);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append the 审批记录 to the PDF", e);
    }
  }

  /**
   * The seal image {@code png} placed over the 落款 of the 公文 — the last line reading {@code issuerSignature}
   * followed by a line reading the 成文日期 — as GB/T 9704 7.3.5.1 sets a seal: centred on them, 署名 and 日期 in
   * the lower half of the seal. The PDF is returned unchanged when it has no such 落款.
   */
  public byte[] stampSeal(byte[] pdf, byte[] png, String issuerSignature, LocalDate issueDate) {
    PdfLayout layout = PdfLayout.of(pdf);
    Optional<Line[]> closing = closing(layout.lines, issuerSignature, issueDate);
    if (closing.isEmpty()) {
      return pdf;
    }
    Line signature = closing.get()[0];
    Line date = closing.get()[1];
    try (PDDocument document = Loader.loadPDF(pdf)) {
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
      if (image == null) {
        throw new IllegalArgumentException("印章图片不是可读的 PNG");
      }
      PDPage page = document.getPage(signature.page() - 1);
      PDImageXObject seal = LosslessFactory.createFromImage(document, image);
      double mm = PdfLayout.MM;
      double width = SEAL_MM * mm;
      double height = width * image.getHeight() / image.getWidth();
      double centreX =
          (Math.min(signature.left(), date.left()) + Math.max(signature.right(), date.right())) / 2;
      // 署名 and 日期 sit a little below the centre of the seal
      double centreY = (signature.top() + date.bottom()) / 2 - 0.12 * SEAL_MM;
      double pageHeight = page.getMediaBox().getHeight();
      PDExtendedGraphicsState ink = new PDExtendedGraphicsState();
      ink.setNonStrokingAlphaConstant(SEAL_OPACITY);
      ink.setBlendMode(BlendMode.MULTIPLY);
      try (PDPageContentStream content =
          new PDPageContentStream(
              document, page, PDPageContentStream.AppendMode.APPEND, true, true)) {
        content.saveGraphicsState();
        content.setGraphicsStateParameters(ink);
        content.drawImage(
            seal,
            (float) (centreX * mm - width / 2),
            (float) (pageHeight - centreY * mm - height / 2),
            (float) width,
            (float) height);
        content.restoreGraphicsState();
      }
      return save(document);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot place the seal on the PDF", e);
    }
  }

  /** The 署名 line and the 日期 line under it, the last pair in the document. */
  static Optional<Line[]> closing(List<Line> lines, String issuerSignature, LocalDate issueDate) {
    String signature = squeeze(issuerSignature);
    String date = squeeze(DocxText.chineseDate(issueDate));
    for (int i = lines.size() - 2; i >= 0; i--) {
      Line candidate = lines.get(i);
      Line next = lines.get(i + 1);
      if (candidate.page() == next.page()
          && squeeze(candidate.text()).equals(signature)
          && squeeze(next.text()).equals(date)) {
        return Optional.of(new Line[] {candidate, next});
      }
    }
    return Optional.empty();
  }

  private static String squeeze(String text) {
    return text == null ? "" : text.replaceAll("\\s", "");
  }

  private static byte[] save(PDDocument document) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
    document.save(out);
    return out.toByteArray();
  }
}
