package cn.officeflow.platform.docgen;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What {@code word/document.xml.ftl} and {@code docProps/core.xml.ftl} render: the document's
 * values cleaned and worded as GB/T 9704-2012 wants them. Layout in twips that depends on the text
 * (the 落款 indents) is computed here; everything else about layout lives in the templates.
 * Public only because FreeMarker's object wrapper reads public types; not an API.
 *
 * @param headerMarks 份号, 密级★保密期限, 紧急程度 — only those present, top to bottom
 * @param titleLines the title, one entry per forced line break
 * @param mainRecipientsLine 主送机关 ending with "："; "" when there is none
 * @param copyToLine the 抄送 names ending with "。" (without the "抄送：" label); "" when none
 * @param signatureRightIndent twips, centres the 发文机关署名 over the 成文日期
 * @param dateRightIndent twips, 成文日期 右空四字
 * @param notesLine 附注 in parentheses, "" when there is none
 * @param imprintPageBreaks page breaks before the 版记 (0, 1 or 2; see {@link Pagination})
 * @param imprintSpacer twips of space above the 版记 so that its last line ends on the bottom edge
 */
public record DocxModel(
    List<String> headerMarks,
    String issuingAuthority,
    String documentNumber,
    boolean upward,
    String signer,
    String plainTitle,
    List<String> titleLines,
    String mainRecipientsLine,
    List<BodyParagraph> paragraphs,
    List<String> attachments,
    String issuerSignature,
    String issueDate,
    int signatureRightIndent,
    int dateRightIndent,
    String notesLine,
    String copyToLine,
    String printingAuthority,
    String printingDate,
    String created,
    int imprintPageBreaks,
    int imprintSpacer) {

  /** One character of 3号 text on the 28-characters-per-line grid: 156 mm / 28 ≈ 316 twips. */
  static final int CHAR_TWIPS = 316;

  /** 成文日期 右空四字 (GB/T 9704 7.3.5.1, documents bearing a seal). */
  static final int DATE_RIGHT_INDENT = 4 * CHAR_TWIPS;

  /** Without a date the 署名 is set 右空二字 (7.3.5.2). */
  static final int SIGNATURE_ONLY_RIGHT_INDENT = 2 * CHAR_TWIPS;

  private static final Set<String> NOT_SHOWN_SECRECY = Set.of("", "公开");
  private static final Set<String> NOT_SHOWN_URGENCY = Set.of("", "普通");
  private static final int COPY_NUMBER_DIGITS = 6;

  static DocxModel from(OfficialDocument doc) {
    String issueDate = DocxText.chineseDate(doc.issueDate());
    String signature = DocxText.clean(doc.issuerSignature());
    String notes = DocxText.clean(doc.notes());
    DocxModel laidOut =
        new DocxModel(
            headerMarks(doc),
            DocxText.clean(doc.issuingAuthority()),
            DocxText.documentNumber(doc.documentNumber()),
            doc.upward(),
            DocxText.clean(doc.signer()),
            DocxText.clean(doc.title()),
            DocxText.lines(doc.title()),
            listEndingWith(doc.mainRecipients(), "："),
            DocxText.lines(doc.body()).stream().map(BodyParagraph::parse).toList(),
            attachmentNames(doc.attachments()),
            signature,
            issueDate,
            signatureRightIndent(signature, issueDate),
            DATE_RIGHT_INDENT,
            notes.isEmpty() ? "" : "（" + notes + "）",
            listEndingWith(doc.copyTo(), "。"),
            DocxText.clean(doc.printingAuthority()),
            DocxText.chineseDate(doc.printingDate()),
            DocxText.w3cDateTime(doc.issueDate()),
            0,
            0);
    int[] imprint = laidOut.imprintPlace();
    return laidOut.withImprint(imprint[0], imprint[1]);
  }

  private DocxModel withImprint(int pageBreaks, int spacer) {
    return new DocxModel(
        headerMarks,
        issuingAuthority,
        documentNumber,
        upward,
        signer,
        plainTitle,
        titleLines,
        mainRecipientsLine,
        paragraphs,
        attachments,
        issuerSignature,
        issueDate,
        signatureRightIndent,
        dateRightIndent,
        notesLine,
        copyToLine,
        printingAuthority,
        printingDate,
        created,
        pageBreaks,
        spacer);
  }

  /** Whether there is a 版记 at all. */
  boolean hasImprint() {
    return !copyToLine.isEmpty() || !printingAuthority.isEmpty() || !printingDate.isEmpty();
  }

  /**
   * Counts the lines the template sets (see {@code document.xml.ftl}, in the same order) and
   * returns {page breaks, spacer twips} for the 版记.
   */
  private int[] imprintPlace() {
    if (!hasImprint()) {
      return new int[] {0, 0};
    }
    int line = Pagination.LINE;
    int width = Pagination.WIDTH;
    int cell = Pagination.CELL_3;
    Pagination pages = new Pagination();
    pages.advance(Pagination.HEADER);
    int titleLineCount = 0;
    for (String titleLine : titleLines) {
      titleLineCount += Pagination.lines(titleLine, width, 0, 440);
    }
    pages.paragraph(2 * line, titleLineCount);
    if (!mainRecipientsLine.isEmpty()) {
      pages.paragraph(line, Pagination.lines(mainRecipientsLine, width, 0, cell));
    }
    for (int i = 0; i < paragraphs.size(); i++) {
      BodyParagraph paragraph = paragraphs.get(i);
      int before = i == 0 && mainRecipientsLine.isEmpty() ? line : 0;
      int lines = Pagination.lines(paragraph.text(), width, 2 * cell, cell);
      if (paragraph.keepWithNext() && lines == 1 && !pages.fits(before + line)) {
        pages.newPage(); // the heading goes down with the paragraph it heads
      }
      pages.paragraph(before, lines);
    }
    if (attachments.size() == 1) {
      pages.paragraph(
          line, Pagination.lines("附件：" + attachments.get(0), width - 2 * cell, 0, cell));
    } else {
      int nameStart = (int) Math.round(6.5 * CHAR_TWIPS);
      for (int i = 0; i < attachments.size(); i++) {
        pages.paragraph(
            i == 0 ? line : 0, Pagination.lines(attachments.get(i), width - nameStart, 0, cell));
      }
    }
    int closingLines = (issuerSignature.isEmpty() ? 0 : 1) + (issueDate.isEmpty() ? 0 : 1);
    if (closingLines > 0) {
      if (!pages.fits(2 * line + (closingLines - 1) * line)) {
        pages.newPage(); // 署名 and 日期 stay together
      }
      pages.paragraph(2 * line, closingLines);
    }
    if (!notesLine.isEmpty()) {
      pages.paragraph(0, Pagination.lines(notesLine, width, 2 * cell, cell));
    }
    int imprintLines = 1;
    if (!copyToLine.isEmpty()) {
      // one character in on both sides, wrapped lines aligned after "抄送：" (hanging indent)
      int cell4 = Pagination.CELL_4;
      imprintLines += Pagination.lines("抄送：" + copyToLine, width - 5 * cell4, -3 * cell4, cell4);
    }
    return pages.imprint(imprintLines);
  }

  private static List<String> headerMarks(OfficialDocument doc) {
    List<String> marks = new ArrayList<>(3);
    String copyNumber = copyNumber(doc.copyNumber());
    if (!copyNumber.isEmpty()) {
      marks.add(copyNumber);
    }
    String secrecy = secrecyMark(doc.secrecy(), doc.secrecyPeriod());
    if (!secrecy.isEmpty()) {
      marks.add(secrecy);
    }
    String urgency = DocxText.clean(doc.urgency());
    if (!NOT_SHOWN_URGENCY.contains(urgency)) {
      marks.add(urgency);
    }
    return List.copyOf(marks);
  }

  /** 份号: 6 digits; shorter digit strings are padded with zeros ("12" → "000012"). */
  private static String copyNumber(String copyNumber) {
    String number = DocxText.clean(copyNumber);
    if (number.matches("\\d{1," + COPY_NUMBER_DIGITS + "}")) {
      return "0".repeat(COPY_NUMBER_DIGITS - number.length()) + number;
    }
    return number;
  }

  /** "机密★1年" (GB/T 9704 7.2.2); 内部 is shown as it is; 公开 is not shown. */
  private static String secrecyMark(String secrecy, String period) {
    String level = DocxText.clean(secrecy);
    if (NOT_SHOWN_SECRECY.contains(level)) {
      return "";
    }
    String term = DocxText.clean(period);
    boolean classified = level.endsWith("密") && !level.contains("★");
    return classified && !term.isEmpty() ? level + "★" + term : level;
  }

  /** 主送机关 end with "：", 抄送机关 with "。" — never doubled; "" when there are none. */
  private static String listEndingWith(String names, String ending) {
    String joined = DocxText.joinedLines(names);
    return joined.isEmpty() ? "" : joined + ending;
  }

  /** 附件名称后不加标点符号 (GB/T 9704 7.3.4). */
  private static List<String> attachmentNames(List<String> attachments) {
    return attachments.stream()
        .map(DocxText::withoutTrailingPunctuation)
        .filter(name -> !name.isEmpty())
        .toList();
  }

  /**
   * Right indent that centres the 署名 over the 成文日期 (which is set 右空四字); a 署名 wider
   * than the date reaches further right, never past the margin.
   */
  private static int signatureRightIndent(String signature, String issueDate) {
    if (issueDate.isEmpty()) {
      return SIGNATURE_ONLY_RIGHT_INDENT;
    }
    int halfWidthDifference = DocxText.halfWidths(issueDate) - DocxText.halfWidths(signature);
    // (difference / 2) half characters, half a character = CHAR_TWIPS / 2
    return Math.max(0, DATE_RIGHT_INDENT + halfWidthDifference * CHAR_TWIPS / 4);
  }
}
