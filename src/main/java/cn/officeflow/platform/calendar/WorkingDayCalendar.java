package cn.officeflow.platform.calendar;

import cn.officeflow.platform.engine.EngineClock;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Service;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * The office's working-day calendar: Chinese statutory holidays (法定节假日) and 调休 working weekends.
 *
 * <p><b>Data.</b> One YAML file per year, {@code calendar/holidays-<year>.yaml}: every such file on the
 * classpath is loaded (2025 and 2026 ship with the application, from the State Council notices), then every
 * {@code holidays-<year>.yaml} in the directory named by {@code officeflow.calendar.directory} (optional),
 * which replaces the classpath file of the same year as a whole. A malformed file stops start-up with a
 * message naming the file. Without a release or restart, the office loads a year into the database ({@code PUT
 * /api/calendar/years/{year}}, {@link CalendarYearService}); a stored year replaces the file's year as a whole
 * and reaches every node within {@code officeflow.calendar.refresh} (see the constructor). A date in a year
 * without data falls back to Monday–Friday, with one WARN per year; from 1 December {@link
 * CalendarYearWarning} warns when next year is missing.
 *
 * <p><b>Counting.</b> {@link #add(LocalDate, int) add(from, n)} is the n-th working day after {@code from};
 * {@code from} itself is never counted, whether or not it is a working day, so
 * {@code add(2026-09-30, 1)} is 2026-10-08 (国庆 1–7 October) and {@code add(2026-10-03, 1)} as well.
 *
 * <p><b>In BPMN.</b> This bean is named {@code workingDays}; Camunda's expression language offers
 * {@code now()} (the engine clock, as a {@link Date}), and a timer's {@code timeDate} as well as a user
 * task's {@code camunda:dueDate} accept an expression returning a {@link Date}. The time of day is kept
 * (Asia/Shanghai):
 *
 * <pre>{@code
 * <bpmn:boundaryEvent id="Timer_Overdue" name="办理期限届满" attachedToRef="Task_Handle" cancelActivity="false">
 *   <bpmn:timerEventDefinition>
 *     <bpmn:timeDate xsi:type="bpmn:tFormalExpression">${workingDays.add(now(), deadlineDays)}</bpmn:timeDate>
 *   </bpmn:timerEventDefinition>
 * </bpmn:boundaryEvent>
 *
 * <bpmn:userTask id="Task_Handle" name="办理" camunda:dueDate="${workingDays.addFromNow(3)}" />
 * }</pre>
 *
 * Write {@code now()} with parentheses: a bare {@code now} is looked up as a process variable.
 */
@Service("workingDays")
public class WorkingDayCalendar {

  /** The largest number of working days {@link #add(LocalDate, int)} accepts (about 14 years). */
  public static final int MAX_DAYS = 3650;

  static final String CLASSPATH_PATTERN = "classpath*:calendar/holidays-*.yaml";
  private static final Pattern FILE_NAME = Pattern.compile("holidays-(\\d{4})\\.yaml");
  private static final Set<String> FILE_KEYS = Set.of("year", "holidays");
  private static final Set<String> HOLIDAY_KEYS = Set.of("name", "from", "to", "days", "workdays");
  private static final Logger log = LoggerFactory.getLogger(WorkingDayCalendar.class);

  /** One day that differs from, or is confirmed against, the Monday–Friday rule. */
  record Day(boolean working, String holiday, String source) {}

  record YearFile(int year, String source, Map<LocalDate, Day> days) {}

  /** Where a year's data comes from: a shipped file, a file of the operator's directory, or the database. */
  public enum SourceKind {
    FILE,
    DIRECTORY,
    DATABASE
  }

  /** A year of the calendar and its source (for the database: version and who changed it when). */
  public record YearSource(
      int year,
      SourceKind kind,
      String location,
      Integer version,
      String changedBy,
      LocalDateTime changedAt) {}

  /** The calendar as one node knows it: merged days, the years there are, and the store's fingerprint. */
  private record Snapshot(
      Map<LocalDate, Day> days,
      SortedSet<Integer> years,
      Map<Integer, YearSource> sources,
      String signature,
      long checkedAt) {

    Snapshot checked(long now) {
      return new Snapshot(days, years, sources, signature, now);
    }
  }

  private final Map<Integer, YearFile> fileYears;
  private final CalendarYearRepository store;
  private final long ttlNanos;
  private volatile Snapshot snapshot;
  private final Set<Integer> warnedYears = ConcurrentHashMap.newKeySet();

  /** The calendar from the classpath files only. */
  public WorkingDayCalendar() {
    this("");
  }

  /**
   * @param directory {@code officeflow.calendar.directory}: a directory whose {@code holidays-<year>.yaml}
   *                  files replace the classpath files of the same year; blank = none
   */
  public WorkingDayCalendar(String directory) {
    this(directory, null, Duration.ZERO);
  }

  /**
   * The application's calendar: the files, then the years the office loaded into the database (which replace
   * a file's year as a whole).
   *
   * <p><b>Several nodes.</b> Every node caches the merged calendar and, at most once per {@code refresh}
   * (default 10 s), reads a fingerprint of the stored years (count and sum of versions: one indexed
   * aggregate over a few rows); when it differs the node reloads the years. The node that took a PUT reloads
   * at once after its commit, the other nodes within {@code refresh}. A deadline computed in that window on
   * another node uses the previous data — the same as computing it a few seconds before the PUT. When the
   * database cannot be read the node keeps its data and tries again after {@code refresh}.
   *
   * @param store the stored years; null = files only
   * @param refresh how long a node trusts its cached calendar before checking the fingerprint again
   */
  @Autowired
  public WorkingDayCalendar(
      @Value("${officeflow.calendar.directory:}") String directory,
      CalendarYearRepository store,
      @Value("${officeflow.calendar.refresh:PT10S}") Duration refresh) {
    this.store = store;
    this.ttlNanos = refresh.toNanos();
    Map<Integer, YearFile> years = new TreeMap<>();
    for (YearFile file : classpathFiles()) {
      YearFile previous = years.put(file.year(), file);
      if (previous != null) {
        throw new IllegalStateException(
            "节假日文件重复：" + file.year() + " 年同时见于 " + previous.source() + " 和 " + file.source());
      }
    }
    if (directory != null && !directory.isBlank()) {
      for (YearFile file : directoryFiles(Path.of(directory.trim()))) {
        YearFile replaced = years.put(file.year(), file);
        log.info(
            "工作日历：{} 年以 {} 为准{}",
            file.year(),
            file.source(),
            replaced == null ? "" : "（替换 " + replaced.source() + "）");
      }
    }
    Map<LocalDate, Day> all = new HashMap<>();
    for (YearFile file : years.values()) {
      file.days()
          .forEach(
              (date, day) -> {
                Day other = all.putIfAbsent(date, day);
                if (other != null && other.working() != day.working()) {
                  throw new IllegalStateException(
                      "节假日文件冲突："
                          + date
                          + " 在 "
                          + other.source()
                          + " 与 "
                          + day.source()
                          + " 中的安排不一致");
                }
              });
    }
    this.fileYears = Collections.unmodifiableMap(new TreeMap<>(years));
    Map<Integer, YearSource> sources = new TreeMap<>();
    years.values().forEach(file -> sources.put(file.year(), fileSource(file)));
    // checked long ago: the first use reads the stored years
    this.snapshot =
        new Snapshot(
            Map.copyOf(all),
            Collections.unmodifiableSortedSet(new TreeSet<>(years.keySet())),
            Collections.unmodifiableMap(sources),
            "",
            System.nanoTime() - ttlNanos - 1);
    log.info("工作日历：已从文件载入 {} 年的法定节假日和调休安排", years.keySet());
  }

  private static YearSource fileSource(YearFile file) {
    return new YearSource(
        file.year(),
        file.source().startsWith("classpath:") ? SourceKind.FILE : SourceKind.DIRECTORY,
        file.source(),
        null,
        null,
        null);
  }

  /** The calendar as this node knows it, checked against the stored years at most once per refresh. */
  private Snapshot current() {
    Snapshot known = snapshot;
    if (store == null || System.nanoTime() - known.checkedAt() < ttlNanos) {
      return known;
    }
    synchronized (this) {
      known = snapshot;
      long now = System.nanoTime();
      if (now - known.checkedAt() < ttlNanos) {
        return known;
      }
      try {
        String signature = store.signature();
        snapshot = signature.equals(known.signature()) ? known.checked(now) : load(signature, now);
      } catch (RuntimeException e) {
        log.warn("工作日历：无法读取数据库中载入的年度安排，暂用已有数据：{}", e.getMessage());
        snapshot = known.checked(now);
      }
      return snapshot;
    }
  }

  /** Reloads the stored years now (after a PUT on this node commits). */
  public void refresh() {
    if (store == null) {
      return;
    }
    synchronized (this) {
      long now = System.nanoTime();
      snapshot = load(store.signature(), now);
    }
  }

  private Snapshot load(String signature, long now) {
    Map<Integer, YearFile> years = new TreeMap<>(fileYears);
    Map<Integer, YearSource> sources = new TreeMap<>();
    years.values().forEach(file -> sources.put(file.year(), fileSource(file)));
    for (CalendarYearRepository.StoredYear stored : store.all()) {
      String source = "database:" + stored.year() + " v" + stored.version();
      CalendarYearInput input = CalendarYearJson.read(stored.year(), stored.content());
      Map<LocalDate, Day> days = new LinkedHashMap<>();
      for (CalendarYearInput.Holiday holiday : input.holidays()) {
        for (LocalDate date = holiday.from();
            !date.isAfter(holiday.to());
            date = date.plusDays(1)) {
          days.put(date, new Day(false, holiday.name(), source));
        }
      }
      input.workdays().forEach(date -> days.put(date, new Day(true, "调休上班", source)));
      YearFile replaced = years.put(stored.year(), new YearFile(stored.year(), source, days));
      sources.put(
          stored.year(),
          new YearSource(
              stored.year(),
              SourceKind.DATABASE,
              replaced == null ? null : "替换 " + replaced.source(),
              stored.version(),
              stored.changedBy(),
              stored.changedAt()));
    }
    // a date belongs to its own year's data; a holiday spanning into a neighbouring year (元旦 from
    // 30 December) applies there only where that year's data says nothing about the date
    Map<LocalDate, Day> all = new HashMap<>();
    for (boolean ownYear : new boolean[] {true, false}) {
      for (YearFile file : years.values()) {
        file.days()
            .forEach(
                (date, day) -> {
                  if ((date.getYear() == file.year()) == ownYear) {
                    all.putIfAbsent(date, day);
                  }
                });
      }
    }
    Snapshot loaded =
        new Snapshot(
            Map.copyOf(all),
            Collections.unmodifiableSortedSet(new TreeSet<>(years.keySet())),
            Collections.unmodifiableMap(sources),
            signature,
            now);
    boolean firstLoadWithoutStoredYears = snapshot.signature().isEmpty() && signature.equals("0:0");
    if (!signature.equals(snapshot.signature()) && !firstLoadWithoutStoredYears) {
      log.info("工作日历：已载入 {} 年的安排（数据库中的年度：{}）", loaded.years(), fingerprintYears(sources));
    }
    return loaded;
  }

  private static List<Integer> fingerprintYears(Map<Integer, YearSource> sources) {
    return sources.values().stream()
        .filter(s -> s.kind() == SourceKind.DATABASE)
        .map(YearSource::year)
        .toList();
  }

  /** Every year with data and where it comes from, by year. */
  public List<YearSource> sources() {
    return List.copyOf(current().sources().values());
  }

  /** Whether {@code date} is a working day (a 调休 Saturday or Sunday is; a statutory holiday is not). */
  public boolean isWorkingDay(LocalDate date) {
    return isWorkingDay(current(), date);
  }

  private boolean isWorkingDay(Snapshot calendar, LocalDate date) {
    if (date == null) {
      throw new IllegalArgumentException("日期不能为空");
    }
    Day day = calendar.days().get(date);
    if (day != null) {
      return day.working();
    }
    if (!calendar.years().contains(date.getYear()) && warnedYears.add(date.getYear())) {
      log.warn(
          "工作日历：没有 {} 年的节假日安排，该年按周一至周五上班计算；请办公室主任按国务院办公厅当年的节假日安排通知"
              + "载入（PUT /api/calendar/years/{}）",
          date.getYear(),
          date.getYear());
    }
    DayOfWeek weekday = date.getDayOfWeek();
    return weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY;
  }

  /**
   * The {@code days}-th working day after {@code from} ({@code from} itself is not counted).
   *
   * @throws IllegalArgumentException if {@code from} is null or {@code days} is not within 1..{@value #MAX_DAYS}
   */
  public LocalDate add(LocalDate from, int days) {
    if (from == null) {
      throw new IllegalArgumentException("起始日期不能为空");
    }
    if (days < 1 || days > MAX_DAYS) {
      throw new IllegalArgumentException("工作日天数必须在 1 到 " + MAX_DAYS + " 之间：" + days);
    }
    Snapshot calendar = current();
    LocalDate date = from;
    int left = days;
    while (left > 0) {
      date = date.plusDays(1);
      if (isWorkingDay(calendar, date)) {
        left--;
      }
    }
    return date;
  }

  /**
   * For BPMN expressions ({@code ${workingDays.add(now(), 3)}}): the {@code days}-th working day after the
   * date of {@code from} in Asia/Shanghai, at the same time of day.
   */
  public Date add(Date from, int days) {
    if (from == null) {
      throw new IllegalArgumentException("起始时间不能为空");
    }
    ZonedDateTime start = from.toInstant().atZone(EngineClock.ZONE);
    return Date.from(start.with(add(start.toLocalDate(), days)).toInstant());
  }

  /**
   * For BPMN expressions ({@code ${workingDays.addFromNow(3)}}): {@code days} working days after the engine
   * clock's now, at the same time of day (Asia/Shanghai).
   */
  public Date addFromNow(int days) {
    LocalDateTime now = EngineClock.now();
    LocalDateTime due = add(now.toLocalDate(), days).atTime(now.toLocalTime());
    return Date.from(due.atZone(EngineClock.ZONE).toInstant());
  }

  /** The years that have data (a file or the database); other years count Monday–Friday. */
  public SortedSet<Integer> knownYears() {
    return current().years();
  }

  // ----------------------------------------------------------------------------------------------
  // loading

  private static List<YearFile> classpathFiles() {
    try {
      Resource[] resources =
          new PathMatchingResourcePatternResolver(WorkingDayCalendar.class.getClassLoader())
              .getResources(CLASSPATH_PATTERN);
      List<YearFile> files = new ArrayList<>();
      for (Resource resource : resources) {
        try (InputStream in = resource.getInputStream()) {
          files.add(
              parse(
                  resource.getFilename(),
                  "classpath:calendar/"
                      + resource.getFilename()
                      + " ("
                      + resource.getDescription()
                      + ")",
                  in));
        }
      }
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException("无法读取 classpath 中的节假日文件", e);
    }
  }

  private static List<YearFile> directoryFiles(Path directory) {
    if (!Files.isDirectory(directory)) {
      throw new IllegalStateException(
          "officeflow.calendar.directory 指向的目录不存在：" + directory.toAbsolutePath());
    }
    List<Path> paths = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory, "holidays-*.yaml")) {
      stream.forEach(paths::add);
    } catch (IOException e) {
      throw new UncheckedIOException("无法读取节假日目录 " + directory.toAbsolutePath(), e);
    }
    paths.sort(Comparator.comparing(Path::toString));
    List<YearFile> files = new ArrayList<>();
    for (Path path : paths) {
      try (InputStream in = Files.newInputStream(path)) {
        files.add(parse(path.getFileName().toString(), path.toAbsolutePath().toString(), in));
      } catch (IOException e) {
        throw new UncheckedIOException("无法读取节假日文件 " + path.toAbsolutePath(), e);
      }
    }
    return files;
  }

  static YearFile parse(String fileName, String source, InputStream in) {
    Matcher name = FILE_NAME.matcher(fileName == null ? "" : fileName);
    if (!name.matches()) {
      throw invalid(source, "文件名须为 holidays-<四位年份>.yaml");
    }
    Object root;
    try {
      root = yaml().load(in);
    } catch (RuntimeException e) {
      throw new IllegalStateException("节假日文件 " + source + " 不是有效的 YAML：" + e.getMessage(), e);
    }
    Map<?, ?> file = map(root, source, "文件内容");
    keys(file, FILE_KEYS, source, "文件");
    int year = integer(file.get("year"), source, "year");
    if (year != Integer.parseInt(name.group(1))) {
      throw invalid(source, "year: " + year + " 与文件名中的年份不一致");
    }
    Object list = file.get("holidays");
    if (!(list instanceof List<?> holidays)) {
      throw invalid(source, "缺少 holidays 列表");
    }
    Map<LocalDate, Day> days = new LinkedHashMap<>();
    for (Object item : holidays) {
      Map<?, ?> holiday = map(item, source, "holidays 的每一项");
      keys(holiday, HOLIDAY_KEYS, source, "holidays 的每一项");
      Object nameValue = holiday.get("name");
      if (nameValue == null || nameValue.toString().isBlank()) {
        throw invalid(source, "holidays 的每一项都要有 name");
      }
      String holidayName = nameValue.toString().trim();
      String where = holidayName + " 的 ";
      LocalDate from = date(holiday.get("from"), source, where + "from", year);
      LocalDate to =
          holiday.get("to") == null ? from : date(holiday.get("to"), source, where + "to", year);
      if (to.isBefore(from)) {
        throw invalid(source, where + "to（" + to + "）早于 from（" + from + "）");
      }
      long length = ChronoUnit.DAYS.between(from, to) + 1;
      if (length > 31) {
        throw invalid(source, holidayName + " 放假超过 31 天，请检查 from 和 to");
      }
      if (holiday.get("days") != null
          && integer(holiday.get("days"), source, where + "days") != length) {
        throw invalid(
            source,
            where
                + "days: "
                + holiday.get("days")
                + " 与 "
                + from
                + " 至 "
                + to
                + "（共 "
                + length
                + " 天）不一致");
      }
      for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
        put(days, date, new Day(false, holidayName, source), source);
      }
      Object workdays = holiday.get("workdays");
      if (workdays != null) {
        if (!(workdays instanceof List<?> dates)) {
          throw invalid(source, where + "workdays 应为日期列表，例如 [2026-02-14, 2026-02-28]");
        }
        for (Object value : dates) {
          LocalDate date = date(value, source, where + "workdays", year);
          if (date.getDayOfWeek() != DayOfWeek.SATURDAY
              && date.getDayOfWeek() != DayOfWeek.SUNDAY) {
            throw invalid(source, where + "workdays 中的 " + date + " 不是周六或周日（调休上班日只会是周末）");
          }
          put(days, date, new Day(true, holidayName, source), source);
        }
      }
    }
    return new YearFile(year, source, Collections.unmodifiableMap(days));
  }

  private static void put(Map<LocalDate, Day> days, LocalDate date, Day day, String source) {
    Day previous = days.put(date, day);
    if (previous != null) {
      throw invalid(source, date + " 重复出现（" + previous.holiday() + "、" + day.holiday() + "）");
    }
  }

  /** SnakeYAML would turn an unquoted 2026-01-01 into a java.util.Date at UTC; keep dates as text. */
  private static Yaml yaml() {
    LoaderOptions options = new LoaderOptions();
    Resolver resolver =
        new Resolver() {
          @Override
          public void addImplicitResolver(Tag tag, Pattern regexp, String first) {
            if (!Tag.TIMESTAMP.equals(tag)) {
              super.addImplicitResolver(tag, regexp, first);
            }
          }

          @Override
          public void addImplicitResolver(Tag tag, Pattern regexp, String first, int limit) {
            if (!Tag.TIMESTAMP.equals(tag)) {
              super.addImplicitResolver(tag, regexp, first, limit);
            }
          }
        };
    DumperOptions dumper = new DumperOptions();
    return new Yaml(
        new SafeConstructor(options), new Representer(dumper), dumper, options, resolver);
  }

  private static Map<?, ?> map(Object value, String source, String what) {
    if (!(value instanceof Map<?, ?> map)) {
      throw invalid(source, what + "应为键值对（name: …）");
    }
    return map;
  }

  private static void keys(Map<?, ?> map, Set<String> allowed, String source, String what) {
    for (Object key : map.keySet()) {
      if (!allowed.contains(String.valueOf(key))) {
        throw invalid(source, what + "中有未知的键 " + key + "（允许：" + new TreeSet<>(allowed) + "）");
      }
    }
  }

  private static int integer(Object value, String source, String field) {
    if (value instanceof Integer number) {
      return number;
    }
    throw invalid(source, field + " 应为整数：" + value);
  }

  private static LocalDate date(Object value, String source, String field, int year) {
    if (value == null) {
      throw invalid(source, field + " 必须填写（YYYY-MM-DD）");
    }
    LocalDate date;
    try {
      date = LocalDate.parse(value.toString().trim());
    } catch (DateTimeParseException e) {
      throw invalid(source, field + " 不是 YYYY-MM-DD 格式的有效日期：" + value);
    }
    // 元旦 may start on 31 December and a 调休 day may fall in the year before (2012: 2011-12-31 上班)
    if (Math.abs(date.getYear() - year) > 1) {
      throw invalid(source, field + " 的日期 " + date + " 不在 " + year + " 年前后");
    }
    return date;
  }

  private static IllegalStateException invalid(String source, String message) {
    return new IllegalStateException("节假日文件 " + source + "：" + message);
  }
}
