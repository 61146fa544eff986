package cn.officeflow.incoming;

import static cn.officeflow.incoming.IncomingDocumentVariables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.officeflow.platform.archive.ArchiveChain;
import cn.officeflow.platform.archive.ArchiveEntry;
import cn.officeflow.platform.archive.ArchiveService;
import cn.officeflow.platform.archive.ArchiveSource;
import cn.officeflow.platform.review.Review;
import cn.officeflow.platform.review.ReviewService;
import cn.officeflow.platform.web.ValidationException;
import cn.officeflow.supervision.Light;
import cn.officeflow.supervision.SupervisionItem;
import cn.officeflow.supervision.SupervisionService;
import cn.officeflow.supervision.SupervisionVariables;
import cn.officeflow.support.ProcessDriver;
import cn.officeflow.support.ProcessTest;
import cn.officeflow.support.TestClock;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every path of bpmn/incoming_document.bpmn on the real engine (H2) with the engine clock: 登记 with the
 * duplicate warning and gapless 收文编号, 扫描件 with SHA-256, 拟办 defaults by urgency, 批示 changing the
 * proposal and adding 传阅, the called 督办 with 协办 in parallel (办结 refused until every 协办意见 is in), a red
 * light escalated to the 分管领导, 阅知 with and without 传阅, 归档 into the hash chain; invalid input refused
 * naming the field with nothing persisted. Flow-node coverage ≥ 90%.
 */
@ProcessTest
class IncomingDocumentProcessTest {

  static final String CLERK = "lina";
  static final String DIRECTOR = "zhaomin";
  static final String LEADER = "wuqiang";
  static final String OTHER_LEADER = "hanbing";

  /** 业务处: 部门负责人 刘洋, 分管领导 孙丽, 科员 张伟. */
  static final String BUSINESS = "dept-business";

  static final String BUSINESS_HEAD = "liuyang";
  static final String DEPUTY = "sunli";
  static final String HANDLER = "zhangwei";
  static final String FINANCE = "dept-finance";
  static final String FINANCE_HEAD = "wangfang";

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired IncomingDocumentService service;
  @Autowired IncomingDocumentRepository documents;
  @Autowired SupervisionService supervision;
  @Autowired ReviewService reviews;
  @Autowired ArchiveService archive;
  @Autowired JdbcClient jdbc;

  ProcessDriver driver;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    driver = new ProcessDriver(engine);
    clock("2026-11-23T10:00:00");
  }

  @AfterEach
  void resetClock() {
    TestClock.reset();
  }

  @Test
  void handledWithAssistingDepartmentAndCirculationThenArchived() throws IOException {
    ProcessInstance pi = register(letter("关于开展2026年度安全生产检查的通知", "市应急管理局", "市应急发〔2026〕31号", "特急"));
    String id = pi.getBusinessKey();
    IncomingDocument d = service.document(id);
    assertThat(d.receiptNumber()).isEqualTo("收文〔2026〕" + d.receiptSeq() + "号");
    assertThat(d.status()).isEqualTo(IncomingStatus.REGISTERED);
    assertThat(d.registeredByName()).isEqualTo("李娜");
    assertThat(pi).isWaitingAt(TASK_SCAN).task().isAssignedTo(CLERK);
    // the 拟办 form starts from the default for 特急: 1 working day
    assertThat(runtime.getVariable(pi.getId(), DEADLINE_DAYS)).isEqualTo(1L);

    byte[] scan = "%PDF-1.4 扫描件".getBytes(StandardCharsets.UTF_8);
    List<IncomingAttachment> stored =
        driver.as(
            CLERK,
            () ->
                service.upload(
                    id,
                    List.of(
                        new IncomingDocumentService.Upload(
                            "C:\\扫描\\市应急发31号.pdf", "application/pdf", scan),
                        new IncomingDocumentService.Upload(
                            "检查表.xlsx", null, new byte[] {1, 2, 3}))));
    assertThat(stored)
        .extracting(IncomingAttachment::fileName)
        .containsExactly("市应急发31号.pdf", "检查表.xlsx");
    assertThat(stored.get(0).sha256()).isEqualTo(ArchiveChain.sha256(scan));
    assertThat(stored.get(1).mediaType()).isEqualTo("application/octet-stream");
    // 「已上传附件」 of the scan form follows the upload at once (not only when the task ends)
    assertThat((String) runtime.getVariable(pi.getId(), ATTACHMENT_TEXT))
        .contains("1. 市应急发31号.pdf", "2. 检查表.xlsx");

    assertThat(notifications(id)).isEmpty();
    driver.complete(CLERK, pi.getId(), TASK_SCAN, Map.of());
    assertThat(pi).isWaitingAt(TASK_PROPOSE);
    assertThat(service.document(id).status()).isEqualTo(IncomingStatus.PROPOSING);
    // 特急: the office director gets 双提醒 as soon as the 收文 waits for 拟办
    assertThat(notifications(id)).containsExactlyInAnyOrder(DIRECTOR + "/MAIL", DIRECTOR + "/SMS");
    assertThat((String) runtime.getVariable(pi.getId(), ATTACHMENT_TEXT))
        .contains("1. 市应急发31号.pdf", "2. 检查表.xlsx");
    // files are fixed once the 收文 went to 拟办
    assertThatThrownBy(
            () ->
                driver.as(
                    CLERK,
                    () ->
                        service.upload(
                            id,
                            List.of(
                                new IncomingDocumentService.Upload(
                                    "补充.pdf", "application/pdf", scan)))))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("file");

    Map<String, Object> proposal = new HashMap<>();
    proposal.put(HANDLING, "办理");
    proposal.put(LEAD_DEPARTMENT, BUSINESS);
    proposal.put(ASSISTING_DEPARTMENTS, "[\"" + FINANCE + "\"]");
    proposal.put(PROPOSAL, "拟请业务处牵头组织检查，财务处配合保障经费。");
    driver.complete(DIRECTOR, pi.getId(), TASK_PROPOSE, proposal);
    assertThat(pi).isWaitingAt(TASK_INSTRUCT);
    d = service.document(id);
    assertThat(d.status()).isEqualTo(IncomingStatus.INSTRUCTING);
    assertThat(d.leadDepartmentName()).isEqualTo("业务处");
    assertThat(d.assistingDepartmentIds()).containsExactly(FINANCE);
    assertThat(d.deadlineDays()).isEqualTo(1);
    assertThat((String) runtime.getVariable(pi.getId(), PROPOSAL_TEXT))
        .startsWith("赵敏（2026-11-23 10:00）：办理：业务处主办，财务处协办，1 个工作日");
    assertThat(candidateGroups(pi, TASK_INSTRUCT)).containsExactly("leaders");

    // the leader extends the deadline to 3 working days and circulates to the other leader (and to
    // himself: dropped)
    Map<String, Object> instruction = new HashMap<>(proposal);
    instruction.remove(
        PROPOSAL); // the 批示 form shows the proposal read-only: it is not the leader's to send
    instruction.put(DEADLINE_DAYS, 3L);
    instruction.put(INSTRUCTION, "同意拟办意见，请业务处认真组织，限期办结。");
    instruction.put(CIRCULATE_TO, "[\"" + OTHER_LEADER + "\",\"" + LEADER + "\"]");
    driver.complete(LEADER, pi.getId(), TASK_INSTRUCT, instruction);
    d = service.document(id);
    assertThat(d.status()).isEqualTo(IncomingStatus.HANDLING);
    assertThat(d.deadlineDays()).isEqualTo(3);
    assertThat(d.instructedByName()).isEqualTo("吴强");
    assertThat(d.circulateToIds()).containsExactly(OTHER_LEADER);
    assertThat(pi).isWaitingAt(CALL_SUPERVISION, TASK_CIRCULATE);

    // the called 督办: 3 working days from Mon 23 Nov → Thu 26 Nov
    ProcessInstance sub = supervisionInstance(pi);
    SupervisionItem item = supervision.itemForIncoming(id).orElseThrow();
    assertThat(sub.getBusinessKey()).isEqualTo(item.id());
    assertThat(item.title()).isEqualTo("【" + d.receiptNumber() + "】关于开展2026年度安全生产检查的通知");
    assertThat(item.basis()).contains("市应急管理局 市应急发〔2026〕31号", "吴强批示：同意拟办意见");
    assertThat(item.department()).isEqualTo(BUSINESS);
    assertThat(item.assistingDepartmentIds()).containsExactly(FINANCE);
    assertThat(item.due()).isEqualTo(LocalDate.of(2026, 11, 26));
    assertThat(item.initiatorName()).isEqualTo("赵敏");
    assertThat(item.incomingDocumentId()).isEqualTo(id);

    driver.complete(
        BUSINESS_HEAD,
        sub.getId(),
        SupervisionVariables.TASK_ASSIGN,
        Map.of(SupervisionVariables.HANDLER, HANDLER));
    assertThat(sub).isWaitingAt(SupervisionVariables.TASK_HANDLE, SupervisionVariables.TASK_ASSIST);
    assertThat(candidates(sub, SupervisionVariables.TASK_ASSIST)).containsExactly(FINANCE_HEAD);
    // 办结 before the 协办意见 is in: refused naming the field, nothing recorded
    assertThatThrownBy(
            () ->
                driver.complete(
                    HANDLER,
                    sub.getId(),
                    SupervisionVariables.TASK_HANDLE,
                    Map.of(
                        SupervisionVariables.PROGRESS,
                        "检查已完成",
                        SupervisionVariables.FINISHED,
                        true)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("finished")
        .hasMessageContaining("财务处");
    assertThat(supervision.feedback(item.id())).isEmpty();
    driver.complete(
        HANDLER,
        sub.getId(),
        SupervisionVariables.TASK_HANDLE,
        Map.of(SupervisionVariables.PROGRESS, "已制定检查方案", SupervisionVariables.FINISHED, false));
    assertThatThrownBy(
            () ->
                driver.complete(
                    FINANCE_HEAD,
                    sub.getId(),
                    SupervisionVariables.TASK_ASSIST,
                    Map.of(SupervisionVariables.OPINION, " ")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("opinion");
    driver.complete(
        FINANCE_HEAD,
        sub.getId(),
        SupervisionVariables.TASK_ASSIST,
        Map.of(SupervisionVariables.OPINION, "检查经费 2 万元已落实"));
    assertThat((String) runtime.getVariable(sub.getId(), SupervisionVariables.ASSIST_TEXT))
        .contains("财务处 王芳：检查经费 2 万元已落实");
    driver.complete(
        HANDLER,
        sub.getId(),
        SupervisionVariables.TASK_HANDLE,
        Map.of(
            SupervisionVariables.PROGRESS,
            "检查完成，发现隐患 3 处，均已整改",
            SupervisionVariables.FINISHED,
            true));
    driver.approve(DIRECTOR, sub.getId(), SupervisionVariables.TASK_INSPECT);
    driver.complete(
        DIRECTOR,
        sub.getId(),
        SupervisionVariables.TASK_ASSESS,
        Map.of(SupervisionVariables.SCORE, 95L, SupervisionVariables.REMARKS, "按期办结"));
    assertThat(sub).isEnded();
    // the 传阅 still open: 归档 waits for it
    assertThat(pi).isWaitingAt(TASK_CIRCULATE);
    assertThat(runtime.getVariable(pi.getId(), SUPERVISION_ITEM_ID)).isEqualTo(item.id());
    driver.complete(OTHER_LEADER, pi.getId(), TASK_CIRCULATE, Map.of(READ_COMMENT, "已阅，注意安全。"));
    assertThat(pi).isWaitingAt(TASK_ARCHIVE);
    assertThat(service.document(id).status()).isEqualTo(IncomingStatus.ARCHIVING);
    assertThat((String) runtime.getVariable(pi.getId(), HANDLING_TEXT))
        .contains("承办人：张伟", "办结报告", "检查完成，发现隐患 3 处", "协办意见（财务处 王芳）", "考核：95 分");

    driver.complete(CLERK, pi.getId(), TASK_ARCHIVE, Map.of(BOX, "2026-收-01", SHELF, "A-3"));
    assertThat(pi).isEnded().hasPassed(END_ARCHIVED);
    d = service.document(id);
    assertThat(d.status()).isEqualTo(IncomingStatus.ARCHIVED);
    assertThat(d.supervisionItemId()).isEqualTo(item.id());
    ArchiveEntry entry = archive.entry(d.archiveEntryId());
    assertThat(entry.source()).isEqualTo(ArchiveSource.INCOMING);
    assertThat(entry.classification()).contains("2026", "业务处", "公开");
    assertThat(entry.documentNumber()).isEqualTo(d.receiptNumber());
    assertThat(entry.box()).isEqualTo("2026-收-01");
    assertThat(archive.verify().intact()).isTrue();
    Map<String, byte[]> zip = unzip(archive.content(entry.id()));
    assertThat(zip.keySet()).containsExactly("收文处理笺.html", "附件/01-市应急发31号.pdf", "附件/02-检查表.xlsx");
    assertThat(zip.get("附件/01-市应急发31号.pdf")).isEqualTo(scan);
    String slip = new String(zip.get("收文处理笺.html"), StandardCharsets.UTF_8);
    assertThat(slip)
        .contains(
            d.receiptNumber(),
            "市应急管理局",
            "拟请业务处牵头",
            "同意拟办意见",
            "已阅，注意安全。",
            "检查经费 2 万元已落实",
            "考核：95 分",
            ArchiveChain.sha256(scan));

    assertThat(reviews.trail(id))
        .extracting(Review::stepId, Review::name, Review::decision)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(TASK_PROPOSE, "赵敏", Review.PROPOSE),
            org.assertj.core.groups.Tuple.tuple(TASK_INSTRUCT, "吴强", Review.INSTRUCT),
            org.assertj.core.groups.Tuple.tuple(TASK_CIRCULATE, "韩冰", Review.READ));
  }

  @Test
  void overdueHandlingTurnsRedAndEscalatesToTheDeputyLeader() {
    clock("2026-09-30T09:00:00");
    ProcessInstance pi = register(letter("关于报送国庆假期值班安排的通知", "市政府办公室", "市政办电〔2026〕88号", "特急"));
    String id = pi.getBusinessKey();
    scanAndPropose(pi, id, BUSINESS, null);
    driver.complete(LEADER, pi.getId(), TASK_INSTRUCT, Map.of(INSTRUCTION, "请业务处按时报送。"));
    SupervisionItem item = supervision.itemForIncoming(id).orElseThrow();
    // 特急: 1 working day from Wed 30 Sep, across 国庆 (1–7 Oct off): Thu 8 Oct; yellow at 1 day too
    assertThat(item.due()).isEqualTo(LocalDate.of(2026, 10, 8));
    ProcessInstance sub = supervisionInstance(pi);
    driver.complete(
        BUSINESS_HEAD,
        sub.getId(),
        SupervisionVariables.TASK_ASSIGN,
        Map.of(SupervisionVariables.HANDLER, HANDLER));
    clock("2026-10-08T09:00:01");
    driver.executeJobs(sub.getId());
    item = supervision.item(item.id());
    assertThat(item.light()).isEqualTo(Light.RED);
    assertThat(candidates(sub, SupervisionVariables.TASK_ESCALATION)).containsExactly(DEPUTY);
    assertThat(supervision.bulletin()).extracting(b -> b.itemId()).contains(item.id());
    // the 收文 shows the red light through its 督办
    assertThat(pi).isWaitingAt(CALL_SUPERVISION);
  }

  @Test
  void forReadingOnlyWithoutCirculationGoesStraightToTheArchiveOfTheOffice() {
    ProcessInstance pi =
        register(letter("关于印发《2027年节假日安排》的通知", "市人力资源和社会保障局", "市人社发〔2026〕5号", "普通"));
    String id = pi.getBusinessKey();
    assertThat(runtime.getVariable(pi.getId(), DEADLINE_DAYS)).isEqualTo(5L);
    upload(id);
    driver.complete(CLERK, pi.getId(), TASK_SCAN, Map.of());
    driver.complete(
        DIRECTOR, pi.getId(), TASK_PROPOSE, Map.of(HANDLING, "阅知", PROPOSAL, "拟送领导阅知后归档。"));
    assertThat(notifications(id)).as("普通: Tasklist only, no 双提醒").isEmpty();
    assertThat(service.document(id).leadDepartment()).isNull();
    driver.complete(LEADER, pi.getId(), TASK_INSTRUCT, Map.of(HANDLING, "阅知", INSTRUCTION, "阅。"));
    assertThat(pi).isWaitingAt(TASK_ARCHIVE).hasNotPassed(CALL_SUPERVISION, TASK_CIRCULATE);
    assertThat(supervision.itemForIncoming(id)).isEmpty();
    driver.complete(CLERK, pi.getId(), TASK_ARCHIVE, Map.of());
    assertThat(pi).isEnded();
    IncomingDocument d = service.document(id);
    ArchiveEntry entry = archive.entry(d.archiveEntryId());
    assertThat(entry.departmentName()).isEqualTo("办公室");
    assertThat(entry.box()).isNull();
  }

  @Test
  void forReadingOnlyWithCirculation() {
    ProcessInstance pi = register(letter("关于转发上级文件精神的函", "市委办公室", null, "加急"));
    String id = pi.getBusinessKey();
    assertThat(runtime.getVariable(pi.getId(), DEADLINE_DAYS)).isEqualTo(3L);
    upload(id);
    driver.complete(CLERK, pi.getId(), TASK_SCAN, Map.of());
    driver.complete(
        DIRECTOR, pi.getId(), TASK_PROPOSE, Map.of(HANDLING, "阅知", PROPOSAL, "拟送领导阅知。"));
    driver.complete(
        LEADER,
        pi.getId(),
        TASK_INSTRUCT,
        Map.of(HANDLING, "阅知", INSTRUCTION, "请韩冰同志阅。", CIRCULATE_TO, OTHER_LEADER));
    assertThat(service.document(id).status()).isEqualTo(IncomingStatus.CIRCULATING);
    assertThat(pi).isWaitingAt(TASK_CIRCULATE);
    driver.complete(OTHER_LEADER, pi.getId(), TASK_CIRCULATE, Map.of());
    assertThat(pi).isWaitingAt(TASK_ARCHIVE);
    assertThat(reviews.trail(id))
        .extracting(Review::decision)
        .containsExactly(Review.PROPOSE, Review.INSTRUCT, Review.READ);
    assertThat((String) runtime.getVariable(pi.getId(), HANDLING_TEXT)).contains("阅知件", "韩冰");
  }

  /**
   * Task_Circulate is a parallel multi-instance (the diagram's ||| marker, its documentation): every leader
   * named in the 批示 gets a 传阅 task at once, in any order, and 归档 waits for the last one.
   */
  @Test
  void circulationReachesAllNamedLeadersAtOnce() {
    String thirdLeader = "test-leader-3";
    IdentityService identity = engine.getIdentityService();
    User user = identity.newUser(thirdLeader);
    user.setFirstName("周");
    user.setLastName("琳");
    identity.saveUser(user);
    identity.createMembership(thirdLeader, "staff");
    identity.createMembership(thirdLeader, "leaders");
    try {
      ProcessInstance pi = register(letter("关于转发年度工作要点的函", "市委办公室", null, "普通"));
      String id = pi.getBusinessKey();
      upload(id);
      driver.complete(CLERK, pi.getId(), TASK_SCAN, Map.of());
      driver.complete(
          DIRECTOR, pi.getId(), TASK_PROPOSE, Map.of(HANDLING, "阅知", PROPOSAL, "拟送领导阅知。"));
      driver.complete(
          LEADER,
          pi.getId(),
          TASK_INSTRUCT,
          Map.of(
              HANDLING,
              "阅知",
              INSTRUCTION,
              "请韩冰、周琳同志阅。",
              CIRCULATE_TO,
              "[\"" + OTHER_LEADER + "\",\"" + thirdLeader + "\"]"));
      assertThat(
              tasks
                  .createTaskQuery()
                  .processInstanceId(pi.getId())
                  .taskDefinitionKey(TASK_CIRCULATE)
                  .list())
          .extracting(Task::getAssignee)
          .containsExactlyInAnyOrder(OTHER_LEADER, thirdLeader);
      // the second-named leader reads first: not one by one
      driver.complete(thirdLeader, pi.getId(), TASK_CIRCULATE, Map.of(READ_COMMENT, "已阅。"));
      assertThat(pi).isWaitingAt(TASK_CIRCULATE).isNotWaitingAt(TASK_ARCHIVE);
      assertThat(service.document(id).status()).isEqualTo(IncomingStatus.CIRCULATING);
      driver.complete(OTHER_LEADER, pi.getId(), TASK_CIRCULATE, Map.of());
      assertThat(pi).isWaitingAt(TASK_ARCHIVE);
      assertThat(reviews.trail(id))
          .extracting(Review::decision)
          .containsExactly(Review.PROPOSE, Review.INSTRUCT, Review.READ, Review.READ);
    } finally {
      identity.deleteUser(thirdLeader); // and its memberships
    }
  }

  @Test
  void registrationIsValidatedNamingTheFieldAndTakesNoNumber() {
    int before = count();
    assertRefused(without(letter("标题", "来文单位", "X〔2026〕1号", "普通"), TITLE), TITLE);
    assertRefused(with(letter("标题", "来文单位", null, "普通"), URGENCY, "十万火急"), URGENCY);
    assertRefused(with(letter("标题", "来文单位", null, "普通"), PAGES, 0L), PAGES);
    assertRefused(without(letter("标题", "来文单位", null, "普通"), PAGES), PAGES);
    assertRefused(
        with(letter("标题", "来文单位", null, "普通"), RECEIVED_DATE, "2026-11-24"), RECEIVED_DATE);
    assertRefused(
        with(letter("标题", "来文单位", null, "普通"), RECEIVED_DATE, "2026/11/20"), RECEIVED_DATE);
    assertRefused(with(letter("标题", "来文单位", null, "普通"), SECRECY, "绝密"), SECRECY);
    assertRefused(with(letter("标题", " ", null, "普通"), SENDER_ORG, " "), SENDER_ORG);
    assertThat(count()).isEqualTo(before);

    ProcessInstance first = register(letter("关于预算执行情况的函", "市财政局", "市财函〔2026〕7号", "普通"));
    IncomingDocument d1 = service.document(first.getBusinessKey());
    // the same 来文单位 + 来文文号 again: a warning naming senderNumber, nothing stored, no number used
    assertThatThrownBy(() -> register(letter("关于预算执行情况的函", "市财政局", " 市财函 〔2026〕 7号 ", "普通")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("senderNumber")
        .hasMessageContaining(d1.receiptNumber())
        .hasMessageContaining("确认重复登记");
    assertThat(count()).isEqualTo(before + 1);
    // confirmed: registered with the next number, linked to the first
    ProcessInstance second =
        register(
            with(letter("关于预算执行情况的函（更正）", "市财政局", "市财函〔2026〕7号", "普通"), DUPLICATE_CONFIRMED, true));
    IncomingDocument d2 = service.document(second.getBusinessKey());
    assertThat(d2.receiptSeq()).isEqualTo(d1.receiptSeq() + 1);
    assertThat(d2.duplicateOf()).isEqualTo(d1.id());
    assertThat((String) runtime.getVariable(second.getId(), DUPLICATE_NOTE))
        .startsWith("⚠")
        .contains(d1.receiptNumber());
    // no 来文文号: no duplicate check
    ProcessInstance third = register(letter("情况反映", "市财政局", null, "普通"));
    assertThat(service.document(third.getBusinessKey()).receiptSeq())
        .isEqualTo(d1.receiptSeq() + 2);
  }

  @Test
  void scanProposalAndInstructionAreValidated() {
    ProcessInstance pi = register(letter("关于征求意见的函", "市发展改革委", "市发改函〔2026〕12号", "普通"));
    String id = pi.getBusinessKey();
    assertThatThrownBy(() -> driver.complete(CLERK, pi.getId(), TASK_SCAN, Map.of()))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining(ATTACHMENTS);
    assertThat(pi).isWaitingAt(TASK_SCAN);
    // a file uploaded by mistake can be removed while registering
    assertThat(runtime.getVariable(pi.getId(), ATTACHMENT_TEXT)).isEqualTo("（尚未上传）");
    IncomingAttachment wrong = upload(id).get(0);
    assertThat((String) runtime.getVariable(pi.getId(), ATTACHMENT_TEXT)).startsWith("1. 来文.pdf");
    driver.as(CLERK, () -> service.deleteAttachment(id, wrong.id()));
    assertThat(documents.attachments(id)).isEmpty();
    assertThat(runtime.getVariable(pi.getId(), ATTACHMENT_TEXT)).isEqualTo("（尚未上传）");
    assertThatThrownBy(
            () ->
                driver.as(
                    HANDLER,
                    () ->
                        service.upload(
                            id,
                            List.of(
                                new IncomingDocumentService.Upload(
                                    "a.pdf", "application/pdf", new byte[] {1})))))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("文书");
    assertThatThrownBy(
            () ->
                driver.as(
                    CLERK,
                    () ->
                        service.upload(
                            id,
                            List.of(
                                new IncomingDocumentService.Upload(
                                    "空.pdf", "application/pdf", new byte[0])))))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("空");
    upload(id);
    driver.complete(CLERK, pi.getId(), TASK_SCAN, Map.of());

    assertTaskRefused(
        DIRECTOR, pi, TASK_PROPOSE, Map.of(HANDLING, "办理", PROPOSAL, "拟办"), LEAD_DEPARTMENT);
    assertTaskRefused(
        DIRECTOR,
        pi,
        TASK_PROPOSE,
        Map.of(HANDLING, "办理", LEAD_DEPARTMENT, "dept-nowhere", PROPOSAL, "拟办"),
        LEAD_DEPARTMENT);
    assertTaskRefused(
        DIRECTOR,
        pi,
        TASK_PROPOSE,
        Map.of(
            HANDLING,
            "办理",
            LEAD_DEPARTMENT,
            BUSINESS,
            ASSISTING_DEPARTMENTS,
            BUSINESS,
            PROPOSAL,
            "拟办"),
        ASSISTING_DEPARTMENTS);
    assertTaskRefused(
        DIRECTOR,
        pi,
        TASK_PROPOSE,
        Map.of(HANDLING, "办理", LEAD_DEPARTMENT, BUSINESS, DEADLINE_DAYS, 0L, PROPOSAL, "拟办"),
        DEADLINE_DAYS);
    assertTaskRefused(
        DIRECTOR, pi, TASK_PROPOSE, Map.of(HANDLING, "办理", LEAD_DEPARTMENT, BUSINESS), PROPOSAL);
    assertTaskRefused(DIRECTOR, pi, TASK_PROPOSE, Map.of(HANDLING, "转办", PROPOSAL, "拟办"), HANDLING);
    assertThat(reviews.trail(id)).isEmpty();
    driver.complete(
        DIRECTOR,
        pi.getId(),
        TASK_PROPOSE,
        Map.of(HANDLING, "办理", LEAD_DEPARTMENT, BUSINESS, PROPOSAL, "拟请业务处研提意见。"));
    // 普通: the default 5 working days
    assertThat(service.document(id).deadlineDays()).isEqualTo(5);

    assertTaskRefused(LEADER, pi, TASK_INSTRUCT, Map.of(INSTRUCTION, " "), INSTRUCTION);
    assertTaskRefused(
        LEADER, pi, TASK_INSTRUCT, Map.of(INSTRUCTION, "同意", CIRCULATE_TO, HANDLER), CIRCULATE_TO);
    assertThat(reviews.trail(id)).hasSize(1);
    assertThat(supervision.itemForIncoming(id)).isEmpty();
    driver.complete(LEADER, pi.getId(), TASK_INSTRUCT, Map.of(INSTRUCTION, "同意"));
    assertThat(supervision.itemForIncoming(id)).isPresent();
    assertThat(pi).isWaitingAt(CALL_SUPERVISION).hasPassed(GATEWAY_CIRCULATE_MERGE);
  }

  @Test
  void wrongRegistrationIsVoidedWithAReasonAndKeepsItsNumber() {
    ProcessInstance pi = register(letter("误送本单位的来文", "市交通局", "市交函〔2026〕2号", "普通"));
    String id = pi.getBusinessKey();
    IncomingDocument d = service.document(id);
    assertTaskRefused(CLERK, pi, TASK_SCAN, Map.of(VOID_REQUESTED, true), VOID_REASON);
    driver.complete(
        CLERK,
        pi.getId(),
        TASK_SCAN,
        Map.of(VOID_REQUESTED, true, VOID_REASON, "来文应送市交通运输执法支队，已退回"));
    assertThat(pi).isEnded().hasPassed(END_VOIDED).hasNotPassed(TASK_PROPOSE);
    IncomingDocument voided = service.document(id);
    assertThat(voided.status()).isEqualTo(IncomingStatus.VOIDED);
    assertThat(voided.voidReason()).isEqualTo("来文应送市交通运输执法支队，已退回");
    assertThat(voided.receiptNumber()).isEqualTo(d.receiptNumber());
    assertThat(reviews.trail(id)).extracting(Review::decision).containsExactly(Review.VOID);
    // no files for a void registration, and the next 收文 takes the next number: the void one is not
    // reused
    assertThatThrownBy(() -> upload(id))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("已作废");
    ProcessInstance next = register(letter("下一份来文", "市交通局", null, "普通"));
    assertThat(service.document(next.getBusinessKey()).receiptSeq()).isEqualTo(d.receiptSeq() + 1);
  }

  @Test
  void filesAreLimitedPerFileAndPerDocument() {
    ProcessInstance pi = register(letter("大附件", "市档案馆", null, "普通"));
    String id = pi.getBusinessKey();
    // H2: the configured limits, 20 MB a file and 50 MB a 收文
    assertThatThrownBy(
            () ->
                driver.as(
                    CLERK,
                    () ->
                        service.upload(
                            id,
                            List.of(
                                new IncomingDocumentService.Upload(
                                    "过大.pdf", "application/pdf", new byte[20 * 1024 * 1024 + 1])))))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("字段 file")
        .hasMessageContaining("20.0 MB");
    byte[] eighteen = new byte[18 * 1024 * 1024];
    driver.as(
        CLERK,
        () ->
            service.upload(
                id,
                List.of(
                    new IncomingDocumentService.Upload("一.pdf", "application/pdf", eighteen),
                    new IncomingDocumentService.Upload("二.pdf", "application/pdf", eighteen))));
    assertThatThrownBy(
            () ->
                driver.as(
                    CLERK,
                    () ->
                        service.upload(
                            id,
                            List.of(
                                new IncomingDocumentService.Upload(
                                    "三.pdf", "application/pdf", eighteen)))))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("合计不能超过 50.0 MB");
    assertThat(documents.attachments(id)).hasSize(2);
  }

  @Test
  void defaultDeadlinesByUrgency() {
    assertThat(service.defaultDeadlineDays("特急")).isEqualTo(1);
    assertThat(service.defaultDeadlineDays("加急")).isEqualTo(3);
    assertThat(service.defaultDeadlineDays("普通")).isEqualTo(5);
    assertThat(IncomingDocumentService.fileName("../../etc/passwd")).isEqualTo("passwd");
    assertThat(IncomingDocumentService.fileName("a:b*c?.pdf")).isEqualTo("a_b_c_.pdf");
    assertThat(IncomingDocumentService.size(1536)).isEqualTo("1.5 KB");
  }

  // --- helpers

  ProcessInstance register(Map<String, Object> vars) {
    return driver.start(CLERK, PROCESS_KEY, vars);
  }

  List<IncomingAttachment> upload(String id) {
    return driver.as(
        CLERK,
        () ->
            service.upload(
                id,
                List.of(
                    new IncomingDocumentService.Upload(
                        "来文.pdf",
                        "application/pdf",
                        "%PDF-1.4".getBytes(StandardCharsets.UTF_8)))));
  }

  void scanAndPropose(ProcessInstance pi, String id, String lead, String assisting) {
    upload(id);
    driver.complete(CLERK, pi.getId(), TASK_SCAN, Map.of());
    Map<String, Object> proposal = new HashMap<>();
    proposal.put(HANDLING, "办理");
    proposal.put(LEAD_DEPARTMENT, lead);
    proposal.put(ASSISTING_DEPARTMENTS, assisting);
    proposal.put(PROPOSAL, "拟请" + lead + "办理。");
    driver.complete(DIRECTOR, pi.getId(), TASK_PROPOSE, proposal);
  }

  ProcessInstance supervisionInstance(ProcessInstance pi) {
    return runtime.createProcessInstanceQuery().superProcessInstanceId(pi.getId()).singleResult();
  }

  void assertRefused(Map<String, Object> vars, String field) {
    assertThatThrownBy(() -> register(vars))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("字段 " + field + "：");
  }

  void assertTaskRefused(
      String user, ProcessInstance pi, String taskKey, Map<String, Object> vars, String field) {
    assertThatThrownBy(() -> driver.complete(user, pi.getId(), taskKey, vars))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("字段 " + field + "：");
    assertThat(pi).isWaitingAt(taskKey);
  }

  List<String> notifications(String id) {
    return jdbc.sql("select recipient, channel from of_notification where business_key = :id")
        .param("id", id)
        .query((rs, i) -> rs.getString("recipient") + "/" + rs.getString("channel"))
        .list();
  }

  int count() {
    return jdbc.sql("select count(*) from of_incoming_document").query(Integer.class).single();
  }

  List<String> candidates(ProcessInstance pi, String taskKey) {
    Task task =
        tasks
            .createTaskQuery()
            .processInstanceId(pi.getId())
            .taskDefinitionKey(taskKey)
            .singleResult();
    return tasks.getIdentityLinksForTask(task.getId()).stream()
        .filter(l -> "candidate".equals(l.getType()))
        .map(IdentityLink::getUserId)
        .filter(u -> u != null)
        .toList();
  }

  List<String> candidateGroups(ProcessInstance pi, String taskKey) {
    Task task =
        tasks
            .createTaskQuery()
            .processInstanceId(pi.getId())
            .taskDefinitionKey(taskKey)
            .singleResult();
    return tasks.getIdentityLinksForTask(task.getId()).stream()
        .filter(l -> "candidate".equals(l.getType()))
        .map(IdentityLink::getGroupId)
        .filter(g -> g != null)
        .toList();
  }

  static Map<String, Object> letter(
      String title, String sender, String senderNumber, String urgency) {
    Map<String, Object> vars = new HashMap<>();
    vars.put(TITLE, title);
    vars.put(SENDER_ORG, sender);
    vars.put(SENDER_NUMBER, senderNumber);
    vars.put(URGENCY, urgency);
    vars.put(SECRECY, "公开");
    vars.put(PAGES, 4L);
    vars.put(
        RECEIVED_DATE,
        ClockUtil.getCurrentTime()
            .toInstant()
            .atZone(java.time.ZoneId.of("Asia/Shanghai"))
            .toLocalDate()
            .toString());
    vars.put(SUMMARY, "来文摘要");
    return vars;
  }

  static Map<String, Object> with(Map<String, Object> vars, String key, Object value) {
    Map<String, Object> copy = new HashMap<>(vars);
    copy.put(key, value);
    return copy;
  }

  static Map<String, Object> without(Map<String, Object> vars, String key) {
    Map<String, Object> copy = new HashMap<>(vars);
    copy.remove(key);
    return copy;
  }

  static Map<String, byte[]> unzip(byte[] zip) throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (ZipInputStream in =
        new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        entries.put(e.getName(), in.readAllBytes());
      }
    }
    return entries;
  }

  static void clock(String localDateTime) {
    TestClock.set(localDateTime);
  }
}
