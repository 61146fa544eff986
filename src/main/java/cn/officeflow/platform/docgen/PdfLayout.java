package cn.officeflow.platform.docgen;

import java.awt.geom.Point2D;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.color.PDColor;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * The text lines and rules of a PDF, for the OFD copy ({@link OfdConverter}) and for the renderer
 * test. Measures a rendered 公文 PDF the way a 文秘 checks a print with a ruler: text lines (glyphs that
 * share a baseline) and horizontal rules, in millimetres from the top-left corner of the page.
 *
 * <p>Glyph boxes use the em box of CJK type: an ideograph of size s stands on the baseline with
 * 0.88 s above it and 0.12 s below it (the ideographic em box of the Noto CJK / 仿宋 faces).
 */
final class PdfLayout {

  static final double MM = 72 / 25.4;

  /** A text line: glyphs on one baseline of one page, left to right. */
  record Line(int page, double baseline, double left, double right, double size, String text) {

    /** Top of the em box of the line's largest glyphs. */
    double top() {
      return baseline - 0.88 * size / MM;
    }

    /** Bottom of the em box. */
    double bottom() {
      return baseline + 0.12 * size / MM;
    }

    boolean allFullWidth() {
      return text.codePoints().allMatch(c -> c >= 0x2E80);
    }

    int characters() {
      return text.codePointCount(0, text.length());
    }
  }

  /** A horizontal rule (stroked line or thin filled rectangle). */
  record Rule(int page, double top, double left, double right, double thickness, int rgb) {

    boolean red() {
      return ((rgb >> 16) & 0xFF) > 0xC0 && ((rgb >> 8) & 0xFF) < 0x40 && (rgb & 0xFF) < 0x40;
    }

    double width() {
      return right - left;
    }
  }

  final int pages;
  final double pageWidth;
  final double pageHeight;
  final List<Line> lines;
  final List<Rule> rules;

  private PdfLayout(
      int pages, double pageWidth, double pageHeight, List<Line> lines, List<Rule> rules) {
    this.pages = pages;
    this.pageWidth = pageWidth;
    this.pageHeight = pageHeight;
    this.lines = lines;
    this.rules = rules;
  }

  static PdfLayout of(byte[] pdf) {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      PDPage first = doc.getPage(0);
      double width = first.getMediaBox().getWidth() / MM;
      double height = first.getMediaBox().getHeight() / MM;
      List<Line> lines = new ArrayList<>();
      List<Rule> rules = new ArrayList<>();
      for (int i = 0; i < doc.getNumberOfPages(); i++) {
        lines.addAll(lines(doc, i + 1));
        RuleFinder finder = new RuleFinder(doc.getPage(i), i + 1);
        finder.processPage(doc.getPage(i));
        rules.addAll(finder.rules);
      }
      return new PdfLayout(doc.getNumberOfPages(), width, height, lines, rules);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  List<Line> linesOn(int page) {
    return lines.stream().filter(l -> l.page() == page).toList();
  }

  List<Rule> rulesOn(int page) {
    return rules.stream().filter(r -> r.page() == page).toList();
  }

  private static List<Line> lines(PDDocument doc, int page) throws IOException {
    List<TextPosition> glyphs = new ArrayList<>();
    PDFTextStripper stripper =
        new PDFTextStripper() {
          @Override
          protected void processTextPosition(TextPosition text) {
            if (!text.getUnicode().isBlank()) {
              glyphs.add(text);
            }
          }
        };
    stripper.setStartPage(page);
    stripper.setEndPage(page);
    stripper.getText(doc);
    glyphs.sort(
        Comparator.comparingDouble(TextPosition::getYDirAdj)
            .thenComparingDouble(TextPosition::getXDirAdj));
    List<Line> lines = new ArrayList<>();
    List<TextPosition> current = new ArrayList<>();
    for (TextPosition glyph : glyphs) {
      if (!current.isEmpty() && Math.abs(glyph.getYDirAdj() - current.get(0).getYDirAdj()) > 2) {
        lines.add(line(page, current));
        current = new ArrayList<>();
      }
      current.add(glyph);
    }
    if (!current.isEmpty()) {
      lines.add(line(page, current));
    }
    return lines;
  }

  private static Line line(int page, List<TextPosition> glyphs) {
    List<TextPosition> sorted =
        glyphs.stream().sorted(Comparator.comparingDouble(TextPosition::getXDirAdj)).toList();
    StringBuilder text = new StringBuilder();
    double size = 0;
    double baseline = 0;
    for (TextPosition glyph : sorted) {
      text.append(glyph.getUnicode());
      size = Math.max(size, glyph.getFontSizeInPt());
      baseline = Math.max(baseline, glyph.getYDirAdj());
    }
    TextPosition last = sorted.get(sorted.size() - 1);
    return new Line(
        page,
        baseline / MM,
        sorted.get(0).getXDirAdj() / MM,
        (last.getXDirAdj() + last.getWidthDirAdj()) / MM,
        size,
        text.toString());
  }

  /** Collects horizontal strokes and thin filled rectangles with their colour. */
  private static final class RuleFinder extends PDFGraphicsStreamEngine {
    private final int page;
    private final double height;
    private final List<Rule> rules = new ArrayList<>();
    private final List<Point2D> path = new ArrayList<>();
    private Point2D current = new Point2D.Double();

    RuleFinder(PDPage pdPage, int page) {
      super(pdPage);
      this.page = page;
      this.height = pdPage.getMediaBox().getHeight();
    }

    @Override
    public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {
      path.addAll(List.of(p0, p1, p2, p3));
    }

    @Override
    public void moveTo(float x, float y) {
      current = new Point2D.Double(x, y);
      path.add(current);
    }

    @Override
    public void lineTo(float x, float y) {
      current = new Point2D.Double(x, y);
      path.add(current);
    }

    @Override
    public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {
      current = new Point2D.Double(x3, y3);
      path.add(current);
    }

    @Override
    public Point2D getCurrentPoint() {
      return current;
    }

    @Override
    public void closePath() {}

    @Override
    public void endPath() {
      path.clear();
    }

    @Override
    public void strokePath() throws IOException {
      double lineWidth = getGraphicsState().getLineWidth();
      record(getGraphicsState().getStrokingColor(), lineWidth);
    }

    @Override
    public void fillPath(int windingRule) throws IOException {
      record(getGraphicsState().getNonStrokingColor(), 0);
    }

    @Override
    public void fillAndStrokePath(int windingRule) throws IOException {
      fillPath(windingRule);
    }

    @Override
    public void drawImage(PDImage pdImage) {}

    @Override
    public void clip(int windingRule) {}

    @Override
    public void shadingFill(org.apache.pdfbox.cos.COSName shadingName) {}

    private void record(PDColor color, double lineWidth) throws IOException {
      if (path.isEmpty()) {
        return;
      }
      double minX = path.stream().mapToDouble(Point2D::getX).min().orElseThrow();
      double maxX = path.stream().mapToDouble(Point2D::getX).max().orElseThrow();
      double minY = path.stream().mapToDouble(Point2D::getY).min().orElseThrow();
      double maxY = path.stream().mapToDouble(Point2D::getY).max().orElseThrow();
      path.clear();
      double thickness = (maxY - minY) + lineWidth;
      if (maxX - minX < 20 * MM || thickness > 3 * MM) {
        return; // not a horizontal rule
      }
      double centre = height - (minY + maxY) / 2;
      int rgb = color == null ? 0 : color.toRGB();
      rules.add(new Rule(page, centre / MM, minX / MM, maxX / MM, thickness / MM, rgb & 0xFFFFFF));
    }
  }
}
