package cn.officeflow.outgoing;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;

/**
 * 发文校对辅助：签发后，格式、表述、附件三位校对人员在表单中看到的自动检查结果。
 *
 * <p>只做纯文本检查，不访问流程引擎或数据库。每条结果是一句简短中文，开头注明位置（如“第3段：”“文号：”）；
 * 以 {@link #NOTE} 结尾的条目是提示，不算错误。
 */
@Service
public class ProofreadingAids {

  /** 提示性条目（非错误）的结尾标记。 */
  public static final String NOTE = "（提示）";
  /** 没有发现时显示的文字。 */
  public static final String NO_FINDINGS = "未发现问题。";

  static final int SNIPPET_RADIUS = 10;
  /** 标题超过约两行（每行约22字）时提示。 */
  static final int TITLE_MAX_CHARS = 44;
  private static final int MAX_RANGE = 50;

  // ---- 通用 ----
  private static final Pattern LINE_BREAK = Pattern.compile("\\R");
  private static final String SP = "[\\s\\u3000]*";
  private static final String CN_NUM = "[一二三四五六七八九十]";
  private static final String CN_DIGITS = "一二三四五六七八九";

  // ---- 格式 ----
  private static final Pattern DOC_NUMBER = Pattern.compile("^(.+?)〔(\\d{4})〕([1-9]\\d*)号$");
  private static final Pattern DOC_NUMBER_LOOSE = Pattern.compile("^(.*?)" + SP + "(第)?" + SP
      + "([〔\\[［(（【〈<{｛〖])" + SP + "([0-9０-９]{4})" + SP + "([〕\\]］)）】〉>}｝〗])"
      + SP + "(第)?" + SP + "([0-9０-９]+)" + SP + "(号)?$");
  private static final Pattern SPACE = Pattern.compile("[\\s\\u3000]");
  private static final Pattern LEADING_ZEROS = Pattern.compile("^0+(?=\\d)");
  /** 结尾标点（不含括号、引号、书名号，这些可以出现在结尾）。 */
  private static final Pattern TRAILING_PUNCT = Pattern.compile("[。．.，,、；;：:！!？?…~～—\\-]+$");
  private static final Pattern TRAILING_PARENTHETICAL = Pattern.compile("[（(][^（）()]*[）)]$");
  private static final Pattern HALF_WIDTH_SEPARATOR = Pattern.compile("[,;]");
  private static final Pattern TRAILING_COLON = Pattern.compile("[：:]+$");
  private static final Pattern RECIPIENT_SEPARATOR = Pattern.compile("[、，,；;\\s\\u3000]+");
  private static final Pattern CN_DATE = Pattern.compile(
      "(?<y>[〇○零一二三四五六七八九]{4})年(?:(?<m>十[一二]?|[一二三四五六七八九])月"
          + "(?:(?<d>[二三]?十[一二三四五六七八九]?|[一二三四五六七八九])日)?)?"
          + "|(?<m2>十[一二]?|[一二三四五六七八九])月(?<d2>[二三]?十[一二三四五六七八九]?|[一二三四五六七八九])日");
  private static final Pattern ARABIC_DATE =
      Pattern.compile("(?<![0-9])(?:([0-9]{4})年)?([0-9]{1,2})月(?:([0-9]{1,2})日)?");
  private static final Pattern HEADING_1 = Pattern.compile("^(" + CN_NUM + "{1,3})([、，,.．])");
  private static final Pattern HEADING_2 =
      Pattern.compile("^([(（])(" + CN_NUM + "{1,3})([)）])([、，,.．]?)");
  private static final Pattern HEADING_3 = Pattern.compile("^([0-9]{1,2})([.．、,，])(?![0-9])");
  private static final Pattern HEADING_4 = Pattern.compile("^([(（]?)([0-9]{1,2})([)）])([、，,.．]?)");
  private static final List<Pattern> HEADINGS = List.of(HEADING_1, HEADING_2, HEADING_3, HEADING_4);

  // ---- 表述 ----
  private static final Map<String, String> LEGAL_TERMS = legalTerms();
  private static final Pattern LEGAL_TERM = Pattern.compile("必须|应当|原则上|尽快|及时|严禁|禁止|不得|可以|适当|有关"
      + "|一般(?!公共预算|纳税人)"
      + "|(?<![相响反对适供答效因呼感顺回照])应(?![急用对聘邀届当变收付答])"
      + "|(?<![平均对相同优初高中上下次劣何头超特])等(?=[。，])");
  /** Places listed per legal term; the rest is counted, so the form stays readable for long bodies. */
  static final int MAX_PLACES_PER_TERM = 20;
  private static final String HALF_WIDTH = ",;:?!()";
  private static final String FULL_WIDTH = "，；：？！（）";
  private static final int MAX_PAREN_SPAN = 40;
  private static final Pattern FULL_WIDTH_ALNUM = Pattern.compile("[０-９Ａ-Ｚａ-ｚ]+");
  private static final Pattern REPEATED_PUNCT = Pattern.compile("[。，、；：？！]{2,}");
  private static final String[] PAIRS = {"“”", "《》", "（）"};

  // ---- 附件 ----
  private static final Pattern LIST_ATTACHMENT_PREFIX = Pattern.compile("^附件" + SP
      + "(?:([0-9]{1,3})(?![0-9年月日号])" + SP + "[：:．.、]?|(" + CN_NUM + "{1,3})" + SP
      + "[：:．.、]|[：:])" + SP);
  private static final Pattern LIST_NUMBER_PREFIX =
      Pattern.compile("^(?:[(（]([0-9]{1,3})[)）]|([0-9]{1,3})[.．、:：](?![0-9]))" + SP);
  private static final Pattern FILE_EXTENSION = Pattern.compile(
      "(?i)\\.(?:docx?|xlsx?|pptx?|pdf|wps|et|dps|ofd|txt|csv|zip|rar|7z|jpe?g|png|gif|bmp|tiff?)$");
  private static final Pattern KEY_NOISE = Pattern.compile("[\\s\\u3000《》“”\"']");
  private static final Pattern KEY_TRAILING = Pattern.compile("[。；;，,、.．]+$");
  private static final Pattern REFERENCE = Pattern.compile("附件" + SP
      + "(?:(?<nums>[0-9]{1,3}(?![0-9])(?:" + SP + "(?:以及|[、和及与至到~～—-])" + SP + "(?:附件)?"
      + SP + "[0-9]{1,3}(?![0-9])){0,20})"
      + "|(?<cn>(?:[二三四五六七八九]|十(?!分)|一(?![并起同律些般致道式览直是]))" + CN_NUM + "?)(?![份件页张本套]))?"
      + SP + "[为是]?" + SP + "[：:]?" + SP
      + "(?<titles>《[^《》]{1,100}》(?:" + SP + "[、，和及与]?" + SP + "《[^《》]{1,100}》){0,20})?");
  private static final Pattern REFERENCE_NUMBER = Pattern.compile("([0-9]{1,3})|(至|到|[~～—-])");
  private static final Pattern BOOK_TITLE = Pattern.compile("《([^《》]{1,100})》");
  private static final Pattern NOTE_HEAD = Pattern.compile("^附件" + SP + "[：:]" + SP + "(.*)$");
  private static final Pattern NOTE_ITEM = Pattern.compile("^([0-9]{1,3})[.．、]" + SP + "(\\S.*)$");
  private static final int MIN_FUZZY_KEY = 4;

  /** 发文校对的输入；各字段均可为空。{@code attachments} 每行一个附件名。 */
  public record ProofreadingInput(String title, String docType, String mainRecipients, String body,
      String attachments, String documentNumber, String docCode, LocalDate issueDate) {
  }

  /** 三类校对结果，每项为一条中文说明。 */
  public record ProofreadingFindings(List<String> format, List<String> wording, List<String> attachments) {

    public ProofreadingFindings {
      format = List.copyOf(format);
      wording = List.copyOf(wording);
      attachments = List.copyOf(attachments);
    }

    /** 渲染为“1. …\n2. …”；无内容时为“未发现问题。”。 */
    public static String asText(List<String> items) {
      if (items == null || items.isEmpty()) {
        return NO_FINDINGS;
      }
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < items.size(); i++) {
        if (i > 0) {
          text.append('\n');
        }
        text.append(i + 1).append(". ").append(items.get(i));
      }
      return text.toString();
    }

    /** 是否为提示（不算错误）。 */
    public static boolean isNote(String finding) {
      return finding != null && finding.endsWith(NOTE);
    }

    public String formatText() {
      return asText(format);
    }

    public String wordingText() {
      return asText(wording);
    }

    public String attachmentsText() {
      return asText(attachments);
    }
  }

  private record Paragraph(int number, String text) {
    String label() {
      return "第" + number + "段";
    }
  }

  private record Segment(String label, String text, int from) {
  }

  private record ListEntry(int position, String declaredNumber, String name, String key) {
  }

  private record Reference(String label, List<Integer> numbers, List<String> titles, String chineseNumber) {
    boolean generic() {
      return numbers.isEmpty() && titles.isEmpty() && chineseNumber == null;
    }
  }

  /** 正文末尾的附件说明（“附件：1.××”及其后的编号行）。 */
  private record AttachmentNote(List<Integer> paragraphNumbers, List<Reference> references) {
  }

  /** 检查一份公文，返回格式、表述、附件三类结果。 */
  public ProofreadingFindings check(ProofreadingInput in) {
    Objects.requireNonNull(in, "in");
    List<Paragraph> paragraphs = paragraphs(in.body());
    AttachmentNote note = attachmentNote(paragraphs);
    return new ProofreadingFindings(formatFindings(in, paragraphs, note),
        wordingFindings(in, paragraphs), attachmentFindings(in, paragraphs, note));
  }

  /** 成文日期的标准写法：阿拉伯数字、不编虚位，如“2026年1月5日”。 */
  public static String issueDateText(LocalDate date) {
    return date == null ? "" : date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
  }

  // ========================= 格式 =========================

  private static List<String> formatFindings(ProofreadingInput in, List<Paragraph> paragraphs,
      AttachmentNote note) {
    List<String> out = new ArrayList<>();
    checkDocumentNumber(in, out);
    checkTitle(in, out);
    checkMainRecipients(in, out);
    checkBodyRepeatsRecipients(in, paragraphs, out);
    int[] lastHeading = new int[HEADINGS.size()];
    for (Paragraph p : paragraphs) {
      if (!note.paragraphNumbers().contains(p.number())) {
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
    out.add("文号“" + number + "”：" + String.join("；", problems) + docNumberSuggestion(loose, code, issueYear)
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

  private static List<String> docNumberProblems(String number, Matcher m, String code, Integer issueYear) {
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
    String bare = TRAILING_PARENTHETICAL.matcher(TRAILING_PUNCT.matcher(title).replaceFirst("")).replaceFirst("");
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
  private static void checkBodyRepeatsRecipients(ProofreadingInput in, List<Paragraph> paragraphs,
      List<String> out) {
    String recipients = withoutColon(in.mainRecipients());
    if (recipients.isEmpty() || paragraphs.isEmpty()) {
      return;
    }
    Paragraph first = paragraphs.get(0);
    String line = withoutColon(first.text());
    boolean salutation = !line.equals(first.text()) && !line.isEmpty()
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
    int maxDay = year == null ? YearMonth.of(2024, m).lengthOfMonth()
        : YearMonth.of(Integer.parseInt(year), m).lengthOfMonth();
    return d >= 1 && d <= maxDay;
  }

  private static boolean isZeroPadded(String number) {
    return number != null && number.length() > 1 && number.charAt(0) == '0';
  }

  private static String unpaddedDate(Matcher m) {
    return (m.group(1) == null ? "" : m.group(1) + "年") + Integer.parseInt(m.group(2)) + "月"
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
  private static boolean applyHeading(Paragraph p, int level, Matcher m, int[] last, List<String> out) {
    int number = level % 2 == 0 ? headingNumber(m.group(1), level) : headingNumber(m.group(2), level);
    if (number <= 0) {
      return false;
    }
    String canonical = heading(level, number);
    String written = m.group();
    if (!isCanonicalHeading(level, written, canonical)) {
      out.add(p.label() + "：序号“" + written + "”应为“" + canonical + "”" + headingReason(level, m) + "。");
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

  private static void checkHeadingOrder(Paragraph p, int level, int number, int[] last, List<String> out) {
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

  /** 段首序号的长度（含不规范写法），表述检查跳过这部分，避免与序号检查重复。 */
  private static int headingPrefixLength(String text) {
    for (Pattern pattern : HEADINGS) {
      Matcher m = pattern.matcher(text);
      if (m.find()) {
        return m.end();
      }
    }
    return 0;
  }

  // ========================= 表述 =========================

  private static List<String> wordingFindings(ProofreadingInput in, List<Paragraph> paragraphs) {
    List<String> out = new ArrayList<>(legalTermFindings(paragraphs));
    for (Segment segment : segments(in, paragraphs)) {
      if (hasHan(segment.text())) {
        checkHalfWidth(segment, out);
      }
      checkFullWidthAlnum(segment, out);
      checkRepeatedPunctuation(segment, out);
      for (String pair : PAIRS) {
        checkPairing(segment, pair.charAt(0), pair.charAt(1), out);
      }
    }
    return out;
  }

  private static List<Segment> segments(ProofreadingInput in, List<Paragraph> paragraphs) {
    List<Segment> segments = new ArrayList<>();
    String title = trim(in.title());
    if (!title.isEmpty()) {
      segments.add(new Segment("标题", title, 0));
    }
    for (Paragraph p : paragraphs) {
      segments.add(new Segment(p.label(), p.text(), headingPrefixLength(p.text())));
    }
    return segments;
  }

  private static List<String> legalTermFindings(List<Paragraph> paragraphs) {
    Map<String, List<String>> hits = new LinkedHashMap<>();
    LEGAL_TERMS.keySet().forEach(term -> hits.put(term, new ArrayList<>()));
    for (Paragraph p : paragraphs) {
      Matcher m = LEGAL_TERM.matcher(p.text());
      while (m.find()) {
        hits.get(m.group()).add(p.label() + "“" + snippet(p.text(), m.start(), m.end()) + "”");
      }
    }
    List<String> out = new ArrayList<>();
    hits.forEach((term, places) -> {
      if (!places.isEmpty()) {
        List<String> shown = places.subList(0, Math.min(places.size(), MAX_PLACES_PER_TERM));
        String more = places.size() > shown.size() ? "；另有" + (places.size() - shown.size()) + "处" : "";
        out.add("“" + term + "”共" + places.size() + "处（" + LEGAL_TERMS.get(term) + "）："
            + String.join("；", shown) + more + "。");
      }
    });
    return out;
  }

  private static Map<String, String> legalTerms() {
    Map<String, String> terms = new LinkedHashMap<>();
    terms.put("必须", "必须=强制义务，不允许例外");
    terms.put("应当", "应当=一般义务，可有例外");
    terms.put("应", "应=同“应当”，一般义务；正式文件宜统一用“应当”");
    terms.put("可以", "可以=授权或选择，可为可不为");
    terms.put("原则上", "原则上=允许例外，需写明例外情形");
    terms.put("尽快", "尽快=无明确时限，建议写明期限");
    terms.put("及时", "及时=无明确时限，建议写明期限");
    terms.put("一般", "一般=允许例外，建议写明例外情形或标准");
    terms.put("适当", "适当=留有裁量空间，建议写明标准或幅度");
    terms.put("有关", "有关=指代不明，建议写明具体单位或事项");
    terms.put("等", "列举后的“等”=范围未穷尽；已列全的应删去“等”");
    terms.put("严禁", "严禁=禁止性规定，语气最重，应有相应责任");
    terms.put("禁止", "禁止=禁止性规定，应有相应责任");
    terms.put("不得", "不得=禁止性义务，多用于限制特定主体");
    return Collections.unmodifiableMap(terms);
  }

  private static void checkHalfWidth(Segment s, List<String> out) {
    String text = s.text();
    for (int i = s.from(); i < text.length(); i++) {
      char c = text.charAt(i);
      int kind = HALF_WIDTH.indexOf(c);
      if (kind < 0 || !(isChinese(neighbour(text, i, -1)) || isChinese(neighbour(text, i, 1)))) {
        continue;
      }
      int close = c == '(' ? matchingHalfParen(text, i) : -1;
      if (close > 0) {
        out.add(s.label() + "：“" + snippet(text, i, close + 1) + "”中的半角括号应为全角“（）”。");
        i = close;
      } else {
        out.add(s.label() + "：“" + snippet(text, i, i + 1) + "”中的半角“" + c + "”应为全角“"
            + FULL_WIDTH.charAt(kind) + "”。");
      }
    }
  }

  private static int matchingHalfParen(String text, int open) {
    int end = Math.min(text.length(), open + MAX_PAREN_SPAN);
    for (int i = open + 1; i < end; i++) {
      char c = text.charAt(i);
      if (c == '(') {
        return -1;
      }
      if (c == ')') {
        return i;
      }
    }
    return -1;
  }

  private static char neighbour(String text, int index, int step) {
    for (int i = index + step; i >= 0 && i < text.length(); i += step) {
      char c = text.charAt(i);
      if (c != ' ' && c != '\t') {
        return c;
      }
    }
    return ' ';
  }

  private static void checkFullWidthAlnum(Segment s, List<String> out) {
    Matcher m = FULL_WIDTH_ALNUM.matcher(s.text());
    while (m.find()) {
      out.add(s.label() + "：“" + snippet(s.text(), m.start(), m.end()) + "”中的全角字符“" + m.group()
          + "”应为半角“" + ascii(m.group()) + "”。");
    }
  }

  private static void checkRepeatedPunctuation(Segment s, List<String> out) {
    Matcher m = REPEATED_PUNCT.matcher(s.text());
    while (m.find()) {
      String marks = m.group();
      String problem = marks.chars().distinct().count() == 1 ? "重复" : "连用";
      out.add(s.label() + "：“" + snippet(s.text(), m.start(), m.end()) + "”中标点“" + marks + "”" + problem
          + "。");
    }
  }

  private static void checkPairing(Segment s, char open, char close, List<String> out) {
    String text = s.text();
    List<Integer> opened = new ArrayList<>();
    for (int i = s.from(); i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == open) {
        opened.add(i);
      } else if (c == close && opened.isEmpty()) {
        out.add(s.label() + "：“" + snippet(text, i, i + 1) + "”中的" + markName(close) + "缺少对应的"
            + markName(open) + "。");
      } else if (c == close) {
        opened.remove(opened.size() - 1);
      }
    }
    for (int i : opened) {
      out.add(s.label() + "：“" + snippet(text, i, i + 1) + "”中的" + markName(open) + "缺少对应的"
          + markName(close) + "。");
    }
  }

  private static String markName(char mark) {
    if (mark == '“') {
      return "左引号";
    }
    return mark == '”' ? "右引号" : "“" + mark + "”";
  }

  // ========================= 附件 =========================

  private static List<String> attachmentFindings(ProofreadingInput in, List<Paragraph> paragraphs,
      AttachmentNote note) {
    List<ListEntry> entries = parseAttachmentList(in.attachments());
    List<String> out = new ArrayList<>();
    checkListEntries(entries, out);
    boolean[] referenced = new boolean[entries.size()];
    for (Reference ref : references(paragraphs, note)) {
      checkReference(ref, entries, referenced, out);
      if (ref.generic() && entries.size() == 1) {
        referenced[0] = true;
      }
    }
    markMentioned(in, paragraphs, entries, referenced);
    for (ListEntry entry : entries) {
      if (!referenced[entry.position() - 1]) {
        out.add("附件清单第" + entry.position() + "项“" + entry.name() + "”在正文中未被提及" + NOTE);
      }
    }
    return out;
  }

  private static List<ListEntry> parseAttachmentList(String attachments) {
    List<ListEntry> entries = new ArrayList<>();
    for (String line : LINE_BREAK.split(nz(attachments))) {
      String name = trim(line);
      String declared = null;
      Matcher att = LIST_ATTACHMENT_PREFIX.matcher(name);
      if (att.find()) {
        declared = att.group(1) != null ? att.group(1) : att.group(2);
        name = name.substring(att.end());
      }
      Matcher num = LIST_NUMBER_PREFIX.matcher(name);
      if (num.find()) {
        declared = num.group(1) != null ? num.group(1) : num.group(2);
        name = name.substring(num.end());
      }
      name = trim(name);
      if (!name.isEmpty()) {
        entries.add(new ListEntry(entries.size() + 1, declared, name, key(name)));
      }
    }
    return entries;
  }

  private static void checkListEntries(List<ListEntry> entries, List<String> out) {
    Map<String, Integer> firstByKey = new HashMap<>();
    for (ListEntry entry : entries) {
      Integer first = firstByKey.putIfAbsent(entry.key(), entry.position());
      if (first != null) {
        out.add("附件清单第" + entry.position() + "项“" + entry.name() + "”与第" + first + "项重复。");
      }
      String declared = entry.declaredNumber();
      if (declared != null && declaredNumber(declared) != entry.position()) {
        out.add("附件清单第" + entry.position() + "项：编号“" + declared + "”与顺序不符，应为“"
            + entry.position() + "”。");
      }
    }
  }

  private static int declaredNumber(String declared) {
    return Character.isDigit(declared.charAt(0)) ? Integer.parseInt(declared) : chineseNumber(declared);
  }

  private static List<Reference> references(List<Paragraph> paragraphs, AttachmentNote note) {
    List<Reference> refs = new ArrayList<>();
    for (Paragraph p : paragraphs) {
      if (note.paragraphNumbers().contains(p.number())) {
        continue;
      }
      Matcher m = REFERENCE.matcher(p.text());
      while (m.find()) {
        refs.add(new Reference(p.label(), referenceNumbers(m.group("nums")), titles(m.group("titles")),
            m.group("cn")));
      }
    }
    refs.addAll(note.references());
    return refs;
  }

  private static List<Integer> referenceNumbers(String text) {
    List<Integer> numbers = new ArrayList<>();
    if (text == null) {
      return numbers;
    }
    Matcher m = REFERENCE_NUMBER.matcher(text);
    boolean range = false;
    while (m.find()) {
      if (m.group(2) != null) {
        range = !numbers.isEmpty();
        continue;
      }
      int number = Integer.parseInt(m.group(1));
      int from = range ? numbers.get(numbers.size() - 1) + 1 : number;
      for (int n = from; n <= number && n - from < MAX_RANGE; n++) {
        numbers.add(n);
      }
      if (from > number) {
        numbers.add(number);
      }
      range = false;
    }
    return numbers;
  }

  private static List<String> titles(String text) {
    List<String> titles = new ArrayList<>();
    if (text != null) {
      Matcher m = BOOK_TITLE.matcher(text);
      while (m.find()) {
        titles.add(trim(m.group(1)));
      }
    }
    return titles;
  }

  private static AttachmentNote attachmentNote(List<Paragraph> paragraphs) {
    List<Integer> numbers = new ArrayList<>();
    List<Reference> refs = new ArrayList<>();
    for (int i = 0; i < paragraphs.size(); i++) {
      Matcher head = NOTE_HEAD.matcher(paragraphs.get(i).text());
      if (!head.matches() || head.group(1).contains("《")) {
        continue;
      }
      String first = trim(head.group(1));
      Matcher item = NOTE_ITEM.matcher(first);
      if (!first.isEmpty()) {
        refs.add(noteReference(paragraphs.get(i), item.matches() ? item : null, first));
      }
      if (!first.isEmpty() && !item.matches()) {
        continue;
      }
      for (int j = i + 1; j < paragraphs.size(); j++, i++) {
        Matcher next = NOTE_ITEM.matcher(paragraphs.get(j).text());
        if (!next.matches()) {
          break;
        }
        numbers.add(paragraphs.get(j).number());
        refs.add(noteReference(paragraphs.get(j), next, null));
      }
    }
    return new AttachmentNote(numbers, refs);
  }

  private static Reference noteReference(Paragraph p, Matcher item, String unnumbered) {
    if (item == null) {
      return new Reference(p.label(), List.of(), List.of(stripBookMarks(unnumbered)), null);
    }
    return new Reference(p.label(), List.of(Integer.parseInt(item.group(1))),
        List.of(stripBookMarks(item.group(2))), null);
  }

  private static String stripBookMarks(String name) {
    return trim(name.replace("《", "").replace("》", ""));
  }

  private static void checkReference(Reference ref, List<ListEntry> entries, boolean[] referenced,
      List<String> out) {
    List<Integer> numbers = new ArrayList<>(ref.numbers());
    if (ref.chineseNumber() != null) {
      int n = chineseNumber(ref.chineseNumber());
      out.add(ref.label() + "：“附件" + ref.chineseNumber() + "”序号应使用阿拉伯数字，写作“附件" + n + "”。");
      numbers.add(n);
    }
    boolean paired = numbers.size() == ref.titles().size();
    for (int n : numbers) {
      checkReferenceNumber(ref, n, entries, paired ? null : referenced, out);
    }
    List<Integer> matches = new ArrayList<>();
    for (String title : ref.titles()) {
      int index = findEntry(entries, key(title));
      matches.add(index);
      if (index < 0) {
        out.add(ref.label() + "：正文引用的附件“" + title + "”不在附件清单中。");
      } else {
        referenced[index] = true;
      }
    }
    if (paired) {
      checkNumberTitlePairs(ref, numbers, matches, entries, out);
    }
  }

  /** {@code referenced} 为 null 时只检查编号是否越界（编号已与名称配对，由名称决定引用了哪一项）。 */
  private static void checkReferenceNumber(Reference ref, int n, List<ListEntry> entries, boolean[] referenced,
      List<String> out) {
    if (n >= 1 && n <= entries.size()) {
      if (referenced != null) {
        referenced[n - 1] = true;
      }
      return;
    }
    String list = entries.isEmpty() ? "附件清单为空" : "附件清单只有" + entries.size() + "项";
    out.add(ref.label() + "：正文提到“附件" + n + "”，但" + list + "。");
  }

  private static void checkNumberTitlePairs(Reference ref, List<Integer> numbers, List<Integer> matches,
      List<ListEntry> entries, List<String> out) {
    for (int i = 0; i < numbers.size(); i++) {
      int n = numbers.get(i);
      int index = matches.get(i);
      if (index >= 0 && n >= 1 && n <= entries.size() && index != n - 1) {
        out.add(ref.label() + "：“附件" + n + "”写作“" + ref.titles().get(i) + "”，但附件清单第" + n + "项为“"
            + entries.get(n - 1).name() + "”（该名称是第" + (index + 1) + "项）。");
      }
    }
  }

  private static int findEntry(List<ListEntry> entries, String key) {
    for (ListEntry entry : entries) {
      if (entry.key().equals(key)) {
        return entry.position() - 1;
      }
    }
    for (ListEntry entry : entries) {
      if (fuzzyMatch(entry.key(), key)) {
        return entry.position() - 1;
      }
    }
    return -1;
  }

  private static boolean fuzzyMatch(String a, String b) {
    return Math.min(a.length(), b.length()) >= MIN_FUZZY_KEY && (a.contains(b) || b.contains(a));
  }

  /** 正文或标题中直接出现附件名称（如“印发《××办法》”）也算提及。 */
  private static void markMentioned(ProofreadingInput in, List<Paragraph> paragraphs, List<ListEntry> entries,
      boolean[] referenced) {
    StringBuilder all = new StringBuilder(nz(in.title()));
    paragraphs.forEach(p -> all.append('\n').append(p.text()));
    String text = KEY_NOISE.matcher(all).replaceAll("").toLowerCase(Locale.ROOT);
    for (ListEntry entry : entries) {
      if (entry.key().length() >= MIN_FUZZY_KEY && text.contains(entry.key())) {
        referenced[entry.position() - 1] = true;
      }
    }
  }

  private static String key(String name) {
    String key = KEY_NOISE.matcher(name).replaceAll("");
    key = FILE_EXTENSION.matcher(key).replaceFirst("");
    return KEY_TRAILING.matcher(key).replaceFirst("").toLowerCase(Locale.ROOT);
  }

  // ========================= 工具 =========================

  private static List<Paragraph> paragraphs(String body) {
    List<Paragraph> paragraphs = new ArrayList<>();
    for (String line : LINE_BREAK.split(nz(body))) {
      String text = trim(line);
      if (!text.isEmpty()) {
        paragraphs.add(new Paragraph(paragraphs.size() + 1, text));
      }
    }
    return paragraphs;
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
    return (from > 0 ? "…" : "") + text.substring(from, start) + "【" + text.substring(start, end) + "】"
        + text.substring(end, to) + (to < text.length() ? "…" : "");
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

  private static boolean isChinese(char c) {
    return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN
        || c >= '\u3001' && c <= '\u303F'
        || "，；：？！（）“”‘’…—".indexOf(c) >= 0;
  }

  private static boolean hasHan(String text) {
    return text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
  }

  private static int visibleLength(String text) {
    return (int) text.codePoints().filter(c -> !isSpace(c)).count();
  }

  /** 全角数字、字母转半角。 */
  private static String ascii(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      boolean fullWidth = c >= '０' && c <= '９' || c >= 'Ａ' && c <= 'Ｚ' || c >= 'ａ' && c <= 'ｚ';
      out.append(fullWidth ? (char) (c - 0xFEE0) : c);
    }
    return out.toString();
  }

  private static String trim(String text) {
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

  private static boolean isSpace(int c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\uFEFF' || c == '\u200B';
  }

  private static String nz(String text) {
    return text == null ? "" : text;
  }
}
