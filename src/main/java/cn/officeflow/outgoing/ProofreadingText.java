package cn.officeflow.outgoing;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** 发文校对三类检查共用的文本工具：分段、序号、上下文摘录、中文数字、全角半角。 */
final class ProofreadingText {

  static final Pattern LINE_BREAK = Pattern.compile("\\R");
  static final String SP = "[\\s\\u3000]*";
  static final String CN_NUM = "[一二三四五六七八九十]";
  static final String CN_DIGITS = "一二三四五六七八九";

  /** 取上下文时命中部分前后各保留的字数。 */
  static final int SNIPPET_RADIUS = 10;

  /** 段首序号：一、 （一） 1. （1）。格式检查核对它们，表述检查跳过它们。 */
  static final Pattern HEADING_1 = Pattern.compile("^(" + CN_NUM + "{1,3})([、，,.．])");

  static final Pattern HEADING_2 = Pattern.compile("^([(（])(" + CN_NUM + "{1,3})([)）])([、，,.．]?)");
  static final Pattern HEADING_3 = Pattern.compile("^([0-9]{1,2})([.．、,，])(?![0-9])");
  static final Pattern HEADING_4 = Pattern.compile("^([(（]?)([0-9]{1,2})([)）])([、，,.．]?)");
  static final List<Pattern> HEADINGS = List.of(HEADING_1, HEADING_2, HEADING_3, HEADING_4);

  private ProofreadingText() {}

  /** 正文中的一段（非空行），编号从 1 起。 */
  record Paragraph(int number, String text) {
    String label() {
      return "第" + number + "段";
    }
  }

  static List<Paragraph> paragraphs(String body) {
    List<Paragraph> paragraphs = new ArrayList<>();
    for (String line : LINE_BREAK.split(nz(body))) {
      String text = trim(line);
      if (!text.isEmpty()) {
        paragraphs.add(new Paragraph(paragraphs.size() + 1, text));
      }
    }
    return paragraphs;
  }

  /** 段首序号的长度（含不规范写法），表述检查跳过这部分，避免与序号检查重复。 */
  static int headingPrefixLength(String text) {
    for (Pattern pattern : HEADINGS) {
      Matcher m = pattern.matcher(text);
      if (m.find()) {
        return m.end();
      }
    }
    return 0;
  }

  /** 取 [start,end) 前后各 {@value #SNIPPET_RADIUS} 字作上下文，命中部分用【】标出。 */
  static String snippet(String text, int start, int end) {
    int from = Math.max(0, start - SNIPPET_RADIUS);
    int to = Math.min(text.length(), end + SNIPPET_RADIUS);
    if (from > 0 && Character.isLowSurrogate(text.charAt(from))) {
      from--;
    }
    if (to < text.length() && Character.isLowSurrogate(text.charAt(to))) {
      to++;
    }
    return (from > 0 ? "…" : "")
        + text.substring(from, start)
        + "【"
        + text.substring(start, end)
        + "】"
        + text.substring(end, to)
        + (to < text.length() ? "…" : "");
  }

  /** 解析“一”至“九十九”；无法解析时返回 -1。 */
  static int chineseNumber(String text) {
    int ten = text.indexOf('十');
    if (ten < 0) {
      return text.length() == 1 ? CN_DIGITS.indexOf(text.charAt(0)) + 1 : -1;
    }
    if (ten != text.lastIndexOf('十') || ten > 1 || text.length() - ten > 2) {
      return -1;
    }
    int tens = ten == 0 ? 1 : CN_DIGITS.indexOf(text.charAt(0)) + 1;
    int units = ten == text.length() - 1 ? 0 : CN_DIGITS.indexOf(text.charAt(ten + 1)) + 1;
    boolean validUnits = ten == text.length() - 1 || units > 0;
    return tens > 0 && validUnits ? tens * 10 + units : -1;
  }

  /** 1 至 99 的中文数字。 */
  static String chineseNumeral(int n) {
    if (n <= 0 || n >= 100) {
      return Integer.toString(n);
    }
    String units = n % 10 == 0 ? "" : String.valueOf(CN_DIGITS.charAt(n % 10 - 1));
    if (n < 10) {
      return units;
    }
    return (n < 20 ? "" : String.valueOf(CN_DIGITS.charAt(n / 10 - 1))) + "十" + units;
  }

  static boolean isChinese(char c) {
    return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN
        || c >= '\u3001' && c <= '\u303F'
        || "，；：？！（）“”‘’…—".indexOf(c) >= 0;
  }

  static boolean hasHan(String text) {
    return text.codePoints()
        .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
  }

  static int visibleLength(String text) {
    return (int) text.codePoints().filter(c -> !isSpace(c)).count();
  }

  /** 全角数字、字母转半角。 */
  static String ascii(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      boolean fullWidth = c >= '０' && c <= '９' || c >= 'Ａ' && c <= 'Ｚ' || c >= 'ａ' && c <= 'ｚ';
      out.append(fullWidth ? (char) (c - 0xFEE0) : c);
    }
    return out.toString();
  }

  static String trim(String text) {
    String s = nz(text);
    int start = 0;
    int end = s.length();
    while (start < end && isSpace(s.charAt(start))) {
      start++;
    }
    while (end > start && isSpace(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(start, end);
  }

  static boolean isSpace(int c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\uFEFF' || c == '\u200B';
  }

  static String nz(String text) {
    return text == null ? "" : text;
  }
}
