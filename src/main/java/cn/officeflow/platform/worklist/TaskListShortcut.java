package cn.officeflow.platform.worklist;

import cn.officeflow.platform.engine.WebappSessionAuthentications;
import cn.officeflow.platform.security.ApiAuthenticationFilter;
import cn.officeflow.platform.security.TaskFiltersBootstrap;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Tasklist's two lists, fast at 100,000 open tasks (measured by {@code bench/TaskListBenchmark}).
 *
 * <p>Camunda answers a filter's page and count with one query that joins every open task with every task
 * authorization the user holds, then sorts ({@code ACT_RU_TASK} read in full, time growing with the open
 * tasks). For the two filters the application creates — 「我的待办」 (assigned to me, or offered to me or my
 * groups) and 「全部任务」 (every task, for those who may read every task) — and Tasklist's default order
 * (newest first) with no further search criteria, this filter finds the page's task ids and the count with
 * index lookups (assignee; candidate links by user and group; creation time), then lets Camunda answer the
 * page for just those ids: Camunda still checks every task's authorization and renders the answer Tasklist
 * expects. Every other request (another filter, another order, a search, a filter whose query an
 * administrator changed by name) goes to Camunda unchanged.
 *
 * <p>The count of 「我的待办」 is the number of tasks assigned or offered to the user, which the engine's default
 * task authorizations make readable; a task whose authorization an administrator revoked by hand would be
 * counted but not listed.
 */
public class TaskListShortcut extends OncePerRequestFilter {

  private static final Pattern FILTER_QUERY = Pattern.compile(".*/filter/([^/]+)/(list|count)/?$");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> PLAIN_KEYS =
      Set.of("sorting", "processVariables", "taskVariables", "caseInstanceVariables");
  private static final String NO_TASK = "-";

  private final ProcessEngine engine;
  private final JdbcClient jdbc;

  public TaskListShortcut(ProcessEngine engine, JdbcClient jdbc) {
    this.engine = engine;
    this.jdbc = jdbc;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod())
        || !FILTER_QUERY.matcher(request.getRequestURI()).matches();
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    byte[] body = request.getInputStream().readAllBytes();
    Matcher m = FILTER_QUERY.matcher(request.getRequestURI());
    m.matches();
    Optional<Shortcut> shortcut = shortcut(request, m.group(1), body);
    if (shortcut.isEmpty()) {
      chain.doFilter(new Body(request, body, request.getQueryString()), response);
      return;
    }
    Shortcut s = shortcut.get();
    if (m.group(2).equals("count")) {
      response.setStatus(HttpServletResponse.SC_OK);
      response.setContentType("application/json");
      response.getOutputStream().write(("{\"count\":" + s.count() + "}").getBytes());
      return;
    }
    int first = intParameter(request, "firstResult", 0);
    int max = intParameter(request, "maxResults", Integer.MAX_VALUE);
    List<String> ids = s.page(first, max);
    ObjectNode extended = (ObjectNode) JSON.readTree(body.length == 0 ? "{}".getBytes() : body);
    // no id at all would mean no restriction: an id no task has keeps the page empty
    List<String> restricted = ids.isEmpty() ? List.of(NO_TASK) : ids;
    restricted.forEach(extended.putArray("taskIdIn")::add);
    String query = "firstResult=0&maxResults=" + Math.max(ids.size(), 1);
    chain.doFilter(new Body(request, JSON.writeValueAsBytes(extended), query), response);
  }

  private Optional<Shortcut> shortcut(HttpServletRequest request, String filterId, byte[] body) {
    Optional<String> user =
        Optional.ofNullable((String) request.getAttribute(ApiAuthenticationFilter.USER_ATTRIBUTE))
            .or(() -> WebappSessionAuthentications.userId(request, engine.getName()));
    if (user.isEmpty() || !plainDefaultOrder(body)) {
      return Optional.empty();
    }
    String userId = user.get();
    List<String> groups =
        engine.getIdentityService().createGroupQuery().groupMember(userId).list().stream()
            .map(Group::getId)
            .toList();
    var authorizations = engine.getAuthorizationService();
    if (!authorizations.isUserAuthorized(
        userId, groups, Permissions.READ, Resources.FILTER, filterId)) {
      // Camunda refuses it in its own words
      return Optional.empty();
    }
    Filter filter = engine.getFilterService().getFilter(filterId);
    if (filter == null) {
      return Optional.empty();
    }
    if (TaskFiltersBootstrap.MY_TASKS.equals(filter.getName())) {
      return Optional.of(new MyTasks(jdbc, userId, groups));
    }
    if (TaskFiltersBootstrap.ALL_TASKS.equals(filter.getName())
        && authorizations.isUserAuthorized(userId, groups, Permissions.READ, Resources.TASK)) {
      return Optional.of(new AllTasks(jdbc));
    }
    return Optional.empty();
  }

  /** Only Tasklist's own fields, empty, and newest first (or no order): nothing Camunda must search for. */
  static boolean plainDefaultOrder(byte[] body) {
    if (body.length == 0) {
      return true;
    }
    JsonNode json;
    try {
      json = JSON.readTree(body);
    } catch (IOException e) {
      return false;
    }
    if (!json.isObject()) {
      return false;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      if (!PLAIN_KEYS.contains(field.getKey())) {
        return false;
      }
      JsonNode value = field.getValue();
      if (field.getKey().equals("sorting")) {
        if (!value.isNull() && value.size() > 1) {
          return false;
        }
        if (value.size() == 1
            && !(value.get(0).path("sortBy").asText().equals("created")
                && value.get(0).path("sortOrder").asText().equals("desc"))) {
          return false;
        }
      } else if (!value.isNull() && value.size() > 0) {
        return false;
      }
    }
    return true;
  }

  private static int intParameter(HttpServletRequest request, String name, int fallback) {
    try {
      String value = request.getParameter(name);
      return value == null ? fallback : Math.max(0, Integer.parseInt(value));
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  interface Shortcut {
    long count();

    List<String> page(int first, int max);
  }

  /** Assigned to the user, or unassigned and offered to the user or one of their groups. */
  record MyTasks(JdbcClient jdbc, String user, List<String> groups) implements Shortcut {

    private String union() {
      String offered =
          groups.isEmpty()
              ? "I.USER_ID_ = :user"
              : "(I.USER_ID_ = :user or I.GROUP_ID_ in (:groups))";
      return "select RES.ID_, RES.CREATE_TIME_ from ACT_RU_TASK RES where RES.ASSIGNEE_ = :user"
          + " union select RES.ID_, RES.CREATE_TIME_ from ACT_RU_IDENTITYLINK I join ACT_RU_TASK RES"
          + " on RES.ID_ = I.TASK_ID_ where I.TYPE_ = 'candidate' and RES.ASSIGNEE_ is null and "
          + offered;
    }

    private JdbcClient.StatementSpec bind(String sql) {
      JdbcClient.StatementSpec spec = jdbc.sql(sql).param("user", user);
      return groups.isEmpty() ? spec : spec.param("groups", groups);
    }

    @Override
    public long count() {
      return bind("select count(*) from (" + union() + ") T").query(Long.class).single();
    }

    @Override
    public List<String> page(int first, int max) {
      return bind("select T.ID_ from ("
              + union()
              + ") T order by T.CREATE_TIME_ desc, T.ID_ desc limit :max offset :first")
          .param("max", Math.min(max, 1000))
          .param("first", first)
          .query(String.class)
          .list();
    }
  }

  /**
   * Every open task (the user may read every task). Newest first, ties by id descending: the order of the
   * creation-time index read backwards (InnoDB keeps the primary key in it), so 15 rows are read, not all.
   */
  record AllTasks(JdbcClient jdbc) implements Shortcut {
    @Override
    public long count() {
      return jdbc.sql("select count(*) from ACT_RU_TASK").query(Long.class).single();
    }

    @Override
    public List<String> page(int first, int max) {
      return jdbc.sql(
              "select ID_ from ACT_RU_TASK order by CREATE_TIME_ desc, ID_ desc limit :max offset :first")
          .param("max", Math.min(max, 1000))
          .param("first", first)
          .query(String.class)
          .list();
    }
  }

  /** The request with a body (and query string) of our choosing. */
  static final class Body extends HttpServletRequestWrapper {
    private final byte[] body;
    private final String query;

    Body(HttpServletRequest request, byte[] body, String query) {
      super(request);
      this.body = body;
      this.query = query;
    }

    @Override
    public String getQueryString() {
      return query;
    }

    @Override
    public String getParameter(String name) {
      if (query == null) {
        return super.getParameter(name);
      }
      for (String pair : query.split("&")) {
        int eq = pair.indexOf('=');
        if (eq > 0 && pair.substring(0, eq).equals(name)) {
          return pair.substring(eq + 1);
        }
      }
      return null;
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException();
        }

        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      return new BufferedReader(
          new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8));
    }
  }
}
