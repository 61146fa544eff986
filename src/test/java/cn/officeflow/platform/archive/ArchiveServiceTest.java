package cn.officeflow.platform.archive;

import static cn.officeflow.platform.archive.ArchiveTestData.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.officeflow.outgoing.ArchiveOutgoingDocumentDelegate;
import cn.officeflow.outgoing.OutgoingDocumentVariables;
import cn.officeflow.platform.archive.ChainVerification.Reason;
import cn.officeflow.platform.web.ValidationException;
import cn.officeflow.support.ProcessDriver;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * The archive's hash chain on the real database: links, verification, and tampering done directly in the
 * database (title, file bytes, prev_hash, state, a deleted event) reported at exactly the tampered record.
 * Every tampering is undone afterwards, so the chain is intact for the next test.
 */
// one live engine per JVM: Camunda registers engines by name, and /engine-rest resolves "default"
@DirtiesContext
@SpringBootTest
@ActiveProfiles("test")
class ArchiveServiceTest {

  @Autowired ArchiveService archive;
  @Autowired ArchiveRepository repository;
  @Autowired JdbcClient jdbc;
  @Autowired ProcessEngine engine;

  @BeforeEach
  void setClock() {
    ClockUtil.setCurrentTime(
        Date.from(ZonedDateTime.parse("2026-11-23T10:00:00+08:00").toInstant()));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void entriesFormAChainAndVerifyReportsIntact() {
    ArchiveEntry a = archive.archive(entry("关于印发值班制度的通知"));
    ArchiveEntry b = archive.archive(entry("关于调整办公用房的通知"));
    ArchiveEntry c = archive.archive(entry("关于𠀀字与😀的测试"));

    assertThat(List.of(b.seq(), c.seq())).containsExactly(a.seq() + 1, a.seq() + 2);
    assertThat(b.prevHash()).isEqualTo(a.entryHash());
    assertThat(c.prevHash()).isEqualTo(b.entryHash());
    assertThat(a.entryHash()).matches("[0-9a-f]{64}").isEqualTo(ArchiveChain.entryHash(a));
    assertThat(a.fileSha256()).isEqualTo(ArchiveChain.sha256(archive.content(a.id())));
    assertThat(a.status()).isEqualTo(ArchiveEntryStatus.ARCHIVED);
    assertThat(a.classification()).isEqualTo("2026-测试处-内部");
    assertThat(a.archivedBy()).isEqualTo("system");
    assertThat(repository.find(c.id()).orElseThrow()).isEqualTo(c);
    assertThat(archive.verify()).isEqualTo(ChainVerification.INTACT);
  }

  @Test
  void changedTitleIsReportedAsContentChangedAtThatEntry() {
    ArchiveEntry a = archive.archive(entry("原标题甲"));
    ArchiveEntry b = archive.archive(entry("原标题乙"));
    archive.archive(entry("原标题丙"));
    tampered(
        "update of_archive_entry set title = '篡改后的标题' where id = :id",
        "update of_archive_entry set title = '原标题乙' where id = :id",
        b.id(),
        () -> {
          ChainVerification result = archive.verify();
          assertThat(result.intact()).isFalse();
          assertThat(result.firstBroken().id()).isEqualTo(b.id());
          assertThat(result.firstBroken().seq()).isEqualTo(b.seq());
          assertThat(result.firstBroken().kind()).isEqualTo("ENTRY");
          assertThat(result.firstBroken().reason()).isEqualTo(Reason.CONTENT_CHANGED);
          assertThat(result.firstBroken().title()).isEqualTo("篡改后的标题");
        });
    assertThat(a.seq()).isLessThan(b.seq());
    assertThat(archive.verify().intact()).isTrue();
  }

  @Test
  void changedFileBytesAreReportedAsFileChanged() {
    ArchiveEntry a = archive.archive(entry("文件篡改甲"));
    archive.archive(entry("文件篡改乙"));
    byte[] original = archive.content(a.id());
    jdbc.sql("update of_archive_entry set file_content = :c where id = :id")
        .param("c", "偷换的文件".getBytes(StandardCharsets.UTF_8))
        .param("id", a.id())
        .update();
    try {
      ChainVerification result = archive.verify();
      assertThat(result.intact()).isFalse();
      assertThat(result.firstBroken().id()).isEqualTo(a.id());
      assertThat(result.firstBroken().reason()).isEqualTo(Reason.FILE_CHANGED);
    } finally {
      jdbc.sql("update of_archive_entry set file_content = :c where id = :id")
          .param("c", original)
          .param("id", a.id())
          .update();
    }
    assertThat(archive.verify().intact()).isTrue();
  }

  @Test
  void changedPrevHashIsReportedAsLinkBroken() {
    archive.archive(entry("链接甲"));
    ArchiveEntry b = archive.archive(entry("链接乙"));
    archive.archive(entry("链接丙"));
    tampered(
        "update of_archive_entry set prev_hash = '" + "f".repeat(64) + "' where id = :id",
        "update of_archive_entry set prev_hash = '" + b.prevHash() + "' where id = :id",
        b.id(),
        () -> {
          ChainVerification result = archive.verify();
          assertThat(result.firstBroken().id()).isEqualTo(b.id());
          assertThat(result.firstBroken().reason()).isEqualTo(Reason.LINK_BROKEN);
        });
    assertThat(archive.verify().intact()).isTrue();
  }

  @Test
  void rehashedEntryBreaksTheLinkOfTheNextRecord() {
    ArchiveEntry a = archive.archive(entry("重算甲"));
    ArchiveEntry b = archive.archive(entry("重算乙"));
    tampered(
        "update of_archive_entry set entry_hash = '" + "a".repeat(64) + "' where id = :id",
        "update of_archive_entry set entry_hash = '" + a.entryHash() + "' where id = :id",
        a.id(),
        () -> {
          ChainVerification result = archive.verify();
          // the edited record itself no longer matches its content
          assertThat(result.firstBroken().id()).isEqualTo(a.id());
          assertThat(result.firstBroken().reason()).isEqualTo(Reason.CONTENT_CHANGED);
        });
    assertThat(b.prevHash()).isEqualTo(a.entryHash());
    assertThat(archive.verify().intact()).isTrue();
  }

  @Test
  void chainRewrittenWithFreshHashesIsOnlyFoundAgainstAnOffSiteCopyOfTheHead() {
    archive.archive(entry("链头甲"));
    ArchiveEntry b = archive.archive(entry("链头乙"));
    ChainHead head = archive.head().orElseThrow();
    assertThat(head.seq()).isEqualTo(b.seq());
    assertThat(head.hash()).isEqualTo(b.entryHash());
    assertThat(archive.verify(head)).isEqualTo(ChainVerification.INTACT);
    // someone edits the newest entry and writes a matching hash: the chain alone still looks intact
    jdbc.sql("update of_archive_entry set title = '改写后的标题' where id = :id")
        .param("id", b.id())
        .update();
    String rewritten = ArchiveChain.entryHash(archive.entry(b.id()));
    tampered(
        "update of_archive_entry set entry_hash = '" + rewritten + "' where id = :id",
        "update of_archive_entry set entry_hash = '"
            + b.entryHash()
            + "', title = '"
            + b.title()
            + "' where id = :id",
        b.id(),
        () -> {
          assertThat(archive.verify().intact()).isTrue();
          ChainVerification result = archive.verify(head);
          assertThat(result.intact()).isFalse();
          assertThat(result.firstBroken().id()).isEqualTo(b.id());
          assertThat(result.firstBroken().reason()).isEqualTo(Reason.HEAD_MISMATCH);
          assertThat(
                  archive
                      .verify(new ChainHead(head.seq() + 100, head.hash(), null, null))
                      .firstBroken()
                      .reason())
              .isEqualTo(Reason.HEAD_MISMATCH);
        });
    assertThat(archive.verify(head).intact()).isTrue();
  }

  @Test
  void destroyedEntriesStayAndKeepTheChainIntact() {
    ArchiveEntry a = archive.archive(entry("销毁甲"));
    ArchiveEntry b = archive.archive(entry("销毁乙"));
    archive.markDestroyed(
        List.of(a.id(), b.id()), "destruction-1", LocalDate.of(2026, 11, 23), "碎纸", "lina");
    ArchiveEntry after = archive.archive(entry("销毁后归档"));

    ArchiveEntry destroyed = archive.entry(a.id());
    assertThat(destroyed.status()).isEqualTo(ArchiveEntryStatus.DESTROYED);
    assertThat(destroyed.destroyedOn()).isEqualTo(LocalDate.of(2026, 11, 23));
    assertThat(destroyed.destructionId()).isEqualTo("destruction-1");
    assertThat(destroyed.entryHash()).isEqualTo(a.entryHash());
    assertThat(archive.content(a.id())).isEqualTo(archive.content(a.id())).isNotEmpty();
    List<ArchiveEvent> events = archive.events(a.id());
    assertThat(events)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.type()).isEqualTo(ArchiveEventType.DESTROYED);
              assertThat(e.method()).isEqualTo("碎纸");
              assertThat(e.actor()).isEqualTo("lina");
              assertThat(e.seq()).isEqualTo(b.seq() + 1);
              assertThat(e.prevHash()).isEqualTo(b.entryHash());
            });
    assertThat(after.seq()).isEqualTo(b.seq() + 3);
    assertThat(archive.verify()).isEqualTo(ChainVerification.INTACT);

    assertThatThrownBy(
            () ->
                archive.markDestroyed(
                    List.of(a.id()), "destruction-2", LocalDate.of(2026, 11, 23), "焚烧", "lina"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("已销毁");
  }

  @Test
  void destroyedEntrySetBackToArchivedIsReportedAsStateChanged() {
    ArchiveEntry a = archive.archive(entry("状态甲"));
    archive.markDestroyed(
        List.of(a.id()), "destruction-3", LocalDate.of(2026, 11, 20), "焚烧", "lina");
    tampered(
        "update of_archive_entry set status = 'ARCHIVED', destroyed_on = null, destruction_id = null where id = :id",
        "update of_archive_entry set status = 'DESTROYED', destroyed_on = '2026-11-20', destruction_id = 'destruction-3'"
            + " where id = :id",
        a.id(),
        () -> {
          ChainVerification result = archive.verify();
          assertThat(result.firstBroken().id()).isEqualTo(a.id());
          assertThat(result.firstBroken().reason()).isEqualTo(Reason.STATE_CHANGED);
        });
    assertThat(archive.verify().intact()).isTrue();
  }

  @Test
  void deletedEventIsReportedAtTheRecordAfterIt() {
    ArchiveEntry a = archive.archive(entry("事件甲"));
    archive.updateLocation(a.id(), "2026-办-001", "A-01-03");
    ArchiveEntry b = archive.archive(entry("事件乙"));
    ArchiveEvent event = archive.events(a.id()).get(0);
    jdbc.sql("delete from of_archive_event where id = :id").param("id", event.id()).update();
    try {
      ChainVerification result = archive.verify();
      assertThat(result.firstBroken().id()).isEqualTo(b.id());
      assertThat(result.firstBroken().seq()).isEqualTo(event.seq() + 1);
      assertThat(result.firstBroken().reason()).isEqualTo(Reason.LINK_BROKEN);
    } finally {
      repository.insertEvent(event);
    }
    assertThat(archive.verify().intact()).isTrue();
  }

  @Test
  void changedEventIsReportedAsEvent() {
    ArchiveEntry a = archive.archive(entry("位置甲"));
    archive.updateLocation(a.id(), "2026-办-002", "A-01-04");
    ArchiveEvent event = archive.events(a.id()).get(0);
    jdbc.sql("update of_archive_event set shelf = 'Z-99' where id = :id")
        .param("id", event.id())
        .update();
    try {
      ChainVerification result = archive.verify();
      assertThat(result.firstBroken().id()).isEqualTo(event.id());
      assertThat(result.firstBroken().kind()).isEqualTo("EVENT");
      assertThat(result.firstBroken().entryId()).isEqualTo(a.id());
      assertThat(result.firstBroken().reason()).isEqualTo(Reason.CONTENT_CHANGED);
    } finally {
      jdbc.sql("update of_archive_event set shelf = 'A-01-04' where id = :id")
          .param("id", event.id())
          .update();
    }
    assertThat(archive.verify().intact()).isTrue();
  }

  @Test
  void locationIsFiledAsAChainedEventAndValidated() {
    ArchiveEntry a = archive.archive(entry("入盒"));
    assertThat(a.box()).isNull();
    ArchiveEntry filed = archive.updateLocation(a.id(), " 2026-办-003 ", "B-02-01");
    assertThat(filed.box()).isEqualTo("2026-办-003");
    assertThat(filed.shelf()).isEqualTo("B-02-01");
    ArchiveEntry moved = archive.updateLocation(a.id(), "2026-办-004", "B-02-02");
    assertThat(moved.box()).isEqualTo("2026-办-004");
    assertThat(archive.events(a.id()))
        .extracting(ArchiveEvent::box)
        .containsExactly("2026-办-003", "2026-办-004");
    assertThat(archive.verify().intact()).isTrue();

    assertThatThrownBy(() -> archive.updateLocation(a.id(), " ", "B-1"))
        .isInstanceOf(ValidationException.class)
        .extracting(e -> ((ValidationException) e).getField())
        .isEqualTo("box");
    assertThatThrownBy(() -> archive.updateLocation(a.id(), "1", "x".repeat(51)))
        .isInstanceOf(ValidationException.class)
        .extracting(e -> ((ValidationException) e).getField())
        .isEqualTo("shelf");
    assertThatThrownBy(() -> archive.updateLocation(a.id(), "1", 7))
        .isInstanceOf(ValidationException.class)
        .extracting(e -> ((ValidationException) e).getField())
        .isEqualTo("shelf");
    assertThat(archive.events(a.id())).hasSize(2);
  }

  @Test
  void invalidEntriesAreRefusedNamingTheField() {
    NewArchiveEntry ok = entry("校验");
    assertThatThrownBy(
            () ->
                archive.archive(
                    new NewArchiveEntry(
                        ok.year(),
                        ok.departmentId(),
                        ok.departmentName(),
                        "绝密",
                        ok.source(),
                        ok.sourceId(),
                        ok.title(),
                        null,
                        ok.fileName(),
                        ok.mediaType(),
                        ok.content(),
                        null,
                        null)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("字段 secrecy");
    assertThatThrownBy(
            () ->
                archive.archive(
                    new NewArchiveEntry(
                        ok.year(),
                        ok.departmentId(),
                        ok.departmentName(),
                        ok.secrecy(),
                        ok.source(),
                        ok.sourceId(),
                        " ",
                        null,
                        ok.fileName(),
                        ok.mediaType(),
                        ok.content(),
                        null,
                        null)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("字段 title");
    assertThatThrownBy(
            () ->
                archive.archive(
                    new NewArchiveEntry(
                        ok.year(),
                        ok.departmentId(),
                        ok.departmentName(),
                        ok.secrecy(),
                        ok.source(),
                        ok.sourceId(),
                        ok.title(),
                        null,
                        ok.fileName(),
                        ok.mediaType(),
                        new byte[0],
                        null,
                        null)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("字段 file");
  }

  @Test
  void issuedOutgoingDocumentIsArchivedByTheDelegateOnce() {
    ProcessDriver driver = new ProcessDriver(engine);
    ProcessInstance outgoing =
        driver.start("zhangwei", OutgoingDocumentVariables.PROCESS_KEY, draft());
    driver.approve("liuyang", outgoing.getId(), OutgoingDocumentVariables.TASK_DEPT_REVIEW);
    driver.approve("zhoujie", outgoing.getId(), OutgoingDocumentVariables.TASK_LEGAL_REVIEW);
    driver.approve("wuqiang", outgoing.getId(), OutgoingDocumentVariables.TASK_LEADER_APPROVAL);
    driver.approve("zhenghua", outgoing.getId(), OutgoingDocumentVariables.TASK_PROOF_FORMAT);
    driver.approve("hexin", outgoing.getId(), OutgoingDocumentVariables.TASK_PROOF_WORDING);
    driver.approve("zhenghua", outgoing.getId(), OutgoingDocumentVariables.TASK_PROOF_ATTACHMENTS);
    String documentId = outgoing.getBusinessKey();
    assertThat(
            engine
                .getRuntimeService()
                .createProcessInstanceQuery()
                .processInstanceId(outgoing.getId())
                .count())
        .isZero();

    // the delegate as the 发文 BPMN calls it: ${archiveOutgoingDocumentDelegate} with the variable
    // documentId
    BpmnModelInstance model =
        Bpmn.createExecutableProcess("test_archive_outgoing")
            .name("测试：发文归档")
            .camundaHistoryTimeToLive(180)
            .startEvent()
            .serviceTask("Task_Archive")
            .name("归档")
            .camundaDelegateExpression("${archiveOutgoingDocumentDelegate}")
            .endEvent()
            .done();
    engine
        .getRepositoryService()
        .createDeployment()
        .addModelInstance("test_archive_outgoing.bpmn", model)
        .deploy();
    ProcessInstance pi =
        engine
            .getRuntimeService()
            .startProcessInstanceByKey(
                "test_archive_outgoing",
                Map.of(ArchiveOutgoingDocumentDelegate.DOCUMENT_ID, documentId));
    String entryId =
        (String)
            engine
                .getHistoryService()
                .createHistoricVariableInstanceQuery()
                .processInstanceId(pi.getId())
                .variableName(ArchiveOutgoingDocumentDelegate.ARCHIVE_ENTRY_ID)
                .singleResult()
                .getValue();

    ArchiveEntry entry = archive.entry(entryId);
    String number =
        jdbc.sql("select document_number from of_outgoing_document where id = :id")
            .param("id", documentId)
            .query(String.class)
            .single();
    byte[] docx =
        jdbc.sql("select docx from of_outgoing_document where id = :id")
            .param("id", documentId)
            .query((rs, i) -> rs.getBytes(1))
            .single();
    assertThat(entry.source()).isEqualTo(ArchiveSource.OUTGOING);
    assertThat(entry.sourceId()).isEqualTo(documentId);
    assertThat(entry.documentNumber()).isEqualTo(number).startsWith("行办发〔2026〕");
    assertThat(entry.classification()).isEqualTo("2026-业务处-秘密");
    assertThat(entry.departmentId()).isEqualTo("dept-business");
    assertThat(entry.fileName()).isEqualTo(number + ".docx");
    assertThat(entry.mediaType()).isEqualTo(ArchiveService.DOCX);
    assertThat(entry.fileSha256()).isEqualTo(ArchiveChain.sha256(docx));
    assertThat(archive.content(entryId)).isEqualTo(docx);

    ProcessInstance again =
        engine
            .getRuntimeService()
            .startProcessInstanceByKey(
                "test_archive_outgoing",
                Map.of(ArchiveOutgoingDocumentDelegate.DOCUMENT_ID, documentId));
    assertThat(
            engine
                .getHistoryService()
                .createHistoricVariableInstanceQuery()
                .processInstanceId(again.getId())
                .variableName(ArchiveOutgoingDocumentDelegate.ARCHIVE_ENTRY_ID)
                .singleResult()
                .getValue())
        .as("archived once")
        .isEqualTo(entryId);
    assertThat(archive.findBySource(ArchiveSource.OUTGOING, documentId))
        .map(ArchiveEntry::id)
        .contains(entryId);
    assertThat(archive.verify().intact()).isTrue();
  }

  /** Applies {@code tamper}, runs the checks, and always undoes it with {@code restore}. */
  private void tampered(String tamper, String restore, String id, Runnable checks) {
    jdbc.sql(tamper).param("id", id).update();
    try {
      checks.run();
    } finally {
      jdbc.sql(restore).param("id", id).update();
    }
  }

  private static Map<String, Object> draft() {
    Map<String, Object> vars = new HashMap<>();
    vars.put(OutgoingDocumentVariables.TITLE, "关于做好档案整理工作的通知");
    vars.put(OutgoingDocumentVariables.DOC_TYPE, "通知");
    vars.put(OutgoingDocumentVariables.MAIN_RECIPIENTS, "各处室");
    vars.put(OutgoingDocumentVariables.BODY, "一、总体要求\n各处室应当按年度整理档案。");
    vars.put(OutgoingDocumentVariables.URGENCY, "普通");
    vars.put(OutgoingDocumentVariables.SECRECY, "秘密");
    return vars;
  }
}
