package cn.officeflow.outgoing;

import static cn.officeflow.outgoing.ProofreadingAids.NOTE;
import static cn.officeflow.outgoing.ProofreadingText.*;

import cn.officeflow.outgoing.ProofreadingAids.ProofreadingInput;
import cn.officeflow.outgoing.ProofreadingText.Paragraph;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** 附件校对：附件清单的编号与重复、正文对附件的引用与提及、附件说明。 */
final class AttachmentChecks {

  private static final int MAX_RANGE = 50;
  private static final Pattern LIST_ATTACHMENT_PREFIX =
      Pattern.compile(
          "^附件"
              + SP
              + "(?:([0-9]{1,3})(?![0-9年月日号])"
              + SP
              + "[：:．.、]?|("
              + CN_NUM
              + "{1,3})"
              + SP
              + "[：:．.、]|[：:])"
              + SP);
  private static final Pattern LIST_NUMBER_PREFIX =
      Pattern.compile("^(?:[(（]([0-9]{1,3})[)）]|([0-9]{1,3})[.．、:：](?![0-9]))" + SP);
  private static final Pattern FILE_EXTENSION =
      Pattern.compile(
          "(?i)\\.(?:docx?|xlsx?|pptx?|pdf|wps|et|dps|ofd|txt|csv|zip|rar|7z|jpe?g|png|gif|bmp|tiff?)$");
  private static final Pattern KEY_NOISE = Pattern.compile("[\\s\\u3000《》“”\"']");
  private static final Pattern KEY_TRAILING = Pattern.compile("[。；;，,、.．]+$");
  private static final Pattern REFERENCE =
      Pattern.compile(
          "附件"
              + SP
              + "(?:(?<nums>[0-9]{1,3}(?![0-9])(?:"
              + SP
              + "(?:以及|[、和及与至到~～—-])"
              + SP
              + "(?:附件)?"
              + SP
              + "[0-9]{1,3}(?![0-9])){0,20})"
              + "|(?<cn>(?:[二三四五六七八九]|十(?!分)|一(?![并起同律些般致道式览直是]))"
              + CN_NUM
              + "?)(?![份件页张本套]))?"
              + SP
              + "[为是]?"
              + SP
              + "[：:]?"
              + SP
              + "(?<titles>《[^《》]{1,100}》(?:"
              + SP
              + "[、，和及与]?"
              + SP
              + "《[^《》]{1,100}》){0,20})?");
  private static final Pattern REFERENCE_NUMBER = Pattern.compile("([0-9]{1,3})|(至|到|[~～—-])");
  private static final Pattern BOOK_TITLE = Pattern.compile("《([^《》]{1,100})》");
  private static final Pattern NOTE_HEAD = Pattern.compile("^附件" + SP + "[：:]" + SP + "(.*)$");
  private static final Pattern NOTE_ITEM = Pattern.compile("^([0-9]{1,3})[.．、]" + SP + "(\\S.*)$");
  private static final int MIN_FUZZY_KEY = 4;

  private AttachmentChecks() {}

  private record ListEntry(int position, String declaredNumber, String name, String key) {}

  record Reference(String label, List<Integer> numbers, List<String> titles, String chineseNumber) {
    boolean generic() {
      return numbers.isEmpty() && titles.isEmpty() && chineseNumber == null;
    }
  }

  /** 正文末尾的附件说明（“附件：1.××”及其后的编号行）。 */
  record AttachmentNote(List<Integer> paragraphNumbers, List<Reference> references) {}

  static List<String> findings(
      ProofreadingInput in, List<Paragraph> paragraphs, AttachmentNote note) {
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
        out.add(
            "附件清单第"
                + entry.position()
                + "项：编号“"
                + declared
                + "”与顺序不符，应为“"
                + entry.position()
                + "”。");
      }
    }
  }

  private static int declaredNumber(String declared) {
    return Character.isDigit(declared.charAt(0))
        ? Integer.parseInt(declared)
        : chineseNumber(declared);
  }

  private static List<Reference> references(List<Paragraph> paragraphs, AttachmentNote note) {
    List<Reference> refs = new ArrayList<>();
    for (Paragraph p : paragraphs) {
      if (note.paragraphNumbers().contains(p.number())) {
        continue;
      }
      Matcher m = REFERENCE.matcher(p.text());
      while (m.find()) {
        refs.add(
            new Reference(
                p.label(),
                referenceNumbers(m.group("nums")),
                titles(m.group("titles")),
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

  static AttachmentNote note(List<Paragraph> paragraphs) {
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
    return new Reference(
        p.label(),
        List.of(Integer.parseInt(item.group(1))),
        List.of(stripBookMarks(item.group(2))),
        null);
  }

  private static String stripBookMarks(String name) {
    return trim(name.replace("《", "").replace("》", ""));
  }

  private static void checkReference(
      Reference ref, List<ListEntry> entries, boolean[] referenced, List<String> out) {
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
  private static void checkReferenceNumber(
      Reference ref, int n, List<ListEntry> entries, boolean[] referenced, List<String> out) {
    if (n >= 1 && n <= entries.size()) {
      if (referenced != null) {
        referenced[n - 1] = true;
      }
      return;
    }
    String list = entries.isEmpty() ? "附件清单为空" : "附件清单只有" + entries.size() + "项";
    out.add(ref.label() + "：正文提到“附件" + n + "”，但" + list + "。");
  }

  private static void checkNumberTitlePairs(
      Reference ref,
      List<Integer> numbers,
      List<Integer> matches,
      List<ListEntry> entries,
      List<String> out) {
    for (int i = 0; i < numbers.size(); i++) {
      int n = numbers.get(i);
      int index = matches.get(i);
      if (index >= 0 && n >= 1 && n <= entries.size() && index != n - 1) {
        out.add(
            ref.label()
                + "：“附件"
                + n
                + "”写作“"
                + ref.titles().get(i)
                + "”，但附件清单第"
                + n
                + "项为“"
                + entries.get(n - 1).name()
                + "”（该名称是第"
                + (index + 1)
                + "项）。");
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
  private static void markMentioned(
      ProofreadingInput in,
      List<Paragraph> paragraphs,
      List<ListEntry> entries,
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
}
