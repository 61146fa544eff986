package cn.officeflow.outgoing;

import static cn.officeflow.outgoing.ProofreadingText.*;

import cn.officeflow.outgoing.ProofreadingAids.ProofreadingInput;
import cn.officeflow.outgoing.ProofreadingText.Paragraph;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** 表述校对：法律用语的含义、全角半角、标点重复与配对。 */
final class WordingChecks {

  private static final Map<String, String> LEGAL_TERMS = legalTerms();
  private static final Pattern LEGAL_TERM =
      Pattern.compile(
          "必须|应当|原则上|尽快|及时|严禁|禁止|不得|可以|适当|有关"
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

  private WordingChecks() {}

  private record Segment(String label, String text, int from) {}

  static List<String> findings(ProofreadingInput in, List<Paragraph> paragraphs) {
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
    hits.forEach(
        (term, places) -> {
          if (!places.isEmpty()) {
            List<String> shown = places.subList(0, Math.min(places.size(), MAX_PLACES_PER_TERM));
            String more =
                places.size() > shown.size() ? "；另有" + (places.size() - shown.size()) + "处" : "";
            out.add(
                "“"
                    + term
                    + "”共"
                    + places.size()
                    + "处（"
                    + LEGAL_TERMS.get(term)
                    + "）："
                    + String.join("；", shown)
                    + more
                    + "。");
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
        out.add(
            s.label()
                + "：“"
                + snippet(text, i, i + 1)
                + "”中的半角“"
                + c
                + "”应为全角“"
                + FULL_WIDTH.charAt(kind)
                + "”。");
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
      out.add(
          s.label()
              + "：“"
              + snippet(s.text(), m.start(), m.end())
              + "”中的全角字符“"
              + m.group()
              + "”应为半角“"
              + ascii(m.group())
              + "”。");
    }
  }

  private static void checkRepeatedPunctuation(Segment s, List<String> out) {
    Matcher m = REPEATED_PUNCT.matcher(s.text());
    while (m.find()) {
      String marks = m.group();
      String problem = marks.chars().distinct().count() == 1 ? "重复" : "连用";
      out.add(
          s.label()
              + "：“"
              + snippet(s.text(), m.start(), m.end())
              + "”中标点“"
              + marks
              + "”"
              + problem
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
        out.add(
            s.label()
                + "：“"
                + snippet(text, i, i + 1)
                + "”中的"
                + markName(close)
                + "缺少对应的"
                + markName(open)
                + "。");
      } else if (c == close) {
        opened.remove(opened.size() - 1);
      }
    }
    for (int i : opened) {
      out.add(
          s.label()
              + "：“"
              + snippet(text, i, i + 1)
              + "”中的"
              + markName(open)
              + "缺少对应的"
              + markName(close)
              + "。");
    }
  }

  private static String markName(char mark) {
    if (mark == '“') {
      return "左引号";
    }
    return mark == '”' ? "右引号" : "“" + mark + "”";
  }
}
