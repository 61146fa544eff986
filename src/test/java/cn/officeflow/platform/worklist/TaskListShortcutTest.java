package cn.officeflow.platform.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import cn.officeflow.platform.security.TaskFiltersBootstrap;
import cn.officeflow.support.DemoUsers;
import cn.officeflow.support.Http;
import cn.officeflow.support.HttpTest;
import cn.officeflow.support.ProcessDriver;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
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
  static final String DEFAULT_ORDER =
      "{\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}],"
          + "\"processVariables\":[],\"taskVariables\":[],\"caseInstanceVariables\":[]}";

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

  /** What Tasklist adds to every filter: newest first. */
  private TaskQuery newestFirst() {
    return engine.getTaskService().createTaskQuery().orderByTaskCreateTime().desc();
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
