package cn.officeflow.mysql;

import static cn.officeflow.emergency.EmergencyVariables.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.officeflow.emergency.Emergency;
import cn.officeflow.emergency.EmergencyService;
import cn.officeflow.emergency.EmergencyStatus;
import cn.officeflow.platform.archive.ArchiveService;
import cn.officeflow.platform.files.StoredFile;
import cn.officeflow.platform.files.StoredFileService;
import cn.officeflow.support.TestClock;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The 应急 happy path on MariaDB/MySQL: a Ⅰ级 fire with 4-byte characters, a 2 MB photo as evidence (longblob,
 * SHA-256), 人员安全确认 → 双轨行动 → 结案 → 复盘 with an improvement item → the archived ZIP in an intact chain
 * → the owner's 整改 task → done.
 */
class EmergencyOnMysqlTest extends MysqlSpringTestBase {

  @Autowired EmergencyService emergencies;
  @Autowired StoredFileService files;
  @Autowired ArchiveService archive;

  @AfterEach
  void resetClock() {
    TestClock.reset();
  }

  @Test
  void levelOneFireOnTheRealDatabase() {
    TestClock.set("2026-11-23T10:00:00");
    String run = runId();
    Map<String, Object> report = new HashMap<>();
    report.put(DIMENSION, "人员");
    report.put(SCENARIO, "火灾");
    report.put(LOCATION, "𠀀号楼😀三层 " + run);
    report.put(DESCRIPTION, "配电间冒烟，𠀀😀");
    report.put(INJURED, 0L);
    ProcessInstance pi = driver.start("zhangwei", PROCESS_KEY, report);
    String id = pi.getBusinessKey();
    Emergency e = emergencies.emergency(id);
    assertThat(e.level()).isEqualTo("Ⅰ");
    assertThat(e.location()).isEqualTo("𠀀号楼😀三层 " + run);

    byte[] photo = new byte[2 * 1024 * 1024];
    new Random(7).nextBytes(photo);
    StoredFile stored =
        driver.as("zhangwei", () -> files.store(id, "报告", "现场😀.jpg", "image/jpeg", photo));
    assertThat(files.content(id, stored.id())).isEqualTo(photo);

    driver.complete(
        "linfeng",
        pi.getId(),
        TASK_CONFIRM_SAFETY,
        Map.of(INJURED_CONFIRMED, 0L, SAFETY_NOTE, "全员安全𠀀"));
    TestClock.set("2026-11-23T10:40:00");
    driver.complete(
        "zhaomin",
        pi.getId(),
        TASK_ON_SITE,
        Map.of(CHECKLIST, "断电 | 10:05\n疏散 | 10:10\n清点人数 | 10:20", ON_SITE_REPORT, "已扑灭😀"));
    driver.complete("linfeng", pi.getId(), TASK_SUPPORT, Map.of(SUPPORT_REPORT, "119 已到场"));
    assertThat(emergencies.emergency(id).status()).isEqualTo(EmergencyStatus.CLOSED);
    assertThat(engine.getRuntimeService().getVariable(pi.getId(), EVIDENCE_TEXT).toString())
        .contains("现场😀.jpg", stored.sha256());
    driver.complete(
        "linfeng",
        pi.getId(),
        TASK_REVIEW,
        Map.of(LESSONS, "处置及时", IMPROVEMENTS, "配电间加装烟感😀 | zhaomin | 2026-12-31"));
    e = emergencies.emergency(id);
    assertThat(e.archiveEntryId()).isNotNull();
    assertThat(archive.entry(e.archiveEntryId()).fileSize()).isGreaterThan(photo.length);
    assertThat(archive.verify().intact()).isTrue();
    driver.complete("zhaomin", pi.getId(), TASK_IMPROVE, Map.of(IMPROVEMENT_RESULT, "已加装"));
    assertThat(emergencies.emergency(id).status()).isEqualTo(EmergencyStatus.DONE);
  }
}
