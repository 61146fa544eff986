package cn.officeflow.platform.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import cn.officeflow.platform.security.TaskFiltersBootstrap;
import cn.officeflow.support.DemoUsers;
import cn.officeflow.support.Http;
import cn.officeflow.support.HttpTest;
import cn.officeflow.support.ProcessDriver;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Tasklist's 「我的待办」 and 「全部任务」 answered through {@link TaskListShortcut}: the same tasks, in the same
 * order, page by page, and the same count as Camunda's own filter query gives the same user; and nothing more:
 * another user's tasks stay out, a user without the filter is refused by Camunda, a search or another order
 * goes to Camunda unchanged.
 */
@HttpTest
class TaskListShortcutTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String PASSWORD = DemoUsers.PASSWORD;

  /** What Tasklist sends for a filter's first page (captured from Tasklist 7.24 in Chromium). */
  static final String DEFAULT_ORDER =
      "{\"processVariables\":[],\"taskVariables\":[],\"caseInstanceVariables\":[],"
          + "\"firstResult\":0,\"maxResults\":15,"
          + "\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}],\"active\":true}";

  /** The same with a search the shortcut leaves to Camunda (every task here has a name). */
  static final String CAMUNDAS_OWN =
      DEFAULT_ORDER.replace("{\"process", "{\"nameLike\":\"%\",\"process");

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;

  Http http;
  ProcessDriver driver;

  @BeforeEach
  void setUp() {
    http = new Http(port);
    driver = new ProcessDriver(engine);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void pagesAndCountsAreCamundasOwnForEachUser() throws Exception {
    long minute = 60_000;
    long t = ClockUtil.getCurrentTime().getTime();
    List<String> legalStep = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      ClockUtil.setCurrentTime(new Date(t + i * minute));
      String pi = start(DemoUsers.DRAFTER, "任务列表 " + i);
      if (i % 3 == 0) {
        ClockUtil.setCurrentTime(new Date(t + i * minute + 1000));
        driver.approve(DemoUsers.HEAD, pi, "Task_DeptReview");
        legalStep.add(pi);
      }
    }
    ClockUtil.setCurrentTime(new Date(t + 30 * minute));
    start("chenjing", "财务处的发文");

    for (String user : List.of(DemoUsers.HEAD, DemoUsers.LEGAL, DemoUsers.FINANCE_HEAD)) {
      assertSameAsCamunda(user, TaskFiltersBootstrap.MY_TASKS);
    }
    assertSameAsCamunda("lina", TaskFiltersBootstrap.ALL_TASKS);

    // 周杰 (法务) sees the 法务复审 offered to his group, none of 刘洋's 部门初审
    List<String> legal = instanceIds(list("zhoujie", TaskFiltersBootstrap.MY_TASKS, 0, 50));
    assertThat(legal).containsExactlyInAnyOrderElementsOf(legalStep);
  }

  @Test
  void aSearchOrAnotherOrderGoesToCamundaAndAStrangerIsRefused() throws Exception {
    String pi = start(DemoUsers.DRAFTER, "只有名称检索");
    String id = filterId(DemoUsers.HEAD, TaskFiltersBootstrap.MY_TASKS);
    HttpResponse<String> searched =
        http.postJson(
            "/engine-rest/filter/" + id + "/list?firstResult=0&maxResults=15",
            DemoUsers.HEAD,
            PASSWORD,
            "{\"processInstanceId\":\"" + pi + "\"}");
    assertThat(searched.statusCode()).isEqualTo(200);
    assertThat(instanceIds(JSON.readTree(searched.body()))).containsExactly(pi);
    HttpResponse<String> byName =
        http.postJson(
            "/engine-rest/filter/" + id + "/count",
            DemoUsers.HEAD,
            PASSWORD,
            "{\"sorting\":[{\"sortBy\":\"name\",\"sortOrder\":\"asc\"}]}");
    assertThat(JSON.readTree(byName.body()).get("count").asLong())
        .isEqualTo(camundaCount(DemoUsers.HEAD, id));

    // 刘洋 may not read 「全部任务」: Camunda answers, not the shortcut
    String all = filterId("lina", TaskFiltersBootstrap.ALL_TASKS);
    for (String call : List.of("/list?firstResult=0&maxResults=15", "/count")) {
      HttpResponse<String> refused =
          http.postJson(
              "/engine-rest/filter/" + all + call, DemoUsers.HEAD, PASSWORD, DEFAULT_ORDER);
      assertThat(refused.statusCode()).as(call).isEqualTo(403);
    }
    assertThat(
            http.postJson("/engine-rest/filter/" + all + "/count", "nobody", "x", DEFAULT_ORDER)
                .statusCode())
        .isEqualTo(401);
  }

  @Test
  void whatTasklistSendsTakesTheShortcutAndASearchDoesNot() {
    assertThat(TaskListShortcut.tasklistDefault(DEFAULT_ORDER.getBytes())).contains(true);
    assertThat(
            TaskListShortcut.tasklistDefault(DEFAULT_ORDER.replace("true}", "false}").getBytes()))
        .contains(false);
    assertThat(TaskListShortcut.tasklistDefault(new byte[0])).contains(false);
    for (String other :
        List.of(
            CAMUNDAS_OWN,
            DEFAULT_ORDER.replace("\"desc\"", "\"asc\""),
            DEFAULT_ORDER.replace("\"processVariables\":[]", "\"processVariables\":[{}]"),
            DEFAULT_ORDER.replace("\"active\":true", "\"active\":\"yes\""),
            DEFAULT_ORDER.replace("\"maxResults\":15", "\"maxResults\":\"15\""),
            "[]",
            "not json")) {
      assertThat(TaskListShortcut.tasklistDefault(other.getBytes())).as(other).isEmpty();
    }
  }

  @Test
  void tasklistsHalPageIsCamundasOwnWithTheWholeListsCount() throws Exception {
    long t = ClockUtil.getCurrentTime().getTime();
    List<String> started = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      ClockUtil.setCurrentTime(new Date(t + i * 60_000L));
      started.add(start(DemoUsers.DRAFTER, "分页 " + i));
    }
    ClockUtil.reset();
    // Tasklist asks for active tasks only: a suspended instance's task is left out of page and
    // count
    engine.getRuntimeService().suspendProcessInstanceById(started.get(3));
    for (String[] list :
        List.of(
            new String[] {DemoUsers.HEAD, TaskFiltersBootstrap.MY_TASKS},
            new String[] {"lina", TaskFiltersBootstrap.ALL_TASKS})) {
      String id = filterId(list[0], list[1]);
      long count = camundaCount(list[0], id);
      assertThat(count).as(list[1]).isGreaterThan(4);
      for (int first : List.of(0, 4)) {
        String page = "/engine-rest/filter/" + id + "/list?firstResult=" + first + "&maxResults=4";
        JsonNode shortcut = hal(page, list[0], DEFAULT_ORDER);
        JsonNode camunda = hal(page, list[0], CAMUNDAS_OWN);
        assertThat(shortcut.get("count").asLong()).as(list[1] + " count").isEqualTo(count);
        assertThat(shortcut).as(list[1] + " page from " + first).isEqualTo(camunda);
        assertThat(instanceIds(shortcut.at("/_embedded/task"))).doesNotContain(started.get(3));
      }
    }
    engine.getRuntimeService().activateProcessInstanceById(started.get(3));
  }

  @Test
  void aFilterThatShowsVariablesIsRenderedByCamundaWithTheWholeListsCount() throws Exception {
    for (int i = 0; i < 5; i++) {
      start(DemoUsers.DRAFTER, "变量列 " + i);
    }
    Filter filter =
        engine
            .getFilterService()
            .createFilterQuery()
            .filterName(TaskFiltersBootstrap.MY_TASKS)
            .singleResult();
    Map<String, Object> before = filter.getProperties();
    Map<String, Object> withVariables = new HashMap<>(before);
    withVariables.put("variables", List.of(Map.of("name", "title", "label", "标题")));
    engine.getFilterService().saveFilter(filter.setProperties(withVariables));
    try {
      String page = "/engine-rest/filter/" + filter.getId() + "/list?firstResult=0&maxResults=2";
      JsonNode shortcut = hal(page, DemoUsers.HEAD, DEFAULT_ORDER);
      JsonNode camunda = hal(page, DemoUsers.HEAD, CAMUNDAS_OWN);
      assertThat(shortcut.get("count").asLong())
          .isEqualTo(camundaCount(DemoUsers.HEAD, filter.getId()))
          .isGreaterThan(2);
      // Camunda's rendering: each task carries the filter's variables (those the user may read)
      assertThat(shortcut.at("/_embedded/task/0/_embedded/variable").isArray())
          .as(shortcut.toString())
          .isTrue();
      assertThat(shortcut).isEqualTo(camunda);
    } finally {
      engine.getFilterService().saveFilter(filter.setProperties(before));
    }
  }

  private JsonNode hal(String path, String user, String body) throws Exception {
    HttpResponse<String> answer =
        http.send(
            http.request(path, user, PASSWORD)
                .header("Content-Type", "application/json")
                .header("Accept", "application/hal+json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    assertThat(answer.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/hal+json");
    return JSON.readTree(answer.body());
  }

  private void assertSameAsCamunda(String user, String filterName) throws Exception {
    String id = filterId(user, filterName);
    long count = camundaCount(user, id);
    JsonNode counted =
        JSON.readTree(
            http.postJson("/engine-rest/filter/" + id + "/count", user, PASSWORD, DEFAULT_ORDER)
                .body());
    assertThat(counted.get("count").asLong()).as(user + " count").isEqualTo(count);
    assertThat(count).as(user + " has tasks").isPositive();
    for (int first = 0; first < count; first += 4) {
      List<String> expected = camundaPage(user, id, first, 4);
      List<String> answered = taskIds(list(user, filterName, first, 4));
      assertThat(answered).as(user + " page from " + first).containsExactlyElementsOf(expected);
    }
  }

  private JsonNode list(String user, String filterName, int first, int max) throws Exception {
    HttpResponse<String> page =
        http.postJson(
            "/engine-rest/filter/"
                + filterId(user, filterName)
                + "/list?firstResult="
                + first
                + "&maxResults="
                + max,
            user,
            PASSWORD,
            DEFAULT_ORDER);
    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    return JSON.readTree(page.body());
  }

  private String filterId(String user, String name) throws Exception {
    return driver.as(
        user,
        () ->
            engine.getFilterService().createFilterQuery().filterName(name).singleResult().getId());
  }

  private List<String> camundaPage(String user, String filterId, int first, int max) {
    return driver.as(
        user,
        () ->
            engine
                .getFilterService()
                .<Task, TaskQuery>listPage(filterId, newestFirst(), first, max)
                .stream()
                .map(Task::getId)
                .toList());
  }

  private long camundaCount(String user, String filterId) {
    return driver.as(user, () -> engine.getFilterService().count(filterId, newestFirst()));
  }

  /** What Tasklist adds to every filter: active tasks, newest first. */
  private TaskQuery newestFirst() {
    return engine.getTaskService().createTaskQuery().active().orderByTaskCreateTime().desc();
  }

  private String start(String user, String title) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("title", "关于" + title + "的通知");
    vars.put("docType", "通知");
    vars.put("mainRecipients", "各处室");
    vars.put("body", "一、要求\n各处室应当按时完成。");
    return driver.start(user, "outgoing_document", vars).getId();
  }

  private static List<String> taskIds(JsonNode tasks) {
    List<String> ids = new ArrayList<>();
    tasks.forEach(task -> ids.add(task.get("id").asText()));
    return ids;
  }

  private static List<String> instanceIds(JsonNode tasks) {
    List<String> ids = new ArrayList<>();
    tasks.forEach(task -> ids.add(task.get("processInstanceId").asText()));
    return ids;
  }
}
