package cn.officeflow.platform.docgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.officeflow.platform.docgen.PdfLayout.Line;
import cn.officeflow.platform.docgen.PdfLayout.Rule;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The .docx as LibreOffice (the open renderer closest to WPS) lays it out, measured with a ruler on
 * the PDF: GB/T 9704-2012 (DESIGN.md §7) in millimetres.
 *
 * <p>Four documents are converted once for the class (one {@code soffice} start). Without {@code
 * soffice} the class is skipped with a loud message on a developer's machine and fails in CI ({@code
 * CI=true}), where {@code .ci/run} installs it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GbT9704RenderingTest {

  // GB/T 9704 type area (版心), mm from the top-left corner of the A4 page
  private static final double TOP = 37;
  private static final double LEFT = 28;
  private static final double RIGHT = 210 - 26;
  private static final double BOTTOM = 297 - 35;
  private static final double CHAR_4 = 14 / PdfLayout.MM; // one 4号 character
  private static final double TOLERANCE = 0.6;
  private static final double LINE = 225.0 / 22;
  private static final String NO_LINE_START = "，。、；：？！）》」』”’〕】";
  private static final Pattern PAGE_NUMBER = Pattern.compile("—(\\d+)—");

  private final Map<String, OfficialDocument> documents = RenderingSamples.documents();
  private final Map<String, PdfLayout> layouts = new java.util.LinkedHashMap<>();
  private final Map<String, byte[]> pdfs = new java.util.LinkedHashMap<>();

  @BeforeAll
  void renderOnce() {
    LibreOfficeConverter converter = new LibreOfficeConverter("soffice", "", 300, 10);
    if (!converter.available()) {
      String message =
          "\n!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n"
              + "!!! GbT9704RenderingTest SKIPPED: soffice (LibreOffice) is not installed here.\n"
              + "!!! apt-get install -y libreoffice-writer-nogui fonts-noto-cjk\n"
              + "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n";
      System.err.println(message);
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new AssertionError("soffice is required in CI (.ci/run installs it)" + message);
      }
      Assumptions.abort(message);
    }
    DocxGenerator generator = new DocxGenerator();
    List<String> names = new ArrayList<>(documents.keySet());
    List<byte[]> rendered =
        converter.toPdf(names.stream().map(n -> generator.generate(documents.get(n))).toList());
    for (int i = 0; i < names.size(); i++) {
      layouts.put(names.get(i), PdfLayout.of(rendered.get(i)));
      pdfs.put(names.get(i), rendered.get(i));
      System.out.println(report(names.get(i), layouts.get(names.get(i))));
    }
  }

  List<String> names() {
    return List.copyOf(RenderingSamples.documents().keySet());
  }

  @ParameterizedTest
  @MethodSource("names")
  void a4(String name) {
    PdfLayout layout = layouts.get(name);
    assertThat(layout.pageWidth).isCloseTo(210, within(0.5));
    assertThat(layout.pageHeight).isCloseTo(297, within(0.5));
  }

  @ParameterizedTest
  @MethodSource("names")
  void everyFullLineHas28Characters(String name) {
    PdfLayout layout = layouts.get(name);
    List<Line> full = fullLines(layout);
    assertThat(full).as("full lines of body text").isNotEmpty();
    for (Line line : full) {
      if (line.characters() == 27) {
        // 行首禁则: a closing mark may not start a line, so the last character went down with it
        String next = nextBodyLine(layout, line).text();
        assertThat(NO_LINE_START.indexOf(next.codePointAt(1)))
            .as(
                "27 characters on '%s' only when '%s' starts with a character and a closing mark",
                line.text(), next)
            .isNotNegative();
      } else {
        assertThat(line.characters()).as(line.text()).isEqualTo(28);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("names")
  void everyFullPageHas22Lines(String name) {
    PdfLayout layout = layouts.get(name);
    // a full page: one whose text goes on to the next page (not the 落款's page before the 版记)
    for (int page = 2; page < layout.pages; page++) {
      if (!bodyLines(layout, page + 1).isEmpty()) {
        assertThat(lineSlots(layout, page)).as("lines on page %d", page).isEqualTo(22);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("names")
  void textStartsAtTheTopAndLeftMargin(String name) {
    PdfLayout layout = layouts.get(name);
    List<Line> body = textLines(layout);
    double left = body.stream().mapToDouble(Line::left).min().orElseThrow();
    assertThat(left).as("left margin").isCloseTo(LEFT, within(TOLERANCE));
    if (layout.pages > 1) {
      // the characters of the first line stand in the first of the 22 line slots under the top
      // margin
      Line first = textLinesOn(layout, 2).get(0);
      assertThat(first.top()).as("top of the first line on page 2").isBetween(TOP, TOP + LINE);
      assertThat(first.bottom())
          .as("bottom of the first line on page 2")
          .isBetween(TOP, TOP + LINE);
      Line second = textLinesOn(layout, 2).get(1);
      assertThat(second.baseline() - first.baseline())
          .as("line pitch")
          .isCloseTo(LINE, within(0.1));
    }
  }

  @ParameterizedTest
  @MethodSource("names")
  void nothingOutsideTheTypeArea(String name) {
    for (Line line : textLines(layouts.get(name))) {
      assertThat(line.left()).as("left of %s", line.text()).isGreaterThan(LEFT - TOLERANCE);
      assertThat(line.right()).as("right of %s", line.text()).isLessThan(RIGHT + TOLERANCE);
      assertThat(line.top()).as("top of %s", line.text()).isGreaterThan(TOP - TOLERANCE);
      assertThat(line.bottom()).as("bottom of %s", line.text()).isLessThan(BOTTOM + TOLERANCE);
    }
  }

  @ParameterizedTest
  @MethodSource("names")
  void imprintEndsOnTheBottomEdgeOfAnEvenLastPage(String name) {
    PdfLayout layout = layouts.get(name);
    assertThat(layout.pages % 2).as("last page is even (%d pages)", layout.pages).isZero();
    Rule last = imprintLastRule(layout);
    assertThat(last.top()).as("last 版记 rule").isCloseTo(BOTTOM, within(1.0));
    Line printed = printedLine(layout);
    assertThat(printed.page()).isEqualTo(layout.pages);
    assertThat(printed.bottom()).isLessThan(last.top());
  }

  @ParameterizedTest
  @MethodSource("names")
  void redLineIs4mmUnderTheDocumentNumber(String name) {
    PdfLayout layout = layouts.get(name);
    OfficialDocument doc = documents.get(name);
    Line number = numberLine(layout, doc);
    Rule red = redRule(layout);
    assertThat(red.top() - number.bottom()).as("red line under the 文号").isCloseTo(4, within(0.5));
    assertThat(red.width()).as("red line as wide as the type area").isCloseTo(156, within(1.0));
    if (doc.upward()) {
      assertThat(number.text()).as("文号 and 签发人 on one line").contains("签发人").contains(doc.signer());
      assertThat(number.left())
          .as("文号 one character in")
          .isCloseTo(LEFT + 16 / PdfLayout.MM, within(1.0));
      assertThat(number.right())
          .as("签发人 one character in")
          .isCloseTo(RIGHT - 16 / PdfLayout.MM, within(1.0));
    }
  }

  @ParameterizedTest
  @MethodSource("names")
  void pageNumbersOutsideOnAlternateSides(String name) {
    PdfLayout layout = layouts.get(name);
    List<Line> numbers = pageNumbers(layout);
    assertThat(numbers).as("page numbers").isNotEmpty();
    for (Line number : numbers) {
      Matcher m = PAGE_NUMBER.matcher(number.text());
      assertThat(m.matches()).as("page number format of %s", number.text()).isTrue();
      assertThat(Integer.parseInt(m.group(1))).isEqualTo(number.page());
      if (number.page() % 2 == 1) {
        assertThat(number.right())
            .as("odd page number right")
            .isCloseTo(RIGHT - CHAR_4, within(1.0));
      } else {
        assertThat(number.left()).as("even page number left").isCloseTo(LEFT + CHAR_4, within(1.0));
      }
    }
  }

  /**
   * GB/T 9704 7.5: "公文的版记页前有空白页的，空白页和版记页均不编排页码" — every other page carries its number.
   */
  @ParameterizedTest
  @MethodSource("names")
  void aBlankPageBeforeTheImprintAndTheImprintPageCarryNoPageNumber(String name) {
    PdfLayout layout = layouts.get(name);
    boolean blankPage = DocxModel.from(documents.get(name)).imprintPageBreaks() == 2;
    List<Integer> numbered = pageNumbers(layout).stream().map(Line::page).toList();
    int lastNumbered = blankPage ? layout.pages - 2 : layout.pages;
    for (int page = 1; page <= layout.pages; page++) {
      if (page <= lastNumbered) {
        assertThat(numbered).as("page %d of %s has its number", page, name).contains(page);
      } else {
        assertThat(numbered)
            .as("page %d of %s (blank or 版记) has no number", page, name)
            .doesNotContain(page);
      }
    }
    if (blankPage) {
      assertThat(layout.linesOn(layout.pages - 1)).as("the blank page is blank").isEmpty();
      assertThat(layout.rulesOn(layout.pages - 1)).isEmpty();
    }
  }

  @ParameterizedTest
  @MethodSource("names")
  void ofdCopyHasEveryLineOfThePdfOnA4Pages(String name) throws Exception {
    byte[] ofd = new OfdConverter().fromPdf(pdfs.get(name));
    PdfLayout layout = layouts.get(name);
    java.nio.file.Path file = java.nio.file.Files.createTempFile("officeflow-test-", ".ofd");
    try {
      java.nio.file.Files.write(file, ofd);
      try (org.ofdrw.reader.OFDReader reader = new org.ofdrw.reader.OFDReader(file)) {
        assertThat(reader.getNumberOfPages()).isEqualTo(layout.pages);
        org.ofdrw.core.basicType.ST_Box box = reader.getPageSize(1);
        assertThat(box.getWidth()).isCloseTo(210, within(0.5));
        assertThat(box.getHeight()).isCloseTo(297, within(0.5));
        String text =
            String.join("", new org.ofdrw.reader.ContentExtractor(reader).extractAll())
                .replaceAll("\\s", "");
        for (Line line : layout.lines) {
          assertThat(text).contains(line.text());
        }
      }
    } finally {
      java.nio.file.Files.deleteIfExists(file);
    }
  }

  // ---- what the assertions look at ---------------------------------------------------------

  /** Lines within the page except the page numbers. */
  private static List<Line> textLines(PdfLayout layout) {
    return layout.lines.stream().filter(l -> !isPageNumber(l)).toList();
  }

  private static List<Line> textLinesOn(PdfLayout layout, int page) {
    return textLines(layout).stream().filter(l -> l.page() == page).toList();
  }

  private static boolean isPageNumber(Line line) {
    return line.top() > BOTTOM + 2;
  }

  private static List<Line> pageNumbers(PdfLayout layout) {
    return layout.lines.stream().filter(GbT9704RenderingTest::isPageNumber).toList();
  }

  /** 3号 lines of the body on one page. */
  private static List<Line> bodyLines(PdfLayout layout, int page) {
    return textLinesOn(layout, page).stream().filter(l -> Math.abs(l.size() - 16) < 0.5).toList();
  }

  /** Lines of full-width 3号 text that run from the left to the right edge of the type area. */
  private static List<Line> fullLines(PdfLayout layout) {
    return textLines(layout).stream()
        .filter(l -> Math.abs(l.size() - 16) < 0.5 && l.allFullWidth())
        .filter(l -> Math.abs(l.left() - LEFT) < 2 && l.right() > RIGHT - 2)
        .toList();
  }

  /** Line slots from the first to the last 3号 line of a page (a blank line counts). */
  private static int lineSlots(PdfLayout layout, int page) {
    List<Line> body = bodyLines(layout, page);
    if (body.isEmpty()) {
      return 0;
    }
    double span = body.get(body.size() - 1).baseline() - body.get(0).baseline();
    return (int) Math.round(span / LINE) + 1;
  }

  private static Line nextBodyLine(PdfLayout layout, Line line) {
    List<Line> body =
        textLines(layout).stream().filter(l -> Math.abs(l.size() - 16) < 0.5).toList();
    return body.get(body.indexOf(line) + 1);
  }

  private static Rule redRule(PdfLayout layout) {
    return layout.rulesOn(1).stream()
        .filter(Rule::red)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no red rule on page 1: " + layout.rulesOn(1)));
  }

  private static Line numberLine(PdfLayout layout, OfficialDocument doc) {
    String number = doc.documentNumber();
    return layout.linesOn(1).stream()
        .filter(l -> l.text().contains(number))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no line with " + number));
  }

  private static Rule imprintLastRule(PdfLayout layout) {
    return layout.rulesOn(layout.pages).stream()
        .filter(r -> !r.red() && r.width() > 150)
        .max(Comparator.comparingDouble(Rule::top))
        .orElseThrow(() -> new AssertionError("no 版记 rule on the last page"));
  }

  private static Line printedLine(PdfLayout layout) {
    return layout.lines.stream()
        .filter(l -> l.text().endsWith("印发"))
        .reduce((a, b) -> b)
        .orElseThrow(() -> new AssertionError("no 印发 line"));
  }

  static String report(String name, PdfLayout layout) {
    StringBuilder out = new StringBuilder("== ").append(name).append(": ");
    out.append(layout.pages).append(" pages");
    List<Line> full = fullLines(layout);
    out.append("; characters per full line ")
        .append(full.stream().map(Line::characters).distinct().sorted().toList())
        .append(" on ")
        .append(full.size())
        .append(" lines");
    full.stream()
        .filter(l -> l.characters() != 28)
        .forEach(
            l ->
                out.append(
                    String.format(
                        "\n   odd line p%d %d chars %.1f–%.1f '%s'",
                        l.page(), l.characters(), l.left(), l.right(), l.text())));
    if (System.getenv("DUMP_LINES") != null) {
      layout.lines.forEach(
          l ->
              out.append(
                  String.format(
                      "\n   p%d base %.1f size %.0f %.1f–%.1f '%s'",
                      l.page(), l.baseline(), l.size(), l.left(), l.right(), l.text())));
    }
    List<Integer> perPage = new ArrayList<>();
    for (int p = 1; p <= layout.pages; p++) {
      perPage.add(lineSlots(layout, p));
    }
    out.append("; line slots used per page ").append(perPage);
    List<Line> text = textLines(layout);
    out.append(
        String.format(
            "; extent left %.1f right %.1f top %.1f bottom %.1f mm",
            text.stream().mapToDouble(Line::left).min().orElse(0),
            text.stream().mapToDouble(Line::right).max().orElse(0),
            text.stream().mapToDouble(Line::top).min().orElse(0),
            text.stream().mapToDouble(Line::bottom).max().orElse(0)));
    if (layout.pages > 1) {
      out.append(
          String.format("; page 2 first line top %.1f mm", textLinesOn(layout, 2).get(0).top()));
    }
    layout.rulesOn(1).stream()
        .filter(Rule::red)
        .findFirst()
        .ifPresent(
            red ->
                out.append(
                    String.format("; red line at %.1f mm, width %.1f", red.top(), red.width())));
    layout.lines.stream()
        .filter(l -> l.page() == 1 && l.text().contains("〔"))
        .findFirst()
        .ifPresent(
            n -> out.append(String.format("; 文号 line '%s' bottom %.1f mm", n.text(), n.bottom())));
    layout.lines.stream()
        .filter(l -> l.text().contains("签发人"))
        .findFirst()
        .ifPresent(
            n -> out.append(String.format("; 签发人 line '%s' at %.1f mm", n.text(), n.baseline())));
    layout.lines.stream()
        .filter(l -> l.text().endsWith("印发"))
        .reduce((a, b) -> b)
        .ifPresent(
            l ->
                out.append(
                    String.format("; 印发 line page %d bottom %.1f mm", l.page(), l.bottom())));
    layout.rules.stream()
        .filter(r -> !r.red() && r.width() > 150)
        .reduce((a, b) -> b)
        .ifPresent(
            r ->
                out.append(
                    String.format("; last black rule page %d at %.1f mm", r.page(), r.top())));
    out.append("; page numbers ");
    for (Line n : layout.lines) {
      if (n.top() > BOTTOM + 2) {
        out.append(String.format("[p%d '%s' %.1f–%.1f]", n.page(), n.text(), n.left(), n.right()));
      }
    }
    return out.toString();
  }
}
