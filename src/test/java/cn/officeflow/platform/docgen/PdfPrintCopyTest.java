package cn.officeflow.platform.docgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.officeflow.platform.docgen.PdfLayout.Line;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.util.Matrix;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The archived print copy put together as LibreOffice renders it: the 审批记录 pages (same page, faces and type
 * area as the 公文, numbered on their own) and the seal image over the 落款, measured on the PDF.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PdfPrintCopyTest {

  static final double LEFT = 28;
  static final double RIGHT = 210 - 26;
  static final double TOP = 37;
  static final double BOTTOM = 297 - 35;

  private final OfficialDocument notice = RenderingSamples.documents().get("short-notice");
  private byte[] document;
  private byte[] shortRecord;
  private byte[] longRecord;

  @BeforeAll
  void render() {
    LibreOfficeConverter converter = new LibreOfficeConverter("soffice", "", 300, 10);
    Assumptions.assumeTrue(converter.available(), "soffice (LibreOffice) is not installed here");
    DocxGenerator generator = new DocxGenerator();
    List<byte[]> pdfs =
        converter.toPdf(
            List.of(
                generator.generate(notice),
                generator.approvalRecord(record(6)),
                generator.approvalRecord(record(40))));
    document = pdfs.get(0);
    shortRecord = pdfs.get(1);
    longRecord = pdfs.get(2);
  }

  @Test
  void approvalRecordIsSetLikeTheDocumentAndNumbersItsOwnPages() throws Exception {
    PdfLayout layout = PdfLayout.of(longRecord);
    assertThat(layout.pageWidth).isCloseTo(210, within(0.5));
    assertThat(layout.pages).as("40 entries take more than one page").isGreaterThan(1);
    for (int page = 1; page <= layout.pages; page++) {
      List<Line> lines = layout.linesOn(page);
      Line footer = lines.get(lines.size() - 1);
      assertThat(footer.text().replaceAll("\\s", ""))
          .isEqualTo("审批记录第" + page + "页共" + layout.pages + "页");
      assertThat(footer.top()).as("footer under the type area").isGreaterThan(BOTTOM);
      for (Line line : lines.subList(0, lines.size() - 1)) {
        assertThat(line.left()).as(line.text()).isGreaterThanOrEqualTo(LEFT - 0.5);
        assertThat(line.right()).as(line.text()).isLessThanOrEqualTo(RIGHT + 0.5);
        assertThat(line.top()).as(line.text()).isGreaterThanOrEqualTo(TOP - 1);
        assertThat(line.bottom()).as(line.text()).isLessThanOrEqualTo(BOTTOM + 0.5);
      }
      // the header row repeats on every page
      assertThat(lines.stream().map(l -> l.text().replaceAll("\\s", "")))
          .anyMatch(t -> t.startsWith("步骤审批人时间结论稿次意见"));
    }
    Line title = layout.linesOn(1).get(0);
    assertThat(title.text()).isEqualTo("审批记录");
    assertThat(title.size()).as("2号 title").isCloseTo(22, within(0.5));
    try (PDDocument pdf = Loader.loadPDF(longRecord)) {
      String text = new PDFTextStripper().getText(pdf).replaceAll("\\s", "");
      assertThat(text).contains("签发稿次：第2稿（吴强2026-11-2010:15签发）").contains("2026-11-1909:30");
      for (PDPage page : pdf.getPages()) {
        for (COSName font : page.getResources().getFontNames()) {
          assertThat(page.getResources().getFont(font).isEmbedded()).isTrue();
          assertThat(page.getResources().getFont(font).getName()).contains("CJK");
        }
      }
    }
  }

  @Test
  void appendedPagesFollowTheDocumentAndItsPdfAIdentificationStays() throws Exception {
    byte[] copy = new PdfPrintCopy().append(document, shortRecord);
    try (PDDocument original = Loader.loadPDF(document);
        PDDocument record = Loader.loadPDF(shortRecord);
        PDDocument joined = Loader.loadPDF(copy)) {
      assertThat(joined.getNumberOfPages())
          .isEqualTo(original.getNumberOfPages() + record.getNumberOfPages());
      assertThat(joined.getDocumentCatalog().getMetadata().toByteArray())
          .isEqualTo(original.getDocumentCatalog().getMetadata().toByteArray());
      assertThat(joined.getDocumentCatalog().getOutputIntents()).hasSize(1);
      PDFTextStripper last = new PDFTextStripper();
      last.setStartPage(joined.getNumberOfPages());
      assertThat(last.getText(joined).replaceAll("\\s", "")).startsWith("审批记录");
    }
    Files.createDirectories(Path.of("target", "print-copy-samples"));
    Files.write(Path.of("target", "print-copy-samples", "notice-with-record.pdf"), copy);
  }

  @Test
  void theSealIsCentredOverTheClosingAndNothingIsDrawnWithoutOne() throws Exception {
    PdfPrintCopy printCopy = new PdfPrintCopy();
    byte[] sealed =
        printCopy.stampSeal(document, seal(), notice.issuerSignature(), notice.issueDate());
    Files.createDirectories(Path.of("target", "print-copy-samples"));
    Files.write(Path.of("target", "print-copy-samples", "notice-sealed.pdf"), sealed);
    PdfLayout layout = PdfLayout.of(document);
    Line[] closing =
        PdfPrintCopy.closing(layout.lines, notice.issuerSignature(), notice.issueDate())
            .orElseThrow();
    List<double[]> images = images(sealed, closing[0].page());
    assertThat(images).hasSize(1);
    double[] box = images.get(0); // left, top, right, bottom in mm
    assertThat(box[2] - box[0]).as("42 mm seal").isCloseTo(42, within(0.5));
    double centreX = (box[0] + box[2]) / 2;
    double centreY = (box[1] + box[3]) / 2;
    assertThat(centreX).isCloseTo((closing[1].left() + closing[1].right()) / 2, within(8.0));
    assertThat(box[1]).as("seal top above the 署名").isLessThan(closing[0].top());
    assertThat(box[3]).as("seal bottom below the 日期").isGreaterThan(closing[1].bottom());
    assertThat(closing[0].top()).as("署名 below the seal's centre").isGreaterThan(centreY - 5);
    // every other page is as it was; the text is untouched
    assertThat(PdfLayout.of(sealed).lines).isEqualTo(layout.lines);
    for (int page = 1; page <= layout.pages; page++) {
      if (page != closing[0].page()) {
        assertThat(images(sealed, page)).isEmpty();
      }
    }
    // a 落款 that is not in the document: nothing drawn
    assertThat(printCopy.stampSeal(document, seal(), "别的机关", notice.issueDate()))
        .isEqualTo(document);
    assertThat(images(document, closing[0].page())).isEmpty();
  }

  static ApprovalRecord record(int rows) {
    List<Map<String, String>> trail = new ArrayList<>();
    String[][] steps = {
      {"部门初审", "刘洋", "退回", "请补充值班表", "第 1 稿"},
      {"部门初审", "刘洋", "同意", "", "第 2 稿"},
      {"法务复审", "周杰", "同意", "符合规定。", "第 2 稿"},
      {"签发", "吴强", "同意", "同意印发。", "第 2 稿"},
      {"格式校对", "郑华", "同意", "", "第 2 稿"},
      {"文字校对", "何欣", "同意", "标点已核。", "第 2 稿"}
    };
    for (int i = 0; i < rows; i++) {
      String[] s = steps[i % steps.length];
      Map<String, String> row = new LinkedHashMap<>();
      row.put("step", s[0]);
      row.put("name", s[1]);
      row.put(
          "time", String.format("2026-11-%02d %02d:%02d", 19 + i / 30, 9 + (i % 10), 30 + i % 30));
      row.put("kind", s[2]);
      row.put("comment", s[3]);
      row.put("version", s[4]);
      trail.add(row);
    }
    return new ApprovalRecord(
        "关于做好2026年元旦春节期间值班工作的通知", "行办发〔2026〕7号", 2, "吴强 2026-11-20 10:15", trail);
  }

  /** A red ring on a transparent ground, as an office's seal image usually is. */
  static byte[] seal() throws Exception {
    BufferedImage image = new BufferedImage(400, 400, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(new Color(230, 0, 18));
    g.setStroke(new java.awt.BasicStroke(14));
    g.drawOval(10, 10, 380, 380);
    g.fillPolygon(
        new int[] {200, 215, 260, 222, 236, 200, 164, 178, 140, 185},
        new int[] {130, 175, 175, 200, 245, 218, 245, 200, 175, 175},
        10);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }

  /** The boxes (mm from the top-left corner) of the images drawn on a page. */
  static List<double[]> images(byte[] pdf, int pageNumber) throws Exception {
    List<double[]> boxes = new ArrayList<>();
    try (PDDocument document = Loader.loadPDF(pdf)) {
      PDPage page = document.getPage(pageNumber - 1);
      double height = page.getMediaBox().getHeight();
      new PDFGraphicsStreamEngine(page) {
        @Override
        public void drawImage(PDImage image) {
          Matrix m = getGraphicsState().getCurrentTransformationMatrix();
          double x = m.getTranslateX();
          double y = m.getTranslateY();
          boxes.add(
              new double[] {
                x / PdfLayout.MM,
                (height - y - m.getScalingFactorY()) / PdfLayout.MM,
                (x + m.getScalingFactorX()) / PdfLayout.MM,
                (height - y) / PdfLayout.MM
              });
        }

        @Override
        public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {}

        @Override
        public void clip(int windingRule) {}

        @Override
        public void moveTo(float x, float y) {}

        @Override
        public void lineTo(float x, float y) {}

        @Override
        public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {}

        @Override
        public Point2D getCurrentPoint() {
          return new Point2D.Double();
        }

        @Override
        public void closePath() {}

        @Override
        public void endPath() {}

        @Override
        public void strokePath() {}

        @Override
        public void fillPath(int windingRule) {}

        @Override
        public void fillAndStrokePath(int windingRule) {}

        @Override
        public void shadingFill(COSName shadingName) {}

        void run() throws java.io.IOException {
          processPage(page);
        }
      }.run();
    }
    return boxes;
  }
}
