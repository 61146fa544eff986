package cn.officeflow.platform.docgen;

import cn.officeflow.platform.docgen.PdfLayout.Line;
import cn.officeflow.platform.docgen.PdfLayout.Rule;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.ofdrw.font.Font;
import org.ofdrw.layout.OFDDoc;
import org.ofdrw.layout.PageLayout;
import org.ofdrw.layout.VirtualPage;
import org.ofdrw.layout.element.Div;
import org.ofdrw.layout.element.Paragraph;
import org.ofdrw.layout.element.Position;
import org.ofdrw.layout.element.Span;
import org.springframework.stereotype.Component;

/**
 * The OFD (GB/T 33190) copy of a 公文, laid out with ofdrw's layout module (Apache-2.0) from the PDF
 * that LibreOffice rendered: every text line and every rule is placed at the position it has in the
 * PDF, so the OFD keeps the GB/T 9704 layout that the renderer test measures. Fonts are named, not
 * embedded (OFD readers map 仿宋/黑体/小标宋 to the faces they have).
 */
@Component
public class OfdConverter {

  private static final Font FANGSONG = new Font("仿宋", "仿宋");
  private static final Font XIAOBIAOSONG = new Font("方正小标宋简体", "方正小标宋简体");

  /** The OFD of a rendered PDF. */
  public byte[] fromPdf(byte[] pdf) {
    PdfLayout layout = PdfLayout.of(pdf);
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
    try (OFDDoc ofd = new OFDDoc(out)) {
      PageLayout page = new PageLayout(layout.pageWidth, layout.pageHeight);
      page.setMargin(0d);
      ofd.setDefaultPageLayout(page);
      for (int number = 1; number <= layout.pages; number++) {
        VirtualPage virtualPage = new VirtualPage(page);
        for (Line line : layout.linesOn(number)) {
          virtualPage.add(text(line, layout.pageWidth));
        }
        for (Rule rule : layout.rulesOn(number)) {
          virtualPage.add(rule(rule));
        }
        ofd.addVPage(virtualPage);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write OFD", e);
    }
    return out.toByteArray();
  }

  private static Paragraph text(Line line, double pageWidth) {
    double size = line.size() / PdfLayout.MM;
    boolean title = line.size() > 20;
    Span span = new Span(title ? XIAOBIAOSONG : FANGSONG, size, line.text());
    if (line.size() > 24) {
      span.setColor(255, 0, 0); // 发文机关标志
    }
    int characters = line.characters();
    if (characters > 1 && line.allFullWidth()) {
      // spread the characters as the renderer did (justified lines, 28 per line)
      double spacing = ((line.right() - line.left()) - characters * size) / (characters - 1);
      span.setLetterSpacing(Math.max(0, spacing));
    }
    Paragraph paragraph = new Paragraph();
    paragraph.add(span);
    paragraph.setPosition(Position.Absolute);
    paragraph.setMargin(0d);
    paragraph.setPadding(0d);
    paragraph.setLineSpace(0d);
    paragraph.setX(line.left());
    paragraph.setY(line.top());
    paragraph.setWidth(pageWidth - line.left());
    return paragraph;
  }

  private static Div rule(Rule rule) {
    Div div = new Div();
    div.setPosition(Position.Absolute);
    div.setX(rule.left());
    div.setY(rule.top() - rule.thickness() / 2);
    div.setWidth(rule.width());
    div.setHeight(Math.max(rule.thickness(), 0.1));
    int rgb = rule.rgb();
    div.setBackgroundColor((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF);
    return div;
  }
}
