package cn.officeflow.platform.docgen;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/** Text clean-up and GB/T 9704 wording rules shared by {@link DocxModel}. */
final class DocxText {

  /** Characters XML 1.0 cannot carry at all (escaping does not help): C0 controls except tab/LF/CR. */
  private static final Pattern XML_INVALID =
      Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]");

  private static final Pattern LINE_BREAK = Pattern.compile("\\r\\n|\\r|\\n");
  private static final Pattern LINE_BREAK_WITH_SPACES = Pattern.compile("\\s*[\\r\\n]+\\s*");
  private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[\\s。，、；：,.;:]+$");
  private static final Pattern YEAR_BRACKETS = Pattern.compile("[\\[［【(（〔](\\d{4})[\\]］】)）〕]");
  private static final Pattern SERIAL = Pattern.compile("〕第?0*(\\d+)号");

  private DocxText() {}

  /**
   * One line of text: {@code null} → "", characters XML cannot hold removed, line breaks joined
   * (Chinese needs no space there), tabs → space, trimmed (U+3000 too).
   */
  static String clean(String text) {
    if (text == null) {
      return "";
    }
    String valid = XML_INVALID.matcher(text).replaceAll("");
    return LINE_BREAK_WITH_SPACES.matcher(valid).replaceAll("").replace('\t', ' ').strip();
  }

  /**
   * Several lines as one list with "，" between them (GB/T 9704 7.4.2 separates 抄送机关 by commas):
   * "省财政厅\n省教育厅。" → "省财政厅，省教育厅".
   */
  static String joinedLines(String text) {
    return String.join(
        "，", lines(text).stream().map(DocxText::withoutTrailingPunctuation).toList());
  }

  /** Non-blank lines of a multi-line text, each {@link #clean cleaned}. */
  static List<String> lines(String text) {
    if (text == null) {
      return List.of();
    }
    return Arrays.stream(LINE_BREAK.split(XML_INVALID.matcher(text).replaceAll("")))
        .map(DocxText::clean)
        .filter(line -> !line.isEmpty())
        .toList();
  }

  /** "2026年11月23日": Arabic numerals, no leading zeros (GB/T 9704 7.3.5.1); {@code null} → "". */
  static String chineseDate(LocalDate date) {
    if (date == null) {
      return "";
    }
    return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
  }

  /** W3CDTF for docProps/core.xml: "2026-11-23T00:00:00Z"; {@code null} → "". */
  static String w3cDateTime(LocalDate date) {
    return date == null ? "" : date + "T00:00:00Z";
  }

  static String withoutTrailingPunctuation(String text) {
    return TRAILING_PUNCTUATION.matcher(clean(text)).replaceAll("");
  }

  /**
   * 发文字号 as GB/T 9704 7.2.4 writes it: year in 〔〕 (U+3014/U+3015), no 第, no leading zeros.
   * "行办发[2026]第01号" → "行办发〔2026〕1号"; a number already in that form is unchanged.
   */
  static String documentNumber(String number) {
    String bracketed = YEAR_BRACKETS.matcher(clean(number)).replaceAll("〔$1〕");
    return SERIAL.matcher(bracketed).replaceAll("〕$1号");
  }

  /** Printed width in half characters: ASCII counts 1 (半角), everything else 2 (全角). */
  static int halfWidths(String text) {
    return text.codePoints().map(c -> c < 0x80 ? 1 : 2).sum();
  }
}
