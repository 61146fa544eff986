package cn.officeflow.outgoing;

import static cn.officeflow.outgoing.ProofreadingAids.NOTE;
import static cn.officeflow.outgoing.ProofreadingText.*;

import cn.officeflow.outgoing.ProofreadingAids.ProofreadingInput;
import cn.officeflow.outgoing.ProofreadingText.Paragraph;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** 格式校对：文号、标题、主送机关、日期写法、结构层次序数（GB/T 9704）。 */
final class FormatChecks {

  /** 标题超过约两行（每行约22字）时提示。 */
  static final int TITLE_MAX_CHARS = 44;

  private static final Pattern DOC_NUMBER = Pattern.compile("^(.+?)〔(\\d{4})〕([1-9]\\d*)号$");
  private static final Pattern DOC_NUMBER_LOOSE =
      Pattern.compile(
          "^(.*?)"
              + SP
              + "(第)?"
              + SP
              + "([〔\\[［(（【〈<{｛〖])"
              + SP
              + "([0-9０-９]{4})"
              + SP
              + "([〕\\]］)）】〉>}｝〗])"
              + SP
              + "(第)?"
              + SP
              + "([0-9０-９]+)"
              + SP
              + "(号)?$");
  private static final Pattern SPACE = Pattern.compile("[\\s\\u3000]");
  private static final Pattern LEADING_ZEROS = Pattern.compile("^0+(?=\\d)");

  /** 结尾标点（不含括号、引号、书名号，这些可以出现在结尾）。 */
  private static final Pattern TRAILING_PUNCT = Pattern.compile("[。．.，,、；;：:！!？?…~～—\\-]+$");

  private static final Pattern TRAILING_PARENTHETICAL = Pattern.compile("[（(][^（）()]*[）)]$");
  private static final Pattern HALF_WIDTH_SEPARATOR = Pattern.compile("[,;]");
  private static final Pattern TRAILING_COLON = Pattern.compile("[：:]+$");
  private static final Pattern RECIPIENT_SEPARATOR = Pattern.compile("[、，,；;\\s\\u3000]+");
  private static final Pattern CN_DATE =
      Pattern.compile(
          "(?<y>[〇○零一二三四五六七八九]{4})年(?:(?<m>十[一二]?|[一二三四五六七八九])月"
              + "(?:(?<d>[二三]?十[一二三四五六七八九]?|[一二三四五六七八九])日)?)?"
              + "|(?<m2>十[一二]?|[一二三四五六七八九])月(?<d2>[二三]?十[一二三四五六七八九]?|[一二三四五六七八九])日");
  private static final Pattern ARABIC_DATE =
      Pattern.compile("(?<![0-9])(?:([0-9]{4})年)?([0-9]{1,2})月(?:([0-9]{1,2})日)?");

  private FormatChecks() {}

  static List<String> findings(
      ProofreadingInput in, List<Paragraph> paragraphs, List<Integer> noteParagraphs) {
    List<String> out = new ArrayList<>();
    checkDocumentNumber(in, out);
    checkTitle(in, out);
    checkMainRecipients(in, out);
    checkBodyRepeatsRecipients(in, paragraphs, out);
    int[] lastHeading = new int[HEADINGS.size()];
    for (Paragraph p : paragraphs) {
      if (!noteParagraphs.contains(p.number())) {
        checkHeading(p, lastHeading, out);
      }
      checkChineseDates(p, out);
      checkArabicDates(p, out);
    }
    if (in.issueDate() == null) {
      out.add("成文日期：未填写。");
    }
    return out;
  }

  private static void checkDocumentNumber(ProofreadingInput in, List<String> out) {
    String number = trim(in.documentNumber());
    if (number.isEmpty()) {
      out.add("文号：未填写。");
      return;
    }
    String code = trim(in.docCode());
    Integer issueYear = in.issueDate() == null ? null : in.issueDate().getYear();
    if (isValidDocumentNumber(number, code, issueYear)) {
      return;
    }
    Matcher loose = DOC_NUMBER_LOOSE.matcher(number);
    if (!loose.matches()) {
      out.add("文号“" + number + "”：格式不符，应形如“" + docNumberExample(code, issueYear) + "”。");
      return;
    }
    List<String> problems = docNumberProblems(number, loose, code, issueYear);
    out.add(
        "文号“"
            + number
            + "”："
            + String.join("；", problems)
            + docNumberSuggestion(loose, code, issueYear)
            + "。");
  }

  private static String docNumberSuggestion(Matcher loose, String code, Integer issueYear) {
    String sequence = LEADING_ZEROS.matcher(ascii(loose.group(7))).replaceFirst("");
    if (sequence.equals("0")) {
      return "";
    }
    String prefix = code.isEmpty() ? loose.group(1) : code;
    String year = issueYear != null ? issueYear.toString() : ascii(loose.group(4));
    return "，应为“" + prefix + "〔" + year + "〕" + sequence + "号”";
  }

  private static boolean isValidDocumentNumber(String number, String code, Integer issueYear) {
    Matcher strict = DOC_NUMBER.matcher(number);
    return strict.matches()
        && (code.isEmpty() || strict.group(1).equals(code))
        && (issueYear == null || Integer.parseInt(strict.group(2)) == issueYear);
  }

  private static String docNumberExample(String code, Integer issueYear) {
    return (code.isEmpty() ? "机关代字" : code) + "〔" + (issueYear == null ? "年份" : issueYear) + "〕1号";
  }

  private static List<String> docNumberProblems(
      String number, Matcher m, String code, Integer issueYear) {
    List<String> problems = new ArrayList<>();
    if (!code.isEmpty() && !m.group(1).equals(code)) {
      problems.add(m.group(1).isEmpty() ? "缺少机关代字“" + code + "”" : "机关代字应为“" + code + "”");
    }
    if (m.group(2) != null || m.group(6) != null) {
      problems.add("不加“第”字");
    }
    if (!"〔".equals(m.group(3)) || !"〕".equals(m.group(5))) {
      problems.add("年份应使用六角括号“〔〕”，不应使用“" + m.group(3) + m.group(5) + "”");
    }
    String year = ascii(m.group(4));
    String sequence = ascii(m.group(7));
    if (!year.equals(m.group(4)) || !sequence.equals(m.group(7))) {
      problems.add("数字应为半角阿拉伯数字");
    }
    if (issueYear != null && Integer.parseInt(year) != issueYear) {
      problems.add("年份“" + year + "”与成文日期年份“" + issueYear + "”不一致");
    }
    addSequenceProblem(sequence, problems);
    if (m.group(8) == null) {
      problems.add("末尾缺少“号”");
    }
    if (SPACE.matcher(number).find()) {
      problems.add("不应含空格");
    }
    if (problems.isEmpty()) {
      problems.add("格式不符");
    }
    return problems;
  }

  private static void addSequenceProblem(String sequence, List<String> problems) {
    if (sequence.chars().allMatch(c -> c == '0')) {
      problems.add("序号不能为0");
    } else if (sequence.startsWith("0")) {
      problems.add("序号不编虚位（不写“" + sequence + "”）");
    }
  }

  private static void checkTitle(ProofreadingInput in, List<String> out) {
    String title = trim(in.title());
    if (title.isEmpty()) {
      out.add("标题：未填写。");
      return;
    }
    Matcher punct = TRAILING_PUNCT.matcher(title);
    if (punct.find()) {
      out.add("标题：末尾不应有标点“" + punct.group() + "”。");
    }
    int length = visibleLength(title);
    if (length > TITLE_MAX_CHARS) {
      out.add("标题：共" + length + "字，超过两行（约" + TITLE_MAX_CHARS + "字），可考虑精简" + NOTE);
    }
    String docType = trim(in.docType());
    String bare =
        TRAILING_PARENTHETICAL
            .matcher(TRAILING_PUNCT.matcher(title).replaceFirst(""))
            .replaceFirst("");
    if (hasHan(docType) && !bare.endsWith(docType)) {
      out.add("标题：未以文种“" + docType + "”结尾" + NOTE);
    }
  }

  private static void checkMainRecipients(ProofreadingInput in, List<String> out) {
    String recipients = trim(in.mainRecipients());
    if (recipients.isEmpty()) {
      if (!isGeneralRelease(in.docType())) {
        out.add("主送机关：未填写；除公告、通告、纪要等外应写明主送机关" + NOTE);
      }
      return;
    }
    Matcher end = TRAILING_PUNCT.matcher(recipients);
    String ending = end.find() ? end.group() : "";
    if (ending.isEmpty()) {
      out.add("主送机关：末尾将自动加“：”" + NOTE);
    } else if (ending.equals(":")) {
      out.add("主送机关：末尾为半角冒号“:”，应为全角冒号“：”。");
    } else if (!ending.equals("：")) {
      out.add("主送机关：末尾为“" + ending + "”，应为全角冒号“：”。");
    }
    String names = recipients.substring(0, recipients.length() - ending.length());
    Matcher separator = HALF_WIDTH_SEPARATOR.matcher(names);
    if (separator.find()) {
      out.add("主送机关：机关之间应使用全角“、”或“，”，不应使用半角“" + separator.group() + "”。");
    }
  }

  /**
   * 发文稿在正文前单独排印主送机关：正文首段若就是主送机关（如“各处室：”，冒号全角、半角或没有），或是以冒号结尾、
   * 所列机关都在主送机关之中的称呼行，主送机关会印两遍。
   */
  private static void checkBodyRepeatsRecipients(
      ProofreadingInput in, List<Paragraph> paragraphs, List<String> out) {
    String recipients = withoutColon(in.mainRecipients());
    if (recipients.isEmpty() || paragraphs.isEmpty()) {
      return;
    }
    Paragraph first = paragraphs.get(0);
    String line = withoutColon(first.text());
    boolean salutation =
        !line.equals(first.text())
            && !line.isEmpty()
            && recipientNames(recipients).containsAll(recipientNames(line));
    if (line.equals(recipients) || salutation) {
      out.add(first.label() + "：正文以主送机关“" + first.text() + "”开头，发文稿已在正文前排印主送机关，请删去此行。");
    }
  }

  private static String withoutColon(String text) {
    return trim(TRAILING_COLON.matcher(trim(text)).replaceFirst(""));
  }

  private static List<String> recipientNames(String text) {
    return List.of(RECIPIENT_SEPARATOR.split(text));
  }

  private static boolean isGeneralRelease(String docType) {
    String type = trim(docType);
    return type.contains("公告") || type.contains("通告") || type.contains("令") || type.contains("纪要");
  }

  private static void checkChineseDates(Paragraph p, List<String> out) {
    Matcher m = CN_DATE.matcher(p.text());
    while (m.find()) {
      out.add(p.label() + "：日期“" + m.group() + "”应使用阿拉伯数字，写作“" + arabicDate(m) + "”。");
    }
  }

  private static String arabicDate(Matcher m) {
    StringBuilder date = new StringBuilder();
    if (m.group("y") != null) {
      m.group("y").chars().forEach(c -> date.append(CN_DIGITS.indexOf(c) + 1));
      date.append('年');
    }
    String month = m.group("y") != null ? m.group("m") : m.group("m2");
    String day = m.group("y") != null ? m.group("d") : m.group("d2");
    if (month != null) {
      date.append(chineseNumber(month)).append('月');
    }
    if (day != null) {
      date.append(chineseNumber(day)).append('日');
    }
    return date.toString();
  }

  private static void checkArabicDates(Paragraph p, List<String> out) {
    Matcher m = ARABIC_DATE.matcher(p.text());
    while (m.find()) {
      String month = m.group(2);
      String day = m.group(3);
      if (!isValidDate(m.group(1), month, day)) {
        out.add(p.label() + "：日期“" + m.group() + "”不存在，请核对。");
      } else if (isZeroPadded(month) || isZeroPadded(day)) {
        out.add(p.label() + "：日期“" + m.group() + "”不编虚位，应为“" + unpaddedDate(m) + "”。");
      }
    }
  }

  private static boolean isValidDate(String year, String month, String day) {
    int m = Integer.parseInt(month);
    if (m < 1 || m > 12) {
      return false;
    }
    if (day == null) {
      return true;
    }
    int d = Integer.parseInt(day);
    int maxDay =
        year == null
            ? YearMonth.of(2024, m).lengthOfMonth()
            : YearMonth.of(Integer.parseInt(year), m).lengthOfMonth();
    return d >= 1 && d <= maxDay;
  }

  private static boolean isZeroPadded(String number) {
    return number != null && number.length() > 1 && number.charAt(0) == '0';
  }

  private static String unpaddedDate(Matcher m) {
    return (m.group(1) == null ? "" : m.group(1) + "年")
        + Integer.parseInt(m.group(2))
        + "月"
        + (m.group(3) == null ? "" : Integer.parseInt(m.group(3)) + "日");
  }

  // ---- 结构层次序数 ----

  /** {@code last} 记录各层级上一个序号，跨段落保持。 */
  private static void checkHeading(Paragraph p, int[] last, List<String> out) {
    for (int level = 0; level < HEADINGS.size(); level++) {
      Matcher m = HEADINGS.get(level).matcher(p.text());
      if (m.find() && applyHeading(p, level, m, last, out)) {
        return;
      }
    }
  }

  /** 返回 false 表示不是有效序号（如“十十、”），继续尝试其他层级。 */
  private static boolean applyHeading(
      Paragraph p, int level, Matcher m, int[] last, List<String> out) {
    int number =
        level % 2 == 0 ? headingNumber(m.group(1), level) : headingNumber(m.group(2), level);
    if (number <= 0) {
      return false;
    }
    String canonical = heading(level, number);
    String written = m.group();
    if (!isCanonicalHeading(level, written, canonical)) {
      out.add(
          p.label() + "：序号“" + written + "”应为“" + canonical + "”" + headingReason(level, m) + "。");
    }
    checkHeadingOrder(p, level, number, last, out);
    last[level] = number;
    for (int lower = level + 1; lower < last.length; lower++) {
      last[lower] = 0;
    }
    return true;
  }

  private static int headingNumber(String digits, int level) {
    return level < 2 ? chineseNumber(digits) : Integer.parseInt(digits);
  }

  private static boolean isCanonicalHeading(int level, String written, String canonical) {
    return written.equals(canonical) || level == 2 && written.equals(canonical.replace('.', '．'));
  }

  private static String headingReason(int level, Matcher m) {
    if (level % 2 == 0) {
      return "";
    }
    String open = m.group(1);
    String close = m.group(3);
    if (open.isEmpty()) {
      return "（缺少左括号）";
    }
    if (open.equals("(") || close.equals(")")) {
      return "（使用了半角括号）";
    }
    return m.group(4).isEmpty() ? "" : "（括号后不加标点）";
  }

  private static void checkHeadingOrder(
      Paragraph p, int level, int number, int[] last, List<String> out) {
    int expected = last[level] + 1;
    if (number == expected) {
      return;
    }
    String written = heading(level, number);
    String wanted = heading(level, expected);
    if (number == last[level]) {
      out.add(p.label() + "：序号“" + written + "”重复，应为“" + wanted + "”。");
    } else if (number > expected) {
      out.add(p.label() + "：序号“" + written + "”跳号，应为“" + wanted + "”。");
    } else {
      out.add(p.label() + "：序号“" + written + "”顺序错误，应为“" + wanted + "”。");
    }
  }

  private static String heading(int level, int number) {
    return switch (level) {
      case 0 -> chineseNumeral(number) + "、";
      case 1 -> "（" + chineseNumeral(number) + "）";
      case 2 -> number + ".";
      default -> "（" + number + "）";
    };
  }
}
