package cn.officeflow.bench;

import static cn.officeflow.bench.DocxBenchmark.format;
import static cn.officeflow.bench.DocxBenchmark.percentile;
import static cn.officeflow.bench.DocxBenchmark.row;

import cn.officeflow.platform.docgen.ApprovalRecord;
import cn.officeflow.platform.docgen.DocxGenerator;
import cn.officeflow.platform.docgen.LibreOfficeConverter;
import cn.officeflow.platform.docgen.OfdConverter;
import cn.officeflow.platform.docgen.OfficialDocument;
import cn.officeflow.platform.docgen.PdfPrintCopy;
import cn.officeflow.platform.signing.PdfSignatures;
import cn.officeflow.platform.signing.UnitCertificate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.springframework.core.env.StandardEnvironment;

/**
 * Times the three formats of one 发文 as the async step 生成版式文件 makes them, one document after the
 * other on one thread: .docx (DocxGenerator), the archived PDF (headless LibreOffice renders the 公文 and its
 * 审批记录 in one start on a warm profile, PDFBox appends the record, the unit's PAdES signature — RSA 3072, the
 * demo certificate — goes over the whole file) and OFD (ofdrw, laid out from the PDF). Prints p50/p95 per format,
 * of the signing alone and of the whole PDF step, and pages per second. Needs {@code soffice}; prints "skipped"
 * without it. Run: {@code java -cp <test classpath>
 * cn.officeflow.bench.PrintCopiesBenchmark [documents]}.
 */
public final class PrintCopiesBenchmark {

  private static final int DEFAULT_DOCUMENTS = 20;
  private static final int WARM_UP_DOCUMENTS = 2;

  private PrintCopiesBenchmark() {}

  public static void main(String[] args) throws Exception {
    int documents = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_DOCUMENTS;
    LibreOfficeConverter pdf = new LibreOfficeConverter("soffice", "", 300, 10);
    if (!pdf.available()) {
      System.out.println("PrintCopiesBenchmark skipped: soffice (LibreOffice) is not installed");
      return;
    }
    DocxGenerator docx = new DocxGenerator();
    OfdConverter ofd = new OfdConverter();
    PdfPrintCopy printCopy = new PdfPrintCopy();
    Path keys = Files.createTempDirectory("officeflow-bench-signing-");
    PdfSignatures signatures =
        new PdfSignatures(
            new UnitCertificate(
                new StandardEnvironment(),
                "",
                "",
                "",
                keys.resolve("demo.p12").toString(),
                false,
                "示范市行政办公室"));
    OfficialDocument doc = DocxBenchmark.realisticDocument();
    ApprovalRecord record = record();
    for (int i = 0; i < WARM_UP_DOCUMENTS; i++) {
      List<byte[]> rendered = pdf.toPdf(List.of(docx.generate(doc), docx.approvalRecord(record)));
      byte[] copy = printCopy.append(rendered.get(0), rendered.get(1));
      signatures.sign(copy, "签发", "示范市行政办公室");
      ofd.fromPdf(copy);
    }
    double[][] millis = new double[5][documents];
    long pages = 0;
    long started = System.nanoTime();
    for (int i = 0; i < documents; i++) {
      long t0 = System.nanoTime();
      byte[] word = docx.generate(doc);
      long t1 = System.nanoTime();
      List<byte[]> rendered = pdf.toPdf(List.of(word, docx.approvalRecord(record)));
      byte[] copy = printCopy.append(rendered.get(0), rendered.get(1));
      long t2s = System.nanoTime();
      byte[] printed = signatures.sign(copy, "签发", "示范市行政办公室");
      long t2 = System.nanoTime();
      byte[] open = ofd.fromPdf(copy);
      long t3 = System.nanoTime();
      millis[0][i] = (t1 - t0) / 1e6;
      millis[1][i] = (t2 - t1) / 1e6;
      millis[2][i] = (t3 - t2) / 1e6;
      millis[3][i] = (t2 - t2s) / 1e6;
      millis[4][i] = (t2s - t1) / 1e6;
      try (PDDocument counted = Loader.loadPDF(printed)) {
        pages += counted.getNumberOfPages();
      }
      if (open.length == 0) {
        throw new IllegalStateException("no OFD");
      }
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    StringBuilder out =
        new StringBuilder(
            "Print copies benchmark (.docx → PDF/A-2b + 审批记录 + PAdES signature → OFD)\n");
    row(
        out,
        "documents",
        format("%d (after %d warm-up), %d pages in all", documents, WARM_UP_DOCUMENTS, pages));
    String[] names = {
      ".docx", "PDF (whole step)", "OFD", "  of which signing", "  of which render + append"
    };
    for (int f = 0; f < names.length; f++) {
      double[] sorted = millis[f].clone();
      Arrays.sort(sorted);
      double total = Arrays.stream(sorted).sum() / 1000;
      row(
          out,
          names[f],
          format(
              "p50 %.1f ms, p95 %.1f ms, max %.1f ms, %.1f pages/s",
              percentile(sorted, 50),
              percentile(sorted, 95),
              sorted[sorted.length - 1],
              pages / total));
    }
    row(
        out,
        "all three",
        format("%.2f pages/s, %.2f documents/s", pages / seconds, documents / seconds));
    System.out.print(out);
    try (var files = Files.walk(keys)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    }
  }

  /** A 审批记录 of ten entries, as a document with one 退回修改 has. */
  private static ApprovalRecord record() {
    List<Map<String, String>> rows = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      rows.add(
          Map.of(
              "step", i % 2 == 0 ? "部门初审" : "签发",
              "name", i % 2 == 0 ? "刘洋" : "吴强",
              "time", "2026-11-20 1" + i + ":00",
              "kind", i == 0 ? "退回" : "同意",
              "comment", i == 0 ? "请补充值班表" : "",
              "version", i == 0 ? "第 1 稿" : "第 2 稿"));
    }
    return new ApprovalRecord(
        "关于做好2026年元旦春节期间值班工作的通知", "行办发〔2026〕7号", 2, "吴强 2026-11-20 10:15", rows);
  }
}
