package cn.officeflow.crisis;

import static cn.officeflow.crisis.CrisisVariables.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.officeflow.support.ProcessDriver;
import cn.officeflow.support.TestClock;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * The real pair, through the engine only (no Java import of the emergency package): a 声誉 case reported
 * by the 舆情监测 system's EmergencyReported message runs emergency_response, whose CallActivity_CrisisPr
 * starts the real crisis_pr with the contract's variables; crisis_pr's timers count from the emergency's
 * reportedAt, and its first response's minutes come back as crisisResponseMinutes. Not a {@code
 * ProcessTest}: emergency_response's coverage is its own tests' business.
 */
@SpringBootTest
@ActiveProfiles("test")
@DirtiesContext
class CrisisFromEmergencyTest {

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired CrisisService crises;
  @Autowired JdbcClient jdbc;

  @AfterEach
  void resetClock() {
    TestClock.reset();
  }

  @Test
  void aReputationEmergencyRunsTheRealCrisisPrAndGetsItsMinutesBack() {
    ProcessDriver driver = new ProcessDriver(engine);
    TestClock.set("2026-12-01T10:00:00");
    Map<String, Object> report = new HashMap<>();
    report.put("dimension", "声誉");
    report.put(SCENARIO, "舆情发酵");
    report.put(LOCATION, "网络");
    report.put(DESCRIPTION, "短视频平台出现本单位负面视频，转发量快速上升");
    report.put("injured", 0);
    ProcessInstance emergency =
        driver.as(
            "yuqing",
            () ->
                runtime
                    .createMessageCorrelation("EmergencyReported")
                    .setVariables(report)
                    .correlateStartMessage());
    driver.executeJobs(emergency.getId());
    TestClock.set("2026-12-01T10:03:00");
    driver.complete(
        "linfeng",
        emergency.getId(),
        "Task_ConfirmPersonnelSafety",
        Map.of("injuredConfirmed", 0, "safetyNote", "无人员伤亡"));
    ProcessInstance pi =
        runtime
            .createProcessInstanceQuery()
            .processDefinitionKey(PROCESS_KEY)
            .superProcessInstanceId(emergency.getId())
            .singleResult();
    assertThat(pi).as("crisis_pr called").isNotNull();
    CrisisCase c = crises.crisis(pi.getBusinessKey());
    assertThat(c.origin()).isEqualTo(CrisisOrigin.EMERGENCY);
    assertThat(c.emergencyId()).isEqualTo(emergency.getBusinessKey());
    assertThat(c.emergencyLevel()).isEqualTo("Ⅱ");
    assertThat(c.keyword()).isEqualTo("舆情发酵");
    assertThat(c.reportedAt()).isEqualTo(LocalDateTime.of(2026, 12, 1, 10, 0));

    TestClock.set("2026-12-01T10:05:00");
    driver.complete("xuqing", pi.getId(), TASK_MONITOR, Map.of(KEYWORD, "舆情发酵", SPREAD, "转发 3000"));
    driver.complete(
        "xuqing", pi.getId(), TASK_ASSESS, Map.of(IMPACT_LEVEL, "较大", ASSESSMENT, "持续扩散"));
    driver.complete("luomin", pi.getId(), TASK_LEGAL, Map.of(LEGAL_OPINION, "如实说明，不作未核实承诺"));
    driver.complete("xuqing", pi.getId(), TASK_BRAND, Map.of(DRAFT, "情况说明"));
    TestClock.set("2026-12-01T10:17:20");
    driver.complete(
        "xuqing", pi.getId(), TASK_PUBLISH, Map.of(RESPONSE_TEXT, "情况说明", CHANNEL, "官方微博"));
    assertThat(crises.crisis(pi.getBusinessKey()).responseMinutes()).isEqualTo(18);
    driver.complete(
        "xuqing",
        pi.getId(),
        TASK_FOLLOW_UP,
        Map.of(FOLLOW_UP_NOTES, "已平息", FOLLOW_UP_RESULT, "calm"));
    driver.complete("xuqing", pi.getId(), TASK_REVIEW, Map.of(REVIEW_REPORT, "18 分钟首次回应，达标。"));
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).count()).isZero();

    assertThat(runtime.getVariable(emergency.getId(), RESPONSE_MINUTES)).isEqualTo(18L);
    assertThat(
            jdbc.sql("select crisis_response_minutes from of_emergency where id = :id")
                .param("id", emergency.getBusinessKey())
                .query(Long.class)
                .single())
        .isEqualTo(18L);
  }
}
