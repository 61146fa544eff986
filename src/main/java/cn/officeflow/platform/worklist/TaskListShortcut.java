package cn.officeflow.platform.worklist;

import cn.officeflow.platform.engine.EngineUser;
import cn.officeflow.platform.engine.WebappSessionAuthentications;
import cn.officeflow.platform.security.ApiAuthenticationFilter;
import cn.officeflow.platform.security.TaskFiltersBootstrap;
import cn.officeflow.platform.web.OkResponseRewrite;
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
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.rest.hal.task.HalTaskList;
import org.camunda.bpm.engine.rest.mapper.JacksonConfigurator;
import org.camunda.bpm.engine.task.Task;
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
  private static final String NO_TASK = "-";
  private static final String HAL = "application/hal+json";

  /** Camunda REST's own JSON settings (its date format), for the pages made here. */
  private static final ObjectMapper HAL_JSON =
      JacksonConfigurator.configureObjectMapper(new ObjectMapper());

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
    Optional<Plan> plan = plan(request, m.group(1), body);
    if (plan.isEmpty()) {
      chain.doFilter(new Body(request, body, request.getQueryString()), response);
      return;
    }
    Shortcut s = plan.get().shortcut();
    if (m.group(2).equals("count")) {
      response.setStatus(HttpServletResponse.SC_OK);
      response.setContentType("application/json");
      response.getOutputStream().write(("{\"count\":" + s.count() + "}").getBytes());
      return;
    }
    int first = intParameter(request, "firstResult", 0);
    int max = intParameter(request, "maxResults", Integer.MAX_VALUE);
    boolean hal = wantsHal(request);
    if (hal && !plan.get().filterShowsVariables()) {
      halPage(response, s, plan.get().who(), first, max);
      return;
    }
    List<String> ids = s.page(first, max);
    ObjectNode extended = (ObjectNode) JSON.readTree(body.length == 0 ? "{}".getBytes() : body);
    // no id at all would mean no restriction: an id no task has keeps the page empty
    List<String> restricted = ids.isEmpty() ? List.of(NO_TASK) : ids;
    restricted.forEach(extended.putArray("taskIdIn")::add);
    String query = "firstResult=0&maxResults=" + Math.max(ids.size(), 1);
    Body page = new Body(request, JSON.writeValueAsBytes(extended), query);
    if (!hal) {
      chain.doFilter(page, response);
      return;
    }
    // Camunda renders the filter's variables; its count would be the page's, and Tasklist pages by
    // the count
    OkResponseRewrite.filter(
        page,
        response,
        chain,
        answer -> {
          if (answer.length == 0) {
            return null;
          }
          ObjectNode json = (ObjectNode) JSON.readTree(answer);
          json.put("count", s.count());
          return JSON.writeValueAsBytes(json);
        });
  }

  /**
   * The page as Camunda's filter answers it ({@link HalTaskList}: the tasks with their assignees and process
   * definitions embedded, and the list's count), made here from the page's ids. The task, user and process
   * definition queries still run in the engine as the user, so its authorization checks apply.
   */
  private void halPage(HttpServletResponse response, Shortcut s, EngineUser who, int first, int max)
      throws IOException {
    IdentityService identity = engine.getIdentityService();
    Optional<EngineUser> before = EngineUser.current(identity);
    who.authenticate(identity);
    byte[] json;
    try {
      long count = s.count();
      List<String> ids = s.page(first, max);
      List<Task> tasks =
          ids.isEmpty()
              ? List.of()
              : engine
                  .getTaskService()
                  .createTaskQuery()
                  .taskIdIn(ids.toArray(String[]::new))
                  .initializeFormKeys()
                  .list();
      json = HAL_JSON.writeValueAsBytes(HalTaskList.generate(inOrder(tasks, ids), count, engine));
    } finally {
      identity.clearAuthentication();
      before.ifPresent(user -> user.authenticate(identity));
    }
    response.setStatus(HttpServletResponse.SC_OK);
    response.setHeader("Vary", "Accept");
    response.setContentType(HAL + ";charset=UTF-8");
    response.getOutputStream().write(json);
  }

  /** The tasks in the order of {@code ids} (the engine answers a {@code taskIdIn} query in its own order). */
  static List<Task> inOrder(List<Task> tasks, List<String> ids) {
    Map<String, Integer> position = new HashMap<>();
    for (int i = 0; i < ids.size(); i++) {
      position.put(ids.get(i), i);
    }
    return tasks.stream().sorted(Comparator.comparing(t -> position.get(t.getId()))).toList();
  }

  private static boolean wantsHal(HttpServletRequest request) {
    String accept = request.getHeader("Accept");
    return accept != null && accept.contains(HAL);
  }

  private Optional<Plan> plan(HttpServletRequest request, String filterId, byte[] body) {
    Optional<Boolean> activeOnly = tasklistDefault(body);
    if (activeOnly.isEmpty()) {
      return Optional.empty();
    }
    Optional<EngineUser> who = who(request);
    if (who.isEmpty()) {
      return Optional.empty();
    }
    String userId = who.get().id();
    List<String> groups = who.get().groups();
    var authorizations = engine.getAuthorizationService();
    if (!authorizations.isUserAuthorized(
        userId, groups, Permissions.READ, Resources.FILTER, filterId)) {
      // Camunda refuses it in its own words
      return Optional.empty();
    }
    Optional<Map<String, Object>> filter =
        jdbc
            .sql(
                "select NAME_, PROPERTIES_ from ACT_RU_FILTER where ID_ = :id and RESOURCE_TYPE_ ="
                    + " 'Task'")
            .param("id", filterId)
            .query()
            .listOfRows()
            .stream()
            .findFirst();
    if (filter.isEmpty()) {
      return Optional.empty();
    }
    Object name = filter.get().get("NAME_");
    boolean variables = showsVariables(filter.get().get("PROPERTIES_"));
    if (TaskFiltersBootstrap.MY_TASKS.equals(name)) {
      return Optional.of(
          new Plan(new MyTasks(jdbc, userId, groups, activeOnly.get()), who.get(), variables));
    }
    if (TaskFiltersBootstrap.ALL_TASKS.equals(name)
        && authorizations.isUserAuthorized(userId, groups, Permissions.READ, Resources.TASK)) {
      return Optional.of(new Plan(new AllTasks(jdbc, activeOnly.get()), who.get(), variables));
    }
    return Optional.empty();
  }

  /**
   * Who asks, with the groups and tenants the engine authorizes them by: the REST API's authentication
   * (ApiAuthenticationFilter), or the webapps' session (Tasklist calls /camunda/api/engine/…).
   */
  private Optional<EngineUser> who(HttpServletRequest request) {
    Optional<EngineUser> current = EngineUser.current(engine.getIdentityService());
    Object rest = request.getAttribute(ApiAuthenticationFilter.USER_ATTRIBUTE);
    if (current.isPresent() && current.get().id().equals(rest)) {
      return current;
    }
    return WebappSessionAuthentications.authentication(request, engine.getName());
  }

  /** Whether the filter's properties name variables to show with each task (Tasklist's filter dialog). */
  static boolean showsVariables(Object properties) {
    if (properties == null) {
      return false;
    }
    try {
      JsonNode variables = JSON.readTree(properties.toString()).path("variables");
      return !variables.isMissingNode() && !variables.isNull() && !variables.isEmpty();
    } catch (IOException e) {
      return true;
    }
  }

  /**
   * What Tasklist sends for a filter's list: its own fields (empty variable lists, the page, {@code active}) and
   * newest first (or no order). Empty when the body asks for anything more, which Camunda then answers; else
   * whether only active (not suspended) tasks are asked for. The page is taken from the query string, as
   * Camunda takes it.
   */
  static Optional<Boolean> tasklistDefault(byte[] body) {
    if (body.length == 0) {
      return Optional.of(false);
    }
    JsonNode json;
    try {
      json = JSON.readTree(body);
    } catch (IOException e) {
      return Optional.empty();
    }
    if (!json.isObject()) {
      return Optional.empty();
    }
    boolean active = false;
    for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      JsonNode value = field.getValue();
      switch (field.getKey()) {
        case "sorting" -> {
          if (!value.isNull() && value.size() > 1) {
            return Optional.empty();
          }
          if (value.size() == 1
              && !(value.get(0).path("sortBy").asText().equals("created")
                  && value.get(0).path("sortOrder").asText().equals("desc"))) {
            return Optional.empty();
          }
        }
        case "processVariables", "taskVariables", "caseInstanceVariables" -> {
          if (!value.isNull() && value.size() > 0) {
            return Optional.empty();
          }
        }
        case "firstResult", "maxResults" -> {
          if (!value.isNull() && !value.isIntegralNumber()) {
            return Optional.empty();
          }
        }
        case "active" -> {
          if (!value.isNull() && !value.isBoolean()) {
            return Optional.empty();
          }
          active = value.asBoolean(false);
        }
        default -> {
          return Optional.empty();
        }
      }
    }
    return Optional.of(active);
  }

  private static int intParameter(HttpServletRequest request, String name, int fallback) {
    try {
      String value = request.getParameter(name);
      return value == null ? fallback : Math.max(0, Integer.parseInt(value));
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  /** The shortcut for the filter, who asks, and whether Camunda must render the filter's variables. */
  record Plan(Shortcut shortcut, EngineUser who, boolean filterShowsVariables) {}

  interface Shortcut {
    long count();

    List<String> page(int first, int max);
  }

  /**
   * Assigned to the user, or unassigned and offered to the user or one of their groups; with {@code owned},
   * also the tasks the user owns (delegated to someone else: 我的工作).
   */
  record MyTasks(
      JdbcClient jdbc, String user, List<String> groups, boolean activeOnly, boolean owned)
      implements Shortcut {

    MyTasks(JdbcClient jdbc, String user, List<String> groups, boolean activeOnly) {
      this(jdbc, user, groups, activeOnly, false);
    }

    private String union() {
      String offered =
          groups.isEmpty()
              ? "I.USER_ID_ = :user"
              : "(I.USER_ID_ = :user or I.GROUP_ID_ in (:groups))";
      String active = activeOnly ? " and RES.SUSPENSION_STATE_ = 1" : "";
      return "select RES.ID_, RES.CREATE_TIME_ from ACT_RU_TASK RES where RES.ASSIGNEE_ = :user"
          + active
          + " union select RES.ID_, RES.CREATE_TIME_ from ACT_RU_IDENTITYLINK I join ACT_RU_TASK RES"
          + " on RES.ID_ = I.TASK_ID_ where I.TYPE_ = 'candidate' and RES.ASSIGNEE_ is null and "
          + offered
          + active
          + (owned
              ? " union select RES.ID_, RES.CREATE_TIME_ from ACT_RU_TASK RES where RES.OWNER_ = :user"
                  + active
              : "");
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
      return page(first, max, true);
    }

    /** The page's task ids, newest or oldest first (ties by id in the same direction). */
    List<String> page(int first, int max, boolean newestFirst) {
      String order = newestFirst ? "desc" : "asc";
      return bind("select T.ID_ from ("
              + union()
              + ") T order by T.CREATE_TIME_ "
              + order
              + ", T.ID_ "
              + order
              + " limit :max offset :first")
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
  record AllTasks(JdbcClient jdbc, boolean activeOnly) implements Shortcut {

    private String where() {
      return activeOnly ? " where SUSPENSION_STATE_ = 1" : "";
    }

    @Override
    public long count() {
      return jdbc.sql("select count(*) from ACT_RU_TASK" + where()).query(Long.class).single();
    }

    @Override
    public List<String> page(int first, int max) {
      return jdbc.sql(
              "select ID_ from ACT_RU_TASK"
                  + where()
                  + " order by CREATE_TIME_ desc, ID_ desc limit :max offset :first")
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
