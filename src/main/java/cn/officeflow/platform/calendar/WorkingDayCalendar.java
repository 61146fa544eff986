package cn.officeflow.platform.calendar;

import cn.officeflow.platform.engine.EngineClock;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
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
 * which replaces the classpath file of the same year as a whole. An operator adds next year's file or
 * corrects a year without touching code (restart to apply). A malformed file stops start-up with a message
 * naming the file. A date in a year without a file falls back to Monday–Friday, with one WARN per year.
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

  private final Map<LocalDate, Day> days;
  private final SortedSet<Integer> knownYears;
  private final Set<Integer> warnedYears = ConcurrentHashMap.newKeySet();

  /** The calendar from the classpath files only. */
  public WorkingDayCalendar() {
    this("");
  }

  /**
   * @param directory {@code officeflow.calendar.directory}: a directory whose {@code holidays-<year>.yaml}
   *                  files replace the classpath files of the same year; blank = none
   */
  @Autowired
  public WorkingDayCalendar(@Value("${officeflow.calendar.directory:}") String directory) {
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
    this.days = Map.copyOf(all);
    this.knownYears = Collections.unmodifiableSortedSet(new TreeSet<>(years.keySet()));
    log.info("工作日历：已载入 {} 年的法定节假日和调休安排", knownYears);
  }

  /** Whether {@code date} is a working day (a 调休 Saturday or Sunday is; a statutory holiday is not). */
  public boolean isWorkingDay(LocalDate date) {
    if (date == null) {
      throw new IllegalArgumentException("日期不能为空");
    }
    Day day = days.get(date);
    if (day != null) {
      return day.working();
    }
    if (!knownYears.contains(date.getYear()) && warnedYears.add(date.getYear())) {
      log.warn(
          "工作日历：没有 {} 年的节假日文件（calendar/holidays-{}.yaml），该年按周一至周五上班计算；" + "请按国务院办公厅当年的节假日安排通知补充该文件",
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
    LocalDate date = from;
    int left = days;
    while (left > 0) {
      date = date.plusDays(1);
      if (isWorkingDay(date)) {
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

  /** The years that have a holiday file; other years count Monday–Friday. */
  public SortedSet<Integer> knownYears() {
    return knownYears;
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
