package cn.officeflow.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import cn.officeflow.destruction.DocumentDestructionVariables;
import cn.officeflow.platform.archive.ArchiveChain;
import cn.officeflow.platform.archive.ArchiveEntry;
import cn.officeflow.platform.archive.ArchiveEntryStatus;
import cn.officeflow.platform.archive.ArchiveService;
import cn.officeflow.platform.archive.ArchiveSource;
import cn.officeflow.platform.archive.ChainVerification;
import cn.officeflow.platform.archive.NewArchiveEntry;
import cn.officeflow.platform.engine.EngineClock;
import cn.officeflow.support.ProcessDriver;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The archive's hash chain on MariaDB/MySQL: hashes survive the round trip (datetime without fractional
 * seconds, date, longblob, 4-byte characters), tampering is reported, and a destruction run through the
 * process keeps the chain intact and the entries in place.
 */
class ArchiveChainOnMysqlTest extends MysqlSpringTestBase {

  @Autowired ArchiveService archive;

  @Test
  void chainVerifiesTamperingIsFoundAndDestructionKeepsItIntact() throws Exception {
    String run = runId();
    ArchiveEntry a = archive.archive(entry("关于𠀀字😀档案的通知 " + run));
    ArchiveEntry b = archive.archive(entry("关于档案整理的通知 " + run));
    assertThat(archive.entry(a.id()).entryHash())
        .isEqualTo(ArchiveChain.entryHash(archive.entry(a.id())));
    assertThat(archive.entry(a.id()).title()).isEqualTo(a.title());
    assertThat(archive.verify()).isEqualTo(ChainVerification.INTACT);

    jdbc.sql("update of_archive_entry set title = 'x' where id = :id").param("id", a.id()).update();
    try {
      ChainVerification broken = archive.verify();
      assertThat(broken.firstBroken().id()).isEqualTo(a.id());
      assertThat(broken.firstBroken().reason()).isEqualTo(ChainVerification.Reason.CONTENT_CHANGED);
    } finally {
      jdbc.sql("update of_archive_entry set title = :t where id = :id")
          .param("t", a.title())
          .param("id", a.id())
          .update();
    }

    ProcessDriver process = new ProcessDriver(engine);
    ProcessInstance pi =
        process.start(
            "lina",
            DocumentDestructionVariables.PROCESS_KEY,
            Map.of(
                DocumentDestructionVariables.ENTRIES, a.id() + "\n" + b.id(),
                DocumentDestructionVariables.REASON, "保管期限已满",
                DocumentDestructionVariables.METHOD, "焚烧"));
    process.approve("zhaomin", pi.getId(), DocumentDestructionVariables.TASK_DIRECTOR_REVIEW);
    process.approve("wuqiang", pi.getId(), DocumentDestructionVariables.TASK_LEADER_APPROVAL);
    process.complete(
        "lina",
        pi.getId(),
        DocumentDestructionVariables.TASK_EXECUTE_DESTRUCTION,
        Map.of(
            DocumentDestructionVariables.WITNESS_1, "zhaomin",
            DocumentDestructionVariables.WITNESS_2, "zhenghua",
            DocumentDestructionVariables.DESTROYED_DATE, EngineClock.today().toString(),
            DocumentDestructionVariables.METHOD, "焚烧"));
    assertThat(archive.entry(a.id()).status()).isEqualTo(ArchiveEntryStatus.DESTROYED);
    assertThat(archive.entry(b.id()).status()).isEqualTo(ArchiveEntryStatus.DESTROYED);
    assertThat(archive.verify()).isEqualTo(ChainVerification.INTACT);
    assertThat(
            getJson("/api/archive/verify", "qianyu", TestDatabase.DEMO_PASSWORD)
                .get("intact")
                .asBoolean())
        .isTrue();
  }

  /** An incoming document as an archive entry (also used by {@link BackupRestoreOnMysqlTest}). */
  static NewArchiveEntry entry(String title) {
    byte[] content = (title + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
    return new NewArchiveEntry(
        2026,
        "dept-office",
        "办公室",
        "内部",
        ArchiveSource.INCOMING,
        UUID.randomUUID().toString(),
        title,
        null,
        "来文.pdf",
        "application/pdf",
        content,
        null,
        null);
  }
}
