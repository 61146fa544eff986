package cn.officeflow.bench;

import cn.officeflow.bench.OutgoingLifecycleBenchmark.Series;
import cn.officeflow.platform.numbering.NumberingService;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 文号 allocation under contention on MariaDB/MySQL: {@code threads} (default 16) threads each take {@code
 * per-thread} (default 100) numbers of one counter, each in a transaction of its own as a 签发 does (the
 * counter row stays locked until the commit), then the run checks the numbers are exactly 1..n: none twice,
 * none missing. Prints numbers per second and the p50/p95 of one allocation with its commit (target ≥ 200/s,
 * gapless). Not a JUnit test: {@code mvn -Pbench verify} runs it when {@code OFFICEFLOW_TEST_DB_URL} is set,
 * against that database (its counter key is new each run).
 */
public final class NumberingBenchmark {

  public static void main(String[] args) {
    OutgoingLifecycleBenchmark.exitAfter(() -> run(args));
  }

  private static void run(String[] args) throws Exception {
    int threads = args.length > 0 ? Integer.parseInt(args[0]) : 16;
    int perThread = args.length > 1 ? Integer.parseInt(args[1]) : 100;
    String title = "文号 allocation under contention — MariaDB/MySQL";
    String url = OutgoingLifecycleBenchmark.mysqlUrlOrSkip(title);
    if (url == null) {
      return;
    }
    try (ConfigurableApplicationContext context =
        OutgoingLifecycleBenchmark.bootOnMysql(
            url, false, List.of("--spring.datasource.hikari.maximum-pool-size=" + (threads + 4)))) {
      NumberingService numbering = context.getBean(NumberingService.class);
      TransactionTemplate transaction =
          new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
      String key = OutgoingLifecycleBenchmark.uniqueDocCode();
      // the counter's first number creates its row: not part of the contention measured
      transaction.execute(status -> numbering.next(key, 2026));
      Series latency = new Series();
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      List<Future<List<Integer>>> results = new ArrayList<>();
      long started = System.nanoTime();
      for (int t = 0; t < threads; t++) {
        results.add(
            pool.submit(
                () -> {
                  List<Integer> taken = new ArrayList<>();
                  for (int i = 0; i < perThread; i++) {
                    long t0 = System.nanoTime();
                    taken.add(transaction.execute(status -> numbering.next(key, 2026)));
                    double ms = (System.nanoTime() - t0) / 1e6;
                    synchronized (latency) {
                      latency.add(ms);
                    }
                  }
                  return taken;
                }));
      }
      BitSet seen = new BitSet();
      int duplicates = 0;
      int count = 0;
      for (Future<List<Integer>> result : results) {
        for (int number : result.get()) {
          if (seen.get(number)) {
            duplicates++;
          }
          seen.set(number);
          count++;
        }
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      pool.shutdown();
      int expected = threads * perThread;
      // number 1 was taken before the run: the run's numbers are 2..expected+1
      boolean gapless =
          duplicates == 0
              && count == expected
              && seen.nextClearBit(2) == expected + 2
              && seen.previousSetBit(Integer.MAX_VALUE - 1) == expected + 1;
      long stored =
          context
              .getBean(JdbcClient.class)
              .sql(
                  "select last_value from of_number_counter where counter_key = :k and"
                      + " counter_year = 2026")
              .param("k", key)
              .query(Long.class)
              .single();
      context
          .getBean(JdbcClient.class)
          .sql("delete from of_number_counter where counter_key = :k")
          .param("k", key)
          .update();
      System.out.printf(
          Locale.ROOT,
          "%n%s%n  load        %d threads × %d numbers, one transaction each%n"
              + "  throughput  %.0f numbers/s (target ≥ 200)%n"
              + "  allocation  p50 %.2f ms, p95 %.2f ms, p99 %.2f ms (with its commit)%n"
              + "  checked     %s: %d numbers, %d taken twice, counter at %d%n"
              + "  machine     Java %s, %d cores, load average %.2f at the end%n",
          title,
          threads,
          perThread,
          expected / seconds,
          latency.percentile(50),
          latency.percentile(95),
          latency.percentile(99),
          gapless && stored == expected + 1 ? "gapless and unique" : "FAILED",
          count,
          duplicates,
          stored,
          System.getProperty("java.version"),
          Runtime.getRuntime().availableProcessors(),
          ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
      if (!gapless || stored != expected + 1) {
        throw new IllegalStateException("numbers not gapless and unique");
      }
    }
  }
}
