package cn.officeflow.bench;

import cn.officeflow.platform.docgen.DocxGenerator;
import cn.officeflow.platform.docgen.OfficialDocument;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Times {@link DocxGenerator#generate} on a realistic 通知 (about 3,000 characters of body with
 * headings of all four levels, two attachments, 版记 with 抄送). Not a JUnit test: run it with
 * {@code java -cp <test and main classpath> cn.officeflow.bench.DocxBenchmark [documents]}.
 * Target: p95 ≤ 100 ms.
 */
public final class DocxBenchmark {

  private static final int DEFAULT_DOCUMENTS = 500;
  private static final int WARM_UP_DOCUMENTS = 300;
  private static final int BODY_CHARACTERS = 3_000;
  private static final double TARGET_P95_MS = 100;

  private static final String[] SENTENCES = {
    "各单位要充分认识做好此项工作的重要意义，切实加强组织领导，明确责任分工，确保各项任务落到实处。",
    "要坚持问题导向，聚焦群众反映强烈的突出问题，逐项建立台账，实行销号管理，做到件件有着落、事事有回音。",
    "对工作推进不力、造成不良影响的，依规依纪严肃追究有关单位和人员的责任。",
    "市政府办公室将适时组织督查，督查结果纳入年度绩效考核，并在全市范围内通报。",
    "各区县人民政府要结合本地实际，研究制定具体实施方案，于每月25日前报送工作进展情况。",
    "要加强宣传引导，及时总结推广好经验好做法，营造全社会共同关心、支持和参与的良好氛围。"
  };
  private static final String[] HEADINGS = {
    "一、总体要求", "（一）指导思想", "1.坚持统筹推进。", "（1）加强统筹协调。",
    "二、重点任务", "（二）工作目标", "2.坚持依法行政。", "（2）完善工作机制。",
    "三、保障措施", "（三）组织保障", "3.强化监督检查。", "四、工作要求"
  };

  private DocxBenchmark() {}

  public static void main(String[] args) {
    int documents = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_DOCUMENTS;
    DocxGenerator generator = new DocxGenerator();
    OfficialDocument doc = realisticDocument();

    run(generator, doc, WARM_UP_DOCUMENTS);
    long started = System.nanoTime();
    double[] millis = run(generator, doc, documents);
    double seconds = (System.nanoTime() - started) / 1e9;

    print(doc, generator.generate(doc).length, millis, seconds);
  }

  private static double[] run(DocxGenerator generator, OfficialDocument doc, int documents) {
    double[] millis = new double[documents];
    long bytes = 0;
    for (int i = 0; i < documents; i++) {
      long start = System.nanoTime();
      bytes += generator.generate(doc).length;
      millis[i] = (System.nanoTime() - start) / 1e6;
    }
    if (bytes == 0) {
      throw new IllegalStateException("nothing generated");
    }
    return millis;
  }

  private static void print(OfficialDocument doc, int docxBytes, double[] millis, double seconds) {
    double[] sorted = millis.clone();
    Arrays.sort(sorted);
    double p95 = percentile(sorted, 95);
    String verdict = p95 <= TARGET_P95_MS ? "met" : "MISSED";
    StringBuilder out = new StringBuilder("DocxGenerator benchmark\n");
    row(out, "documents", format("%d (after %d warm-up)", sorted.length, WARM_UP_DOCUMENTS));
    row(
        out,
        "body",
        format(
            "%d characters, %d attachments, .docx %d bytes",
            doc.body().length(), doc.attachments().size(), docxBytes));
    row(out, "p50", format("%.2f ms", percentile(sorted, 50)));
    row(out, "p95", format("%.2f ms (target <= %.0f ms: %s)", p95, TARGET_P95_MS, verdict));
    row(out, "p99", format("%.2f ms", percentile(sorted, 99)));
    row(out, "mean", format("%.2f ms", Arrays.stream(sorted).average().orElse(0)));
    row(out, "max", format("%.2f ms", sorted[sorted.length - 1]));
    row(out, "throughput", format("%.1f docs/s (one thread)", sorted.length / seconds));
    System.out.print(out);
  }

  static void row(StringBuilder out, String label, String value) {
    out.append(format("  %-11s %s%n", label, value));
  }

  static String format(String format, Object... values) {
    return String.format(Locale.ROOT, format, values);
  }

  /** Nearest-rank percentile of sorted values. */
  static double percentile(double[] sorted, int percent) {
    int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
    return sorted[Math.max(0, rank - 1)];
  }

  static OfficialDocument realisticDocument() {
    return new OfficialDocument(
        "××市人民政府办公室文件",
        "000123",
        "内部",
        null,
        "加急",
        "行办发〔2026〕128号",
        false,
        null,
        "关于进一步加强和规范政务服务工作的通知",
        "各区县人民政府，市政府各部门，各直属机构",
        body(),
        List.of("政务服务事项清单", "工作进展情况统计表"),
        "××市人民政府办公室",
        LocalDate.of(2026, 11, 23),
        "市委办公室，市人大常委会办公室，市政协办公室，市中级人民法院，市人民检察院",
        "××市人民政府办公室",
        LocalDate.of(2026, 11, 24),
        null);
  }

  /** About 3,000 characters: an opening, then each heading followed by one or two paragraphs. */
  private static String body() {
    List<String> paragraphs = new ArrayList<>();
    paragraphs.add("为深入贯彻落实党中央、国务院决策部署，进一步提升政务服务效能，经市政府同意，现就有关事项通知如下。");
    int length = paragraphs.get(0).length();
    for (int i = 0; length < BODY_CHARACTERS; i++) {
      String heading = HEADINGS[i % HEADINGS.length];
      String text = SENTENCES[i % SENTENCES.length] + SENTENCES[(i + 2) % SENTENCES.length];
      paragraphs.add(heading);
      paragraphs.add(text);
      length += heading.length() + text.length();
    }
    return String.join("\n", paragraphs);
  }
}
