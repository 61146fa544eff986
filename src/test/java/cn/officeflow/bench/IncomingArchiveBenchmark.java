package cn.officeflow.bench;

import static cn.officeflow.bench.DocxBenchmark.format;
import static cn.officeflow.bench.DocxBenchmark.percentile;
import static cn.officeflow.bench.DocxBenchmark.row;

import cn.officeflow.incoming.IncomingArchivePackage;
import cn.officeflow.incoming.IncomingAttachment;
import cn.officeflow.incoming.IncomingDocument;
import cn.officeflow.incoming.IncomingStatus;
import cn.officeflow.platform.docgen.HtmlDocuments;
import cn.officeflow.platform.review.Review;
import java.lang.management.ManagementFactory;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Times the 归档 package of the largest 收文 the upload limits allow: 20 scans of 2.5 MB (50 MB, random bytes,
 * which do not compress) plus the 收文处理笺, packed into one ZIP in memory as {@code Task_Archive} does, and
 * measures what one package allocates. Not a JUnit test: {@code mvn -Pbench verify} runs it, or
 * {@code java -cp <test classpath> cn.officeflow.bench.IncomingArchiveBenchmark [packages]}.
 */
public final class IncomingArchiveBenchmark {

  private static final int FILES = 20;
  private static final int FILE_BYTES = 50 * 1024 * 1024 / FILES;
  private static final int WARM_UP = 3;

  private IncomingArchiveBenchmark() {}

  public static void main(String[] args) {
    int packages = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    // the 督办 part of the 处理笺 is left out (no SupervisionService): it is a few lines of text
    IncomingArchivePackage archive = new IncomingArchivePackage(new HtmlDocuments(), null);
    LocalDateTime now = LocalDateTime.of(2026, 11, 23, 10, 0);
    IncomingDocument d =
        new IncomingDocument(
            "bench",
            "pi",
            2026,
            1,
            "收文〔2026〕1号",
            "市应急管理局",
            "市应急发〔2026〕31号",
            "关于开展安全生产检查的通知",
            LocalDate.of(2026, 11, 23),
            "特急",
            "公开",
            40,
            "摘要",
            null,
            "lina",
            "李娜",
            now,
            "办理",
            "拟办",
            "dept-business",
            "业务处",
            "dept-finance",
            3,
            "zhaomin",
            now,
            "同意",
            "wuqiang",
            "吴强",
            now,
            "hanbing",
            null,
            null,
            null,
            IncomingStatus.ARCHIVING,
            now);
    Map<String, byte[]> contents = new HashMap<>();
    List<IncomingAttachment> files = new ArrayList<>();
    Random random = new Random(7);
    for (int i = 1; i <= FILES; i++) {
      byte[] bytes = new byte[FILE_BYTES];
      random.nextBytes(bytes);
      String id = "file-" + i;
      contents.put(id, bytes);
      files.add(
          new IncomingAttachment(
              id,
              "bench",
              i,
              "扫描件-" + i + ".pdf",
              "application/pdf",
              bytes.length,
              "0".repeat(64),
              "lina",
              now));
    }
    List<Review> trail =
        List.of(
            new Review("Task_Propose", "拟办", "zhaomin", "赵敏", now, Review.PROPOSE, "拟办"),
            new Review("Task_Instruct", "领导批示", "wuqiang", "吴强", now, Review.INSTRUCT, "同意"));

    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long thread = Thread.currentThread().getId();
    int zipBytes = 0;
    double[] millis = new double[packages];
    long[] allocated = new long[packages];
    for (int i = -WARM_UP; i < packages; i++) {
      long before = threads.getThreadAllocatedBytes(thread);
      long start = System.nanoTime();
      byte[] zip = archive.zip(d, files, contents::get, trail, null);
      if (i >= 0) {
        millis[i] = (System.nanoTime() - start) / 1e6;
        allocated[i] = threads.getThreadAllocatedBytes(thread) - before;
      }
      zipBytes = zip.length;
    }
    Arrays.sort(millis);
    Arrays.sort(allocated);
    double input = (double) FILES * FILE_BYTES / 1024 / 1024;
    StringBuilder out = new StringBuilder("收文 archive package benchmark\n");
    row(
        out,
        "packages",
        format(
            "%d (after %d warm-up), %d files of %.1f MB = %.0f MB, ZIP %.1f MB",
            packages, WARM_UP, FILES, FILE_BYTES / 1024.0 / 1024, input, zipBytes / 1024.0 / 1024));
    row(out, "p50", format("%.0f ms", percentile(millis, 50)));
    row(out, "p95", format("%.0f ms", percentile(millis, 95)));
    row(out, "max", format("%.0f ms", millis[millis.length - 1]));
    row(
        out,
        "allocated",
        format(
            "%.0f MB a package (median), %.1f× the files",
            allocated[packages / 2] / 1024.0 / 1024,
            allocated[packages / 2] / 1024.0 / 1024 / input));
    System.out.print(out);
  }
}
