package cn.officeflow.bench;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Counts the SQL statements an application sends, by kind (insert, update, delete, select) and by table,
 * at the JDBC layer: every {@code execute*} counts one, every {@code addBatch} of a batched statement
 * counts one (a MyBatis batch of 20 inserts is 20 inserts, as the database sees 20 rows). Applied to a
 * Spring application as an initializer that wraps its {@link DataSource} bean, without an annotation (so
 * no component scan of the application picks it up).
 */
final class SqlCounter implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  private static final Pattern TABLE =
      Pattern.compile(
          "^\\s*(?:insert\\s+into|update|delete\\s+from|delete|select\\b.*?\\bfrom)\\s+([a-z0-9_.`\"]+)",
          Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

  private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

  /**
   * "kind table" per SQL text, worked out once: the statements are prepared from a few hundred texts, and the
   * pattern over a long query cost a third of a request's CPU (the meter must not weigh on what it measures).
   */
  private final Map<String, String> keys = new ConcurrentHashMap<>();

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    context
        .getBeanFactory()
        .addBeanPostProcessor(
            new BeanPostProcessor() {
              @Override
              public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof DataSource dataSource && !(bean instanceof Proxy)
                    ? wrap(dataSource)
                    : bean;
              }
            });
  }

  void reset() {
    counts.clear();
  }

  /** Statements by kind: insert, update, delete, select, other. */
  Map<String, Long> byKind() {
    Map<String, Long> kinds = new TreeMap<>();
    counts.forEach((key, n) -> kinds.merge(key.substring(0, key.indexOf(' ')), n.sum(), Long::sum));
    return kinds;
  }

  /** Statements by "kind table", e.g. {@code insert act_hi_varinst}. */
  Map<String, Long> byTable() {
    Map<String, Long> tables = new TreeMap<>();
    counts.forEach((key, n) -> tables.put(key, n.sum()));
    return tables;
  }

  private void count(String sql) {
    String key = keys.get(sql);
    if (key == null) {
      key = key(sql);
      if (keys.size() < 10_000) {
        keys.put(sql, key);
      }
    }
    counts.computeIfAbsent(key, k -> new LongAdder()).increment();
  }

  private static String key(String sql) {
    String trimmed = sql.stripLeading().toLowerCase(Locale.ROOT);
    String kind;
    if (trimmed.startsWith("insert")) {
      kind = "insert";
    } else if (trimmed.startsWith("update")) {
      kind = "update";
    } else if (trimmed.startsWith("delete")) {
      kind = "delete";
    } else if (trimmed.startsWith("select") || trimmed.startsWith("with")) {
      kind = "select";
    } else {
      kind = "other";
    }
    Matcher m = TABLE.matcher(trimmed);
    String table = m.find() ? m.group(1).replaceAll("[`\"]", "") : "?";
    return kind + " " + table;
  }

  private DataSource wrap(DataSource target) {
    return proxy(
        DataSource.class,
        target,
        (method, args, result) ->
            result instanceof Connection c && method.getName().equals("getConnection")
                ? wrapConnection(c)
                : result);
  }

  private Connection wrapConnection(Connection target) {
    return proxy(
        Connection.class,
        target,
        (method, args, result) -> {
          if (result instanceof Statement statement) {
            String sql = args != null && args.length > 0 && args[0] instanceof String s ? s : null;
            return wrapStatement(statement, sql);
          }
          return result;
        });
  }

  private Statement wrapStatement(Statement target, String preparedSql) {
    Class<? extends Statement> type =
        target instanceof java.sql.CallableStatement
            ? java.sql.CallableStatement.class
            : target instanceof java.sql.PreparedStatement
                ? java.sql.PreparedStatement.class
                : Statement.class;
    InvocationHandler handler =
        (proxy, method, args) -> {
          String name = method.getName();
          if (name.equals("addBatch") || name.startsWith("execute")) {
            if (args != null && args.length > 0 && args[0] instanceof String sql) {
              count(sql);
            } else if (preparedSql != null && !name.equals("executeBatch")) {
              count(preparedSql);
            }
          }
          return invoke(target, method, args);
        };
    return type.cast(
        Proxy.newProxyInstance(SqlCounter.class.getClassLoader(), new Class<?>[] {type}, handler));
  }

  private interface After {
    Object apply(Method method, Object[] args, Object result) throws Exception;
  }

  private static <T> T proxy(Class<T> type, T target, After after) {
    return type.cast(
        Proxy.newProxyInstance(
            SqlCounter.class.getClassLoader(),
            new Class<?>[] {type},
            (proxy, method, args) -> after.apply(method, args, invoke(target, method, args))));
  }

  private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
