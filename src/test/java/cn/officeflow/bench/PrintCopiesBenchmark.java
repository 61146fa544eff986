package cn.officeflow.bench;

import static cn.officeflow.bench.DocxBenchmark.format;
import static cn.officeflow.bench.DocxBenchmark.percentile;
import static cn.officeflow.bench.DocxBenchmark.row;

import cn.officeflow.platform.docgen.DocxGenerator;
import cn.officeflow.platform.docgen.LibreOfficeConverter;
import cn.officeflow.platform.docgen.OfdConverter;
import cn.officeflow.platform.docgen.OfficialDocument;
import java.util.Arrays;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Times the three formats of one 发文 as the async step 生成版式文件 makes them, one document after the
 * other on one thread: .docx (DocxGenerator), PDF/A-2b (headless LibreOffice, a warm profile) and OFD
 * (ofdrw, laid out from the PDF). Prints p50/p95 per format and pages per second. Needs {@code
 * soffice}; prints "skipped" without it. Run: {@code java -cp <test classpath>
 * cn.officeflow.bench.PrintCopiesBenchmark [documents]}.
 */
public final class PrintCopiesBenchmark {

  private static final int DEFAULT_DOCUMENTS = 20;
  private static final int WARM_UP_DOCUMENTS = 2;

  private PrintCopiesBenchmark() {}

  public static void main(String[] args) throws Exception {
    int documents = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_DOCUMENTS;
    LibreOfficeConverter pdf = new LibreOfficeConverter("soffice", "", 300);
    if (!pdf.available()) {
      System.out.println("PrintCopiesBenchmark skipped: soffice (LibreOffice) is not installed");
      return;
    }
    DocxGenerator docx = new DocxGenerator();
    OfdConverter ofd = new OfdConverter();
    OfficialDocument doc = DocxBenchmark.realisticDocument();
    for (int i = 0; i < WARM_UP_DOCUMENTS; i++) {
      ofd.fromPdf(pdf.toPdf(docx.generate(doc)));
    }
    double[][] millis = new double[3][documents];
    long pages = 0;
    long started = System.nanoTime();
    for (int i = 0; i < documents; i++) {
      long t0 = System.nanoTime();
      byte[] word = docx.generate(doc);
      long t1 = System.nanoTime();
      byte[] printed = pdf.toPdf(word);
      long t2 = System.nanoTime();
      byte[] open = ofd.fromPdf(printed);
      long t3 = System.nanoTime();
      millis[0][i] = (t1 - t0) / 1e6;
      millis[1][i] = (t2 - t1) / 1e6;
      millis[2][i] = (t3 - t2) / 1e6;
      try (PDDocument counted = Loader.loadPDF(printed)) {
        pages += counted.getNumberOfPages();
      }
      if (open.length == 0) {
        throw new IllegalStateException("no OFD");
      }
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    StringBuilder out = new StringBuilder("Print copies benchmark (.docx → PDF/A-2b → OFD)\n");
    row(
        out,
        "documents",
        format("%d (after %d warm-up), %d pages in all", documents, WARM_UP_DOCUMENTS, pages));
    String[] names = {".docx", "PDF", "OFD"};
    for (int f = 0; f < 3; f++) {
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
  }
}
