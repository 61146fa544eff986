package cn.officeflow.destruction;

import static cn.officeflow.destruction.DocumentDestructionVariables.*;
import static cn.officeflow.platform.archive.ArchiveTestData.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.officeflow.platform.archive.ArchiveEntry;
import cn.officeflow.platform.archive.ArchiveEntryStatus;
import cn.officeflow.platform.archive.ArchiveEvent;
import cn.officeflow.platform.archive.ArchiveEventType;
import cn.officeflow.platform.archive.ArchiveService;
import cn.officeflow.platform.archive.ArchiveTestData;
import cn.officeflow.platform.archive.ChainVerification;
import cn.officeflow.platform.review.Review;
import cn.officeflow.platform.review.ReviewService;
import cn.officeflow.platform.web.ValidationException;
import cn.officeflow.support.ProcessDriver;
import cn.officeflow.support.ProcessTest;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every path of bpmn/document_destruction.bpmn on the real engine (H2): approve → approve → execute, reject
 * at either review, invalid requests and executions refused naming the field with nothing persisted, the
 * entries marked destroyed (never deleted) with the archive chain still intact. Flow-node coverage ≥ 90%.
 */
@ProcessTest
class DocumentDestructionProcessTest {

  static final String CLERK = "lina";
  static final String DIRECTOR = "zhaomin";
  static final String LEADER = "wuqiang";
  static final String WITNESS_A = "zhaomin";
  static final String WITNESS_B = "zhenghua";

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired ArchiveService archive;
  @Autowired DocumentDestructionService destructions;
  @Autowired ReviewService reviews;
  @Autowired JdbcClient jdbc;

  ProcessDriver driver;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    driver = new ProcessDriver(engine);
    ClockUtil.setCurrentTime(
        Date.from(ZonedDateTime.parse("2026-11-23T10:00:00+08:00").toInstant()));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void approvedRequestIsExecutedAndEntriesAreMarkedDestroyedNotDeleted() {
    ArchiveEntry a = archive.archive(entry("待销毁甲"));
    ArchiveEntry b = archive.archive(entry("待销毁乙"));
    ProcessInstance pi = start(request(a.id() + "\n" + b.id()));
    String id = pi.getBusinessKey();
    assertThat(pi).isWaitingAt(TASK_DIRECTOR_REVIEW);
    assertThat(runtime.getVariable(pi.getId(), DESTRUCTION_ID)).isEqualTo(id);
    assertThat((String) runtime.getVariable(pi.getId(), ENTRY_SUMMARY))
        .contains("2026-测试处-内部")
        .contains("待销毁甲")
        .contains("待销毁乙")
        .contains("纸质件未入盒");
    assertThat(runtime.getVariable(pi.getId(), APPLICANT_NAME)).isEqualTo("李娜");
    assertThat(destructions.destruction(id).status()).isEqualTo(DestructionStatus.DIRECTOR_REVIEW);
    assertThat(destructions.destruction(id).entryIds()).containsExactly(a.id(), b.id());

    driver.approve(DIRECTOR, pi.getId(), TASK_DIRECTOR_REVIEW);
    assertThat(pi).isWaitingAt(TASK_LEADER_APPROVAL);
    assertThat(destructions.destruction(id).status()).isEqualTo(DestructionStatus.LEADER_APPROVAL);
    driver.approve(LEADER, pi.getId(), TASK_LEADER_APPROVAL);
    assertThat(pi).isWaitingAt(TASK_EXECUTE_DESTRUCTION);
    assertThat(destructions.destruction(id).status()).isEqualTo(DestructionStatus.EXECUTING);
    Task execute = driver.taskFor(CLERK, pi.getId(), TASK_EXECUTE_DESTRUCTION);
    assertThat((String) engine.getTaskService().getVariable(execute.getId(), "reviewTrail"))
        .contains("赵敏")
        .contains("吴强");

    driver.complete(CLERK, pi.getId(), TASK_EXECUTE_DESTRUCTION, execution("2026-11-23"));
    assertThat(pi).isEnded().hasPassed(END_DESTROYED).hasNotPassed(END_REJECTED);

    Destruction done = destructions.destruction(id);
    assertThat(done.status()).isEqualTo(DestructionStatus.DESTROYED);
    assertThat(done.witness1()).isEqualTo(WITNESS_A);
    assertThat(done.witness1Name()).isEqualTo("赵敏");
    assertThat(done.witness2()).isEqualTo(WITNESS_B);
    assertThat(done.witness2Name()).isEqualTo("郑华");
    assertThat(done.destroyedOn()).isEqualTo(LocalDate.of(2026, 11, 23));
    assertThat(done.method()).isEqualTo("碎纸");
    assertThat(done.executedBy()).isEqualTo(CLERK);
    assertThat(done.applicant()).isEqualTo(CLERK);
    for (ArchiveEntry original : List.of(a, b)) {
      ArchiveEntry destroyed = archive.entry(original.id());
      assertThat(destroyed.status()).isEqualTo(ArchiveEntryStatus.DESTROYED);
      assertThat(destroyed.destructionId()).isEqualTo(id);
      assertThat(destroyed.destroyedOn()).isEqualTo(LocalDate.of(2026, 11, 23));
      assertThat(destroyed.entryHash()).isEqualTo(original.entryHash());
      assertThat(archive.events(original.id()))
          .extracting(ArchiveEvent::type)
          .containsExactly(ArchiveEventType.DESTROYED);
    }
    assertThat(archive.verify()).isEqualTo(ChainVerification.INTACT);
    assertThat(reviews.trail(id))
        .extracting(Review::stepId)
        .containsExactly(TASK_DIRECTOR_REVIEW, TASK_LEADER_APPROVAL);
    assertThat(reviews.trail(id)).extracting(Review::name).containsExactly("赵敏", "吴强");

    // destroyed entries cannot be requested again
    assertThatThrownBy(() -> start(request(a.id())))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("字段 entries")
        .hasMessageContaining("销毁");
  }

  @Test
  void rejectByTheDirectorEndsTheRequestAndReleasesTheEntries() {
    ArchiveEntry a = archive.archive(entry("主任驳回"));
    ProcessInstance pi = start(request(a.id()));
    driver.reject(DIRECTOR, pi.getId(), TASK_DIRECTOR_REVIEW, "保管期限未满，暂不销毁");
    assertThat(pi)
        .isEnded()
        .hasPassed(GATEWAY_REJECT_MERGE, END_REJECTED)
        .hasNotPassed(TASK_LEADER_APPROVAL);
    assertRejected(pi, a, TASK_DIRECTOR_REVIEW, "保管期限未满，暂不销毁");
  }

  @Test
  void rejectByTheLeaderEndsTheRequestAndReleasesTheEntries() {
    ArchiveEntry a = archive.archive(entry("领导驳回"));
    ProcessInstance pi = start(request(a.id()));
    driver.approve(DIRECTOR, pi.getId(), TASK_DIRECTOR_REVIEW);
    driver.reject(LEADER, pi.getId(), TASK_LEADER_APPROVAL, "涉密文件须另行鉴定");
    assertThat(pi).isEnded().hasPassed(END_REJECTED).hasNotPassed(TASK_EXECUTE_DESTRUCTION);
    assertRejected(pi, a, TASK_LEADER_APPROVAL, "涉密文件须另行鉴定");
  }

  @Test
  void rejectWithoutCommentIsRefused() {
    ProcessInstance pi = start(request(archive.archive(entry("无意见驳回")).id()));
    assertThatThrownBy(
            () ->
                driver.complete(
                    DIRECTOR, pi.getId(), TASK_DIRECTOR_REVIEW, Map.of("decision", "reject")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("comment");
    assertThat(pi).isWaitingAt(TASK_DIRECTOR_REVIEW);
    assertThat(reviews.trail(pi.getBusinessKey())).isEmpty();
  }

  @Test
  void entriesCanBeNamedByDocumentNumberAndSeparatedByCommas() {
    String dept = ArchiveTestData.department();
    String number = "测档〔2026〕" + dept.substring(6) + "号";
    ArchiveEntry a = archive.archive(ArchiveTestData.entry(dept, "按文号", number, "机密"));
    ArchiveEntry b = archive.archive(entry("按编号"));
    ProcessInstance pi = start(request(number + "，" + b.id() + ", " + b.id()));
    assertThat(destructions.destruction(pi.getBusinessKey()).entryIds())
        .containsExactly(a.id(), b.id());
    assertThat(runtime.getVariable(pi.getId(), ENTRIES)).isEqualTo(a.id() + "\n" + b.id());
  }

  @Test
  void anEntryInAnOpenRequestCannotBeRequestedAgainUntilThatOneEnds() {
    ArchiveEntry a = archive.archive(entry("重复申请"));
    ProcessInstance first = start(request(a.id()));
    long before = count("of_archive_destruction");
    assertThatThrownBy(() -> start(request(a.id())))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("字段 entries")
        .hasMessageContaining(first.getBusinessKey());
    assertThat(count("of_archive_destruction")).isEqualTo(before);
    driver.reject(DIRECTOR, first.getId(), TASK_DIRECTOR_REVIEW, "合并到下一批");
    assertThat(start(request(a.id()))).isWaitingAt(TASK_DIRECTOR_REVIEW);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "missingEntries",
        "unknownEntry",
        "entriesNotText",
        "missingReason",
        "reasonTooLong",
        "badMethod",
        "missingMethod"
      })
  void invalidRequestIsRefusedNamingTheFieldAndNothingIsPersisted(String kase) {
    ArchiveEntry a = archive.archive(entry("无效申请"));
    Map<String, Object> vars = request(a.id());
    String field =
        switch (kase) {
          case "missingEntries" -> {
            vars.put(ENTRIES, " \n ");
            yield ENTRIES;
          }
          case "unknownEntry" -> {
            vars.put(ENTRIES, a.id() + "\nno-such-entry");
            yield ENTRIES;
          }
          case "entriesNotText" -> {
            vars.put(ENTRIES, 42);
            yield ENTRIES;
          }
          case "missingReason" -> {
            vars.remove(REASON);
            yield REASON;
          }
          case "reasonTooLong" -> {
            vars.put(REASON, "理".repeat(1001));
            yield REASON;
          }
          case "badMethod" -> {
            vars.put(METHOD, "丢弃");
            yield METHOD;
          }
          case "missingMethod" -> {
            vars.remove(METHOD);
            yield METHOD;
          }
          default -> throw new IllegalArgumentException(kase);
        };
    long requests = count("of_archive_destruction");
    long links = count("of_archive_destruction_entry");
    long instances =
        history.createHistoricProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).count();
    assertThatThrownBy(() -> start(vars))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("字段 " + field)
        .satisfies(e -> assertThat(((ValidationException) e).getField()).isEqualTo(field));
    assertThat(count("of_archive_destruction")).isEqualTo(requests);
    assertThat(count("of_archive_destruction_entry")).isEqualTo(links);
    assertThat(
            history.createHistoricProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).count())
        .isEqualTo(instances);
    assertThat(archive.entry(a.id()).status()).isEqualTo(ArchiveEntryStatus.ARCHIVED);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "sameWitnessTwice",
        "unknownWitness",
        "executorAsWitness",
        "missingWitness",
        "futureDate",
        "beforeRequest",
        "malformedDate",
        "otherMethod"
      })
  void invalidExecutionIsRefusedNamingTheFieldAndTheTaskStays(String kase) {
    ArchiveEntry a = archive.archive(entry("无效执行"));
    ProcessInstance pi = start(request(a.id()));
    driver.approve(DIRECTOR, pi.getId(), TASK_DIRECTOR_REVIEW);
    driver.approve(LEADER, pi.getId(), TASK_LEADER_APPROVAL);
    Map<String, Object> vars = execution("2026-11-23");
    String field =
        switch (kase) {
          case "sameWitnessTwice" -> {
            vars.put(WITNESS_2, WITNESS_A);
            yield WITNESS_2;
          }
          case "unknownWitness" -> {
            vars.put(WITNESS_1, "nobody");
            yield WITNESS_1;
          }
          case "executorAsWitness" -> {
            vars.put(WITNESS_1, CLERK);
            yield WITNESS_1;
          }
          case "missingWitness" -> {
            vars.remove(WITNESS_2);
            yield WITNESS_2;
          }
          case "futureDate" -> {
            vars.put(DESTROYED_DATE, "2026-11-24");
            yield DESTROYED_DATE;
          }
          case "beforeRequest" -> {
            vars.put(DESTROYED_DATE, "2026-11-22");
            yield DESTROYED_DATE;
          }
          case "malformedDate" -> {
            vars.put(DESTROYED_DATE, "2026/11/23");
            yield DESTROYED_DATE;
          }
          case "otherMethod" -> {
            vars.put(METHOD, "焚烧");
            yield METHOD;
          }
          default -> throw new IllegalArgumentException(kase);
        };
    assertThatThrownBy(() -> driver.complete(CLERK, pi.getId(), TASK_EXECUTE_DESTRUCTION, vars))
        .isInstanceOf(ValidationException.class)
        .satisfies(e -> assertThat(((ValidationException) e).getField()).isEqualTo(field));
    assertThat(pi).isWaitingAt(TASK_EXECUTE_DESTRUCTION);
    assertThat(archive.entry(a.id()).status()).isEqualTo(ArchiveEntryStatus.ARCHIVED);
    assertThat(archive.events(a.id())).isEmpty();
    assertThat(destructions.destruction(pi.getBusinessKey()).status())
        .isEqualTo(DestructionStatus.EXECUTING);
    assertThat(archive.verify().intact()).isTrue();
  }

  @Test
  void onlyOfficeClerksStartARequestAndOnlyCandidatesSeeTheTasks() {
    ArchiveEntry a = archive.archive(entry("权限"));
    assertThatThrownBy(() -> driver.start("zhangwei", PROCESS_KEY, request(a.id())))
        .isInstanceOf(AuthorizationException.class);
    ProcessInstance pi = start(request(a.id()));
    assertThat(
            driver.as(
                "wuqiang",
                () ->
                    engine
                        .getTaskService()
                        .createTaskQuery()
                        .processInstanceId(pi.getId())
                        .count()))
        .isZero();
    assertThat(
            driver.as(
                DIRECTOR,
                () ->
                    engine
                        .getTaskService()
                        .createTaskQuery()
                        .processInstanceId(pi.getId())
                        .count()))
        .isEqualTo(1);
  }

  // --- helpers

  private void assertRejected(ProcessInstance pi, ArchiveEntry entry, String step, String comment) {
    Destruction rejected = destructions.destruction(pi.getBusinessKey());
    assertThat(rejected.status()).isEqualTo(DestructionStatus.REJECTED);
    assertThat(archive.entry(entry.id()).status()).isEqualTo(ArchiveEntryStatus.ARCHIVED);
    assertThat(archive.events(entry.id())).isEmpty();
    List<Review> trail = reviews.trail(pi.getBusinessKey());
    assertThat(trail)
        .last()
        .satisfies(
            r -> {
              assertThat(r.stepId()).isEqualTo(step);
              assertThat(r.decision()).isEqualTo(Review.REJECT);
              assertThat(r.comment()).isEqualTo(comment);
            });
    // released: the same entry can be requested again
    assertThat(start(request(entry.id()))).isWaitingAt(TASK_DIRECTOR_REVIEW);
  }

  private ProcessInstance start(Map<String, Object> vars) {
    return driver.start(CLERK, PROCESS_KEY, vars);
  }

  private static Map<String, Object> request(String entries) {
    Map<String, Object> vars = new HashMap<>();
    vars.put(ENTRIES, entries);
    vars.put(REASON, "保管期限已满，经鉴定无继续保存价值");
    vars.put(METHOD, "碎纸");
    return vars;
  }

  private static Map<String, Object> execution(String date) {
    Map<String, Object> vars = new HashMap<>();
    vars.put(WITNESS_1, WITNESS_A);
    vars.put(WITNESS_2, WITNESS_B);
    vars.put(DESTROYED_DATE, date);
    vars.put(METHOD, "碎纸");
    return vars;
  }

  private long count(String table) {
    return jdbc.sql("select count(*) from " + table).query(Long.class).single();
  }
}
