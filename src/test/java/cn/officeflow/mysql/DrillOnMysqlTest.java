package cn.officeflow.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.officeflow.drill.Drill;
import cn.officeflow.drill.DrillRepository;
import cn.officeflow.drill.DrillService;
import cn.officeflow.drill.DrillStatus;
import cn.officeflow.drill.DrillVariables;
import cn.officeflow.drill.Quarter;
import cn.officeflow.platform.engine.EngineClock;
import cn.officeflow.support.ProcessDriver;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The happy path of 应急演练 on MariaDB/MySQL: a manual start by emergency-command, 计划 with 4-byte characters,
 * 双提醒 to all staff, 实施 with a participant list, 评估 with two improvement items, both 整改 tasks done; the rows,
 * the review trail and GET /api/emergencies/drills/{id} read back from the real database, and a quarter check row.
 */
class DrillOnMysqlTest extends MysqlSpringTestBase {

  static final String COMMAND = "linfeng";

  @Autowired DrillService drills;
  @Autowired DrillRepository repository;
  @Autowired PlatformTransactionManager transactions;

  @Test
  void wholeDrillOnTheRealDatabase() throws Exception {
    BpmnAwareTests.init(engine);
    ProcessDriver process = new ProcessDriver(engine);
    String run = runId();
    LocalDate today = EngineClock.today();
    ProcessInstance pi =
        process.start(
            COMMAND,
            DrillVariables.PROCESS_KEY,
            Map.of(DrillVariables.DRILL_TYPE, "消防", DrillVariables.REASON, "补做演练 𠀀😀 " + run));
    String id =
        engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processInstanceId(pi.getId())
            .singleResult()
            .getBusinessKey();
    assertThat(pi).isWaitingAt(DrillVariables.TASK_PLAN);

    Map<String, Object> plan = new HashMap<>();
    plan.put(DrillVariables.DRILL_TYPE, "消防");
    plan.put(DrillVariables.PLANNED_DATE, today.toString());
    plan.put(DrillVariables.PLANNED_TIME, "16:30");
    plan.put(DrillVariables.PLACE, "𠀀楼三层 " + run);
    plan.put(DrillVariables.SCENARIO, "茶水间起火😀，烟雾蔓延至走廊");
    plan.put(DrillVariables.ORGANISER, "zhangwei");
    long began = System.nanoTime();
    process.complete(COMMAND, pi.getId(), DrillVariables.TASK_PLAN, plan);
    long planMillis = (System.nanoTime() - began) / 1_000_000;
    long notices =
        jdbc.sql("select count(*) from of_notification where business_key = :id")
            .param("id", id)
            .query(Long.class)
            .single();
    assertThat(notices).isGreaterThan(20).isEven();
    System.out.println(
        "measured: 演练计划提交（含 " + notices + " 条邮件/短信通知记录及其投递实例）在 MariaDB 上用时 " + planMillis + " ms");

    Map<String, Object> conduct = new HashMap<>();
    conduct.put(DrillVariables.PARTICIPANTS, "张伟\n刘洋\n𠀀明");
    conduct.put(DrillVariables.EVACUATION_SECONDS, 185L);
    conduct.put(DrillVariables.HEADCOUNT_EXPECTED, 3L);
    conduct.put(DrillVariables.HEADCOUNT_PRESENT, 3L);
    conduct.put(DrillVariables.HEADCOUNT_SECONDS, 40L);
    conduct.put(DrillVariables.ISSUES, "疏散指示灯不亮😀");
    process.complete("zhangwei", pi.getId(), DrillVariables.TASK_CONDUCT, conduct);

    Map<String, Object> evaluation = new HashMap<>();
    evaluation.put("decision", "approve");
    evaluation.put("comment", "组织有序");
    LocalDate due = today.plusDays(30);
    evaluation.put(
        DrillVariables.IMPROVEMENT_ITEMS,
        "更换𠀀号疏散指示灯 | machao | " + due + "\n补训 | zhangwei | " + due);
    process.complete(COMMAND, pi.getId(), DrillVariables.TASK_EVALUATE, evaluation);
    assertThat(drills.drill(id).status()).isEqualTo(DrillStatus.IMPROVING);
    process.complete(
        "machao",
        pi.getId(),
        DrillVariables.TASK_IMPROVE,
        Map.of(DrillVariables.IMPROVEMENT_RESULT, "已更换😀"));
    process.complete(
        "zhangwei",
        pi.getId(),
        DrillVariables.TASK_IMPROVE,
        Map.of(DrillVariables.IMPROVEMENT_RESULT, "已补训"));
    assertThat(pi).isEnded();

    Drill drill = drills.drill(id);
    assertThat(drill.status()).isEqualTo(DrillStatus.DONE);
    assertThat(drill.reason()).isEqualTo("补做演练 𠀀😀 " + run);
    assertThat(drill.place()).isEqualTo("𠀀楼三层 " + run);
    assertThat(drill.participantCount()).isEqualTo(3);
    assertThat(drill.participants()).contains("𠀀明");
    assertThat(drill.evacuationSeconds()).isEqualTo(185);
    assertThat(drill.plannedDate()).isEqualTo(today);
    assertThat(drill.quarter()).isEqualTo(Quarter.of(today).toString());
    assertThat(drills.items(id))
        .extracting(DrillRepository.ImprovementRow::result)
        .containsExactly("已更换😀", "已补训");
    assertThat(drills.items(id).get(0).due()).isEqualTo(due);

    byte[] body = get("/api/emergencies/drills/" + id, COMMAND, "Office@2026").body();
    JsonNode view = new ObjectMapper().readTree(new String(body, StandardCharsets.UTF_8));
    assertThat(view.get("status").asText()).isEqualTo("DONE");
    assertThat(view.get("issues").asText()).isEqualTo("疏散指示灯不亮😀");
    assertThat(view.get("improvementItems")).hasSize(2);
    JsonNode all =
        new ObjectMapper()
            .readTree(
                new String(
                    get("/api/emergencies/drills", "wuqiang", "Office@2026").body(),
                    StandardCharsets.UTF_8));
    assertThat(all.get("quarters").get(0).get("coverage").asText()).isEqualTo("COVERED");

    // a quarter check row reads back (rolled back: the shared database keeps no test quarter)
    new TransactionTemplate(transactions)
        .executeWithoutResult(
            status -> {
              Quarter old = new Quarter(1999, 1);
              repository.insertCheck(
                  new DrillRepository.QuarterCheck(
                      old.toString(),
                      LocalDateTime.now(),
                      false,
                      0,
                      0,
                      "hanbing,wuqiang",
                      "test-" + run));
              assertThat(repository.checks())
                  .filteredOn(c -> c.quarter().equals("1999Q1"))
                  .extracting(DrillRepository.QuarterCheck::reportedTo)
                  .containsExactly("hanbing,wuqiang");
              status.setRollbackOnly();
            });
    assertThat(repository.hasCheck(new Quarter(1999, 1))).isFalse();
  }
}
