package cn.officeflow.platform.docgen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.apache.poi.xwpf.model.XWPFHeaderFooterPolicy;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTDocGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblBorders;

class DocxGeneratorTest {

  private static final String NUMBER = "行办发〔2026〕1号";
  private static final String BODY =
      String.join(
          "\n",
          "为进一步规范公文处理工作，现就有关事项通知如下。",
          "一、总体要求",
          "各单位要高度重视，切实加强组织领导。",
          "（一）严格执行标准。公文用纸采用A4型纸。",
          "（二）规范文种使用",
          "1.准确选用文种。根据行文目的确定文种。",
          "2.严格控制发文数量，可发可不发的一律不发。",
          "（1）联合行文应当确有必要。",
          "二、工作措施",
          "各单位要在2026年12月31日前完成自查。");

  private final DocxGenerator generator = new DocxGenerator();

  // ---- page setup -------------------------------------------------------------------------

  @Test
  void pageIsA4WithTheMarginsOfGbT9704() {
    CTSectPr section = open(fixture().build()).getDocument().getBody().getSectPr();
    CTPageSz size = section.getPgSz();
    CTPageMar margins = section.getPgMar();

    assertThat(twips(size.getW())).isEqualTo(11906);
    assertThat(twips(size.getH())).isEqualTo(16838);
    assertThat(twips(margins.getTop())).isEqualTo(2098);
    assertThat(twips(margins.getBottom())).isEqualTo(1984);
    assertThat(twips(margins.getLeft())).isEqualTo(1587);
    assertThat(twips(margins.getRight())).isEqualTo(1474);
  }

  @Test
  void gridHas22LinesOf28Characters() {
    XWPFDocument doc = open(fixture().build());
    CTDocGrid grid = doc.getDocument().getBody().getSectPr().getDocGrid();

    // no character grid (LibreOffice gives a 16 pt character two cells of a 15.8 pt grid): 28
    // characters per line come from −0.25 pt character spacing on every 3号 run instead
    assertThat(grid.getType()).isNull();
    assertThat(twips(grid.getLinePitch())).isEqualTo(579);
    XWPFRun body = firstRun(doc, "各单位要高度重视，切实加强组织领导。");
    assertThat(twips(body.getCTR().getRPr().getSpacingArray(0).getVal())).isEqualTo(-5);
    assertThat(28 * (320 - 5)).isLessThanOrEqualTo(8845).isGreaterThan(8845 - 320);
    // 22 lines fill the 225 mm type area (16838 − 2098 − 1984 = 12756 twips), 23 would not
    assertThat(22 * 579).isLessThanOrEqualTo(12756).isGreaterThan(12756 - 579);
  }

  // ---- 版头 -------------------------------------------------------------------------------

  @Test
  void issuingAuthorityIsRedCentredXiaobiaosong() {
    XWPFParagraph authority = paragraph(open(fixture().build()), "××市人民政府办公室文件");
    XWPFRun run = authority.getRuns().get(0);

    assertThat(authority.getAlignment()).isEqualTo(ParagraphAlignment.CENTER);
    assertThat(run.getColor()).isEqualTo("FF0000");
    assertThat(run.getFontFamily()).contains("小标宋");
    // no 份号/密级/紧急程度 lines above: the whole 35 mm is spacing before
    assertThat(authority.getSpacingBefore()).isEqualTo(1984);
  }

  @Test
  void documentNumberIsCentredWithTortoiseShellBracketsAndRedLineUnderIt() {
    XWPFParagraph number = paragraph(open(fixture().build()), NUMBER);

    assertThat(number.getText()).isEqualTo("行办发\u30142026\u30151号");
    assertThat(number.getAlignment()).isEqualTo(ParagraphAlignment.CENTER);
    CTBorder redLine = number.getCTP().getPPr().getPBdr().getBottom();
    assertThat(redLine.xgetColor().getStringValue()).isEqualTo("FF0000");
    assertThat(redLine.getSpace().intValue()).isEqualTo(7);
    assertThat(number.getText()).doesNotContain("第", "[", "]");
  }

  @Test
  void documentNumberIsNormalised() {
    XWPFDocument doc = open(fixture().documentNumber("行办发[2026]第01号").build());

    assertThat(texts(doc)).contains(NUMBER);
  }

  @Test
  void headerMarksAreShownTopLeftIn3haoHeiti() {
    XWPFDocument doc =
        open(fixture().copyNumber("12").secrecy("机密").secrecyPeriod("1年").urgency("特急").build());
    List<XWPFParagraph> paragraphs = doc.getParagraphs();

    assertThat(paragraphs.subList(0, 3))
        .extracting(XWPFParagraph::getText)
        .containsExactly("000012", "机密★1年", "特急");
    XWPFRun mark = paragraphs.get(1).getRuns().get(0);
    assertThat(mark.getFontFamily()).isEqualTo("黑体");
    assertThat(mark.getFontSizeAsDouble()).isEqualTo(16.0);
    // three lines of 579 twips are already used above the 发文机关标志
    assertThat(paragraphs.get(3).getSpacingBefore()).isEqualTo(1984 - 3 * 579);
  }

  @Test
  void publicAndOrdinaryDocumentsShowNoMarks() {
    XWPFDocument doc = open(fixture().secrecy("公开").urgency("普通").build());

    assertThat(doc.getParagraphs().get(0).getText()).isEqualTo("××市人民政府办公室文件");
  }

  @Test
  void upwardDocumentShowsSignerOnTheNumberLine() {
    XWPFParagraph line =
        paragraph(open(fixture().upward(true).signer("张三").build()), NUMBER + "\t签发人：张三");

    assertThat(line.getAlignment()).isEqualTo(ParagraphAlignment.LEFT);
    assertThat(line.getIndentationFirstLine()).isEqualTo(316);
    XWPFRun name = line.getRuns().get(line.getRuns().size() - 1);
    assertThat(name.getFontFamily()).contains("楷体");
    assertThat(name.getFontSizeAsDouble()).isEqualTo(16.0);
    XWPFRun label = line.getRuns().get(line.getRuns().size() - 2);
    assertThat(label.getText(0)).isEqualTo("签发人：");
    assertThat(label.getFontFamily()).contains("仿宋");
  }

  @Test
  void downwardDocumentShowsNoSigner() {
    XWPFDocument doc = open(fixture().signer("张三").build());

    assertThat(texts(doc)).noneMatch(text -> text.contains("签发人"));
  }

  // ---- 主体 -------------------------------------------------------------------------------

  @Test
  void titleIs2haoXiaobiaosongCentred() {
    XWPFParagraph title = paragraph(open(fixture().build()), "关于规范公文处理工作的通知");
    XWPFRun run = title.getRuns().get(0);

    assertThat(title.getAlignment()).isEqualTo(ParagraphAlignment.CENTER);
    assertThat(title.getStyle()).isEqualTo("Title");
    assertThat(run.getFontSizeAsDouble()).isEqualTo(22.0);
    assertThat(run.getFontFamily()).isEqualTo("方正小标宋简体");
  }

  @Test
  void lineBreaksInTheTitleAreKeptInOneParagraph() {
    XWPFDocument doc = open(fixture().title("关于进一步加强和规范\n政务服务工作的通知").build());
    XWPFParagraph title = paragraph(doc, "关于进一步加强和规范\n政务服务工作的通知");

    assertThat(title.getRuns()).hasSize(3);
    assertThat(doc.getProperties().getCoreProperties().getTitle()).isEqualTo("关于进一步加强和规范政务服务工作的通知");
  }

  @Test
  void markupCharactersInTheTitleAppearLiterally() {
    String title = "关于<b>&amp;\"引号\"'单引号'的通知";
    XWPFDocument doc = open(fixture().title(title).body("正文<w:p/>&。").build());

    assertThat(texts(doc)).contains(title, "正文<w:p/>&。");
  }

  @Test
  void mainRecipientsEndWithOneFullWidthColon() {
    assertThat(texts(open(fixture().mainRecipients("各区县人民政府").build()))).contains("各区县人民政府：");
    assertThat(texts(open(fixture().mainRecipients("各区县人民政府：").build())))
        .contains("各区县人民政府：")
        .noneMatch(text -> text.endsWith("：："));
  }

  @Test
  void bodyIs3haoFangsongWithTwoCharacterIndent() {
    XWPFParagraph body = paragraph(open(fixture().build()), "各单位要高度重视，切实加强组织领导。");
    XWPFRun run = body.getRuns().get(0);

    assertThat(run.getFontSizeAsDouble()).isEqualTo(16.0);
    assertThat(run.getFontFamily()).contains("仿宋");
    assertThat(body.getIndentationFirstLine()).isEqualTo(632);
    assertThat(body.getSpacingBetween()).isEqualTo(579 / 20.0);
  }

  @Test
  void headingLevelsGetTheirFonts() {
    XWPFDocument doc = open(fixture().build());

    assertThat(firstRun(doc, "一、总体要求").getFontFamily()).isEqualTo("黑体");
    assertThat(paragraph(doc, "一、总体要求").getStyle()).isEqualTo("Heading1");
    assertThat(firstRun(doc, "（二）规范文种使用").getFontFamily()).isEqualTo("楷体_GB2312");
    assertThat(firstRun(doc, "（1）联合行文应当确有必要。").getFontFamily()).isEqualTo("仿宋_GB2312");
    assertThat(firstRun(doc, "2.严格控制发文数量，可发可不发的一律不发。").isBold()).isFalse();
  }

  @Test
  void headingSentenceFollowedByTextIsSplit() {
    XWPFDocument doc = open(fixture().build());
    List<XWPFRun> level2 = paragraph(doc, "（一）严格执行标准。公文用纸采用A4型纸。").getRuns();
    List<XWPFRun> level3 = paragraph(doc, "1.准确选用文种。根据行文目的确定文种。").getRuns();

    assertThat(level2).extracting(XWPFRun::getFontFamily).containsExactly("楷体_GB2312", "仿宋_GB2312");
    assertThat(level2.get(0).getText(0)).isEqualTo("（一）严格执行标准。");
    // GB/T 9704 7.3.3: 仿宋, not bold — the same weight as "2.严格控制发文数量……。" on its own
    assertThat(level3).extracting(XWPFRun::isBold).containsExactly(false, false);
    assertThat(level3).extracting(XWPFRun::getFontFamily).containsOnly("仿宋_GB2312");
  }

  @Test
  void bodyOf50000CharactersIsKept() {
    List<String> paragraphs = randomParagraphs(50_000);
    XWPFDocument doc = open(fixture().body(String.join("\n", paragraphs)).build());

    assertThat(texts(doc)).containsSubsequence(paragraphs).contains("2026年11月23日");
    assertThat(paragraphs.stream().mapToInt(String::length).sum()).isGreaterThanOrEqualTo(50_000);
  }

  @Test
  void controlCharactersThatXmlCannotHoldAreDropped() {
    XWPFDocument doc = open(fixture().body("第一段\u0001文字\u000B。").build());

    assertThat(texts(doc)).contains("第一段文字。");
  }

  // ---- 附件说明 and 落款 --------------------------------------------------------------------

  @Test
  void severalAttachmentsAreNumberedAndAligned() {
    XWPFDocument doc = open(fixture().attachments(List.of("公文格式自查表", "联系人名单。")).build());

    assertThat(texts(doc)).containsSubsequence("附件：1.\t公文格式自查表", "\t2.\t联系人名单");
    XWPFParagraph second = paragraph(doc, "\t2.\t联系人名单");
    assertThat(second.getIndentationLeft() - second.getIndentationHanging()).isEqualTo(632);
  }

  @Test
  void singleAttachmentHasNoNumber() {
    XWPFDocument doc = open(fixture().attachments(List.of("公文格式自查表")).build());

    assertThat(texts(doc)).contains("附件：公文格式自查表");
  }

  @Test
  void issueDateIsInArabicNumeralsRightAlignedUnderTheSignature() {
    XWPFDocument doc = open(fixture().build());
    List<String> texts = texts(doc);
    XWPFParagraph date = paragraph(doc, "2026年11月23日");
    XWPFParagraph signature = paragraph(doc, "××市人民政府办公室");

    assertThat(date.getAlignment()).isEqualTo(ParagraphAlignment.RIGHT);
    assertThat(date.getIndentationRight()).isEqualTo(4 * 316);
    assertThat(signature.getAlignment()).isEqualTo(ParagraphAlignment.RIGHT);
    assertThat(texts.indexOf("2026年11月23日")).isEqualTo(texts.indexOf("××市人民政府办公室") + 1);
  }

  @Test
  void datesHaveNoLeadingZeros() {
    XWPFDocument doc = open(fixture().issueDate(LocalDate.of(2026, 3, 5)).build());

    assertThat(texts(doc)).contains("2026年3月5日");
  }

  // ---- 版记 -------------------------------------------------------------------------------

  @Test
  void imprintHasCopyToLineAndPrintingLineBetweenRules() {
    XWPFTable imprint = open(fixture().build()).getTables().get(0);
    CTTblBorders borders = imprint.getCTTbl().getTblPr().getTblBorders();

    assertThat(imprint.getRows()).hasSize(2);
    String copyTo = imprint.getRow(0).getCell(0).getText();
    assertThat(copyTo).isEqualTo("抄送：市委办公室，市人大常委会办公室。");
    assertThat(imprint.getRow(1).getCell(0).getText()).isEqualTo("××市人民政府办公室\t2026年11月23日印发");
    XWPFRun run = imprint.getRow(0).getCell(0).getParagraphs().get(0).getRuns().get(0);
    assertThat(run.getFontSizeAsDouble()).isEqualTo(14.0);
    assertThat(run.getFontFamily()).contains("仿宋");
    // 0.35 mm first and last rule, 0.25 mm between (w:sz in eighths of a point)
    assertThat(borders.getTop().getSz().intValue()).isEqualTo(8);
    assertThat(borders.getBottom().getSz().intValue()).isEqualTo(8);
    assertThat(borders.getInsideH().getSz().intValue()).isEqualTo(6);
  }

  @Test
  void copyToLineEndsWithOneFullStop() {
    XWPFTable imprint = open(fixture().copyTo("市委办公室，市政协办公室，").build()).getTables().get(0);

    assertThat(imprint.getRow(0).getCell(0).getText()).isEqualTo("抄送：市委办公室，市政协办公室。");
  }

  @Test
  void imprintWithoutCopyToHasOnlyThePrintingLine() {
    XWPFTable imprint = open(fixture().copyTo("  ").build()).getTables().get(0);

    assertThat(imprint.getRows()).hasSize(1);
    assertThat(imprint.getRow(0).getCell(0).getText()).endsWith("印发");
  }

  // ---- page numbers -----------------------------------------------------------------------

  @Test
  void oddAndEvenFootersCarryPageFieldsOnOppositeSides() {
    XWPFDocument doc = open(fixture().build());
    XWPFHeaderFooterPolicy policy = doc.getHeaderFooterPolicy();
    XWPFParagraph odd = policy.getDefaultFooter().getParagraphs().get(0);
    XWPFParagraph even = policy.getEvenPageFooter().getParagraphs().get(0);

    assertThat(doc.getEvenAndOddHeadings()).isTrue();
    assertThat(pageFieldOf(policy.getDefaultFooter())).isTrue();
    assertThat(pageFieldOf(policy.getEvenPageFooter())).isTrue();
    assertThat(odd.getAlignment()).isEqualTo(ParagraphAlignment.RIGHT);
    assertThat(odd.getIndentationRight()).isEqualTo(280);
    assertThat(even.getAlignment()).isEqualTo(ParagraphAlignment.LEFT);
    assertThat(even.getIndentationLeft()).isEqualTo(280);
    assertThat(odd.getText()).startsWith("— ").endsWith(" —");
    assertThat(odd.getRuns().get(0).getFontFamily()).isEqualTo("宋体");
    assertThat(odd.getRuns().get(0).getFontSizeAsDouble()).isEqualTo(14.0);
  }

  // ---- generator --------------------------------------------------------------------------

  @Test
  void concurrentGenerationGivesIdenticalDocuments() throws Exception {
    OfficialDocument doc = fixture().build();
    byte[] expected = generator.generate(doc);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<byte[]>> results =
          IntStream.range(0, 64).mapToObj(i -> pool.submit(() -> generator.generate(doc))).toList();
      for (Future<byte[]> result : results) {
        assertThat(result.get()).isEqualTo(expected);
      }
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void minimalDocumentWithNullsRenders() {
    OfficialDocument doc =
        new OfficialDocument(
            "××市人民政府文件",
            null,
            null,
            null,
            null,
            NUMBER,
            false,
            null,
            "关于某事的通知",
            null,
            "正文。",
            null,
            null,
            null,
            null,
            null,
            null,
            null);

    XWPFDocument opened = open(doc);

    assertThat(texts(opened)).contains("关于某事的通知", "正文。");
    assertThat(opened.getTables()).isEmpty();
  }

  // ---- helpers ----------------------------------------------------------------------------

  private XWPFDocument open(OfficialDocument doc) {
    try {
      return new XWPFDocument(new ByteArrayInputStream(generator.generate(doc)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> texts(XWPFDocument doc) {
    return doc.getParagraphs().stream().map(XWPFParagraph::getText).toList();
  }

  private static XWPFParagraph paragraph(XWPFDocument doc, String text) {
    Optional<XWPFParagraph> found =
        doc.getParagraphs().stream().filter(p -> p.getText().equals(text)).findFirst();
    assertThat(found).as("paragraph \"%s\" in %s", text, texts(doc)).isPresent();
    return found.get();
  }

  private static XWPFRun firstRun(XWPFDocument doc, String text) {
    return paragraph(doc, text).getRuns().get(0);
  }

  private static boolean pageFieldOf(XWPFFooter footer) {
    return footer.getParagraphs().stream()
        .flatMap(p -> p.getRuns().stream())
        .flatMap(r -> r.getCTR().getInstrTextList().stream())
        .anyMatch(instr -> instr.getStringValue().trim().equals("PAGE"));
  }

  /**
   * Paragraphs of random common characters, at least {@code characters} in all. Real text, unlike
   * one sentence repeated, does not compress below POI's 1 % zip-bomb ratio.
   */
  private static List<String> randomParagraphs(int characters) {
    Random random = new Random(9704);
    List<String> paragraphs = new ArrayList<>();
    int total = 0;
    while (total < characters) {
      StringBuilder paragraph = new StringBuilder();
      int length = 80 + random.nextInt(160);
      for (int i = 0; i < length - 1; i++) {
        paragraph.append((char) (0x4E00 + random.nextInt(0x51A5)));
      }
      paragraphs.add(paragraph.append('。').toString());
      total += length;
    }
    return paragraphs;
  }

  private static int twips(Object value) {
    return Integer.parseInt(String.valueOf(value));
  }

  private static Fixture fixture() {
    return new Fixture();
  }

  /** A complete 通知 with every element; tests change what they look at. */
  private static final class Fixture {
    private String copyNumber;
    private String secrecy;
    private String secrecyPeriod;
    private String urgency;
    private String documentNumber = NUMBER;
    private boolean upward;
    private String signer;
    private String title = "关于规范公文处理工作的通知";
    private String mainRecipients = "各区县人民政府，市政府各部门";
    private String body = BODY;
    private List<String> attachments = List.of();
    private LocalDate issueDate = LocalDate.of(2026, 11, 23);
    private String copyTo = "市委办公室，市人大常委会办公室";

    Fixture copyNumber(String value) {
      copyNumber = value;
      return this;
    }

    Fixture secrecy(String value) {
      secrecy = value;
      return this;
    }

    Fixture secrecyPeriod(String value) {
      secrecyPeriod = value;
      return this;
    }

    Fixture urgency(String value) {
      urgency = value;
      return this;
    }

    Fixture documentNumber(String value) {
      documentNumber = value;
      return this;
    }

    Fixture upward(boolean value) {
      upward = value;
      return this;
    }

    Fixture signer(String value) {
      signer = value;
      return this;
    }

    Fixture title(String value) {
      title = value;
      return this;
    }

    Fixture mainRecipients(String value) {
      mainRecipients = value;
      return this;
    }

    Fixture body(String value) {
      body = value;
      return this;
    }

    Fixture attachments(List<String> value) {
      attachments = value;
      return this;
    }

    Fixture issueDate(LocalDate value) {
      issueDate = value;
      return this;
    }

    Fixture copyTo(String value) {
      copyTo = value;
      return this;
    }

    OfficialDocument build() {
      return new OfficialDocument(
          "××市人民政府办公室文件",
          copyNumber,
          secrecy,
          secrecyPeriod,
          urgency,
          documentNumber,
          upward,
          signer,
          title,
          mainRecipients,
          body,
          attachments,
          "××市人民政府办公室",
          issueDate,
          copyTo,
          "××市人民政府办公室",
          issueDate,
          null);
    }
  }
}
