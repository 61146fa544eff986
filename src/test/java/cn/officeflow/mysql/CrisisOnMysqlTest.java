package cn.officeflow.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import cn.officeflow.crisis.CrisisCase;
import cn.officeflow.crisis.CrisisService;
import cn.officeflow.crisis.CrisisStatus;
import cn.officeflow.crisis.CrisisStep;
import cn.officeflow.crisis.CrisisVariables;
import cn.officeflow.platform.archive.ArchiveService;
import cn.officeflow.platform.archive.ArchiveSource;
import cn.officeflow.support.TestClock;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A whole 危机公关 on MariaDB/MySQL: 4-byte characters in every text, the 20-minute warning firing on the
 * engine clock, the first response after 24 minutes (met), a 追加回应 loop, the 复盘报告 archived as .docx in an
 * intact chain, and the case with its timeline over /api/crises.
 */
class CrisisOnMysqlTest extends MysqlSpringTestBase {

  @Autowired CrisisService crises;
  @Autowired ArchiveService archive;

  @AfterEach
  void resetClock() {
    TestClock.reset();
  }

  @Test
  void wholeCrisisOnTheRealDatabase() throws Exception {
    String run = runId();
    TestClock.set("2026-12-02T09:00:00");
    Map<String, Object> report = new HashMap<>();
    report.put(CrisisVariables.KEYWORD, "𠀀字😀 " + run);
    report.put(CrisisVariables.SOURCE, "抖音/短视频");
    report.put(CrisisVariables.SUMMARY, "短视频😀称本单位𠀀窗口服务态度差");
    report.put(CrisisVariables.LINK, "https://video.example/v/" + run);
    ProcessInstance pi = driver.start("xuqing", CrisisVariables.PROCESS_KEY, report);
    String id = pi.getBusinessKey();
    assertThat(crises.crisis(id).keyword()).isEqualTo("𠀀字😀 " + run);

    driver.complete(
        "xuqing",
        pi.getId(),
        CrisisVariables.TASK_MONITOR,
        Map.of(CrisisVariables.KEYWORD, "𠀀字😀 " + run, CrisisVariables.SPREAD, "播放 5 万😀，评论 800"));
    driver.complete(
        "xuqing",
        pi.getId(),
        CrisisVariables.TASK_ASSESS,
        Map.of(CrisisVariables.IMPACT_LEVEL, "较大", CrisisVariables.ASSESSMENT, "𠀀 持续扩散"));
    TestClock.set("2026-12-02T09:20:01");
    driver.executeJobs(pi.getId());
    assertThat(crises.crisis(id).warnedAt()).isNotNull();
    assertThat(
            jdbc.sql("select count(*) from of_notification where business_key = :id")
                .param("id", id)
                .query(Long.class)
                .single())
        .isEqualTo(4);
    driver.complete(
        "zhoujie",
        pi.getId(),
        CrisisVariables.TASK_LEGAL,
        Map.of(CrisisVariables.LEGAL_OPINION, "不承认未核实事实😀"));
    driver.complete(
        "xuqing", pi.getId(), CrisisVariables.TASK_BRAND, Map.of(CrisisVariables.DRAFT, "致歉声明𠀀"));
    TestClock.set("2026-12-02T09:23:40");
    driver.complete(
        "xuqing",
        pi.getId(),
        CrisisVariables.TASK_PUBLISH,
        Map.of(CrisisVariables.RESPONSE_TEXT, "致歉声明😀", CrisisVariables.CHANNEL, "官方微博"));
    CrisisCase c = crises.crisis(id);
    assertThat(c.responseMinutes()).isEqualTo(24);
    assertThat(c.withinTarget()).isTrue();
    assertThat(c.escalatedAt()).isNull();
    TestClock.set("2026-12-02T10:00:00");
    assertThat(driver.executeJobs(pi.getId())).isZero();

    driver.complete(
        "xuqing",
        pi.getId(),
        CrisisVariables.TASK_FOLLOW_UP,
        Map.of(
            CrisisVariables.FOLLOW_UP_NOTES,
            "仍有质疑😀",
            CrisisVariables.FOLLOW_UP_RESULT,
            "respond"));
    driver.complete(
        "xuqing",
        pi.getId(),
        CrisisVariables.TASK_FURTHER_RESPONSE,
        Map.of(CrisisVariables.RESPONSE_TEXT, "整改进展𠀀", CrisisVariables.CHANNEL, "微信公众号"));
    driver.complete(
        "xuqing",
        pi.getId(),
        CrisisVariables.TASK_FOLLOW_UP,
        Map.of(CrisisVariables.FOLLOW_UP_NOTES, "已平息", CrisisVariables.FOLLOW_UP_RESULT, "calm"));
    driver.complete(
        "xuqing",
        pi.getId(),
        CrisisVariables.TASK_REVIEW,
        Map.of(CrisisVariables.REVIEW_REPORT, "复盘😀：24 分钟回应，达标𠀀"));
    c = crises.crisis(id);
    assertThat(c.status()).isEqualTo(CrisisStatus.CLOSED);
    assertThat(c.reviewReport()).contains("复盘😀", "𠀀");
    assertThat(crises.steps(id))
        .extracting(CrisisStep::step)
        .containsExactly(
            "REPORT",
            "MONITOR",
            "ASSESS",
            "WARN",
            "LEGAL",
            "DRAFT",
            "PUBLISH",
            "FOLLOW_UP",
            "RESPOND",
            "FOLLOW_UP",
            "REVIEW");
    assertThat(archive.findBySource(ArchiveSource.CRISIS, id)).isPresent();
    assertThat(archive.verify().intact()).isTrue();

    JsonNode detail = getJson("/api/crises/" + id, "wuqiang", "Office@2026");
    assertThat(detail.at("/crisis/keyword").asText()).isEqualTo("𠀀字😀 " + run);
    assertThat(detail.at("/crisis/responseMinutes").asInt()).isEqualTo(24);
    assertThat(detail.at("/crisis/withinTarget").asBoolean()).isTrue();
    assertThat(detail.get("timeline").size()).isEqualTo(11);
  }
}
