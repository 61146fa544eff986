package cn.officeflow.mysql;

import static cn.officeflow.supplies.SuppliesVariables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.officeflow.platform.files.StoredFileService;
import cn.officeflow.platform.inventory.InventoryService;
import cn.officeflow.supplies.SuppliesRepository;
import cn.officeflow.supplies.SuppliesService;
import cn.officeflow.support.ProcessDriver;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The happy paths of 物资 on MariaDB/MySQL: a 以旧换新 above the threshold (部门负责人 approves, warehouse
 * records the old item with 4-byte characters and issues: stock down, old asset registered), a 共享领用 lent and
 * returned (stock back), then the old asset scrapped through 鉴定, 核销 (number) and 环保处置 with its certificate:
 * the register says 已报废 with its history; GET /api/supplies read back from the real database.
 */
class SuppliesOnMysqlTest extends MysqlSpringTestBase {

  static final String LAPTOP = "7b1d0c3a-0001-4c6e-8f10-000000000004";
  static final String RECORDER = "7b1d0c3a-0001-4c6e-8f10-000000000006";

  @Autowired InventoryService inventory;
  @Autowired SuppliesRepository repo;
  @Autowired StoredFileService files;

  @Test
  void requisitionLoanAndDisposalOnTheRealDatabase() throws Exception {
    BpmnAwareTests.init(engine);
    ProcessDriver process = new ProcessDriver(engine);
    String run = runId();
    // the database is kept between runs: make sure there is stock
    process.as("huanglei", () -> inventory.receive(LAPTOP, 1, "测试入库", run));
    process.as("huanglei", () -> inventory.receive(RECORDER, 1, "测试入库", run));
    int laptops = inventory.get(LAPTOP).stock();

    Map<String, Object> v = new HashMap<>();
    v.put(ITEM_ID, LAPTOP);
    v.put(QUANTITY, 1);
    v.put(KIND, EXCHANGE);
    v.put(PURPOSE, "旧电脑𠀀无法开机😀 " + run);
    long began = System.nanoTime();
    ProcessInstance pi = process.start("zhangwei", REQUISITION_KEY, v);
    process.approve("liuyang", pi.getId(), TASK_APPROVE);
    String tag = "OLD-" + run;
    process.complete(
        "huanglei",
        pi.getId(),
        TASK_ISSUE,
        Map.of(ISSUE_DECISION, "issue", OLD_ASSET_TAG, tag, OLD_CONDITION, "屏幕碎裂😀𠀀"));
    long millis = (System.nanoTime() - began) / 1_000_000;
    assertThat(pi).isEnded();
    assertThat(inventory.get(LAPTOP).stock()).isEqualTo(laptops - 1);
    assertThat(repo.requisition(pi.getBusinessKey()).orElseThrow().oldCondition())
        .isEqualTo("屏幕碎裂😀𠀀");
    System.out.println("measured: 以旧换新（申请、审批、发放）在 MariaDB 上用时 " + millis + " ms");

    int recorders = inventory.get(RECORDER).stock();
    Map<String, Object> loan = new HashMap<>();
    loan.put(ITEM_ID, RECORDER);
    loan.put(QUANTITY, 1);
    loan.put(KIND, SHARED_KIND);
    loan.put(PURPOSE, "会议录音");
    loan.put(RETURN_DATE, cn.officeflow.platform.engine.EngineClock.today().plusDays(7).toString());
    ProcessInstance lent = process.start("zhangwei", REQUISITION_KEY, loan);
    process.approve("liuyang", lent.getId(), TASK_APPROVE);
    process.complete("huanglei", lent.getId(), TASK_ISSUE, Map.of(ISSUE_DECISION, "issue"));
    assertThat(lent).isWaitingAt(TASK_RETURN);
    JsonNode loans =
        new ObjectMapper().readTree(get("/api/supplies/loans", "huanglei", "Office@2026").body());
    assertThat(loans.toString()).contains(lent.getBusinessKey());
    process.complete("huanglei", lent.getId(), TASK_RETURN, Map.of(RETURN_CONDITION, "完好"));
    assertThat(inventory.get(RECORDER).stock()).isEqualTo(recorders);

    ProcessInstance d =
        process.start("huanglei", DISPOSAL_KEY, Map.of(ASSET_TAG, tag, REASON, "以旧换新收回，无维修价值"));
    process.complete(
        "machao", d.getId(), TASK_APPRAISE, Map.of(APPRAISAL, "scrap", APPRAISAL_NOTE, "主板烧毁"));
    process.complete(
        "chenjing",
        d.getId(),
        TASK_WRITE_OFF,
        Map.of("decision", "approve", "comment", "同意", BOOK_VALUE, "120.00"));
    process.as(
        "huanglei",
        () ->
            files.store(
                d.getBusinessKey(),
                SuppliesService.CERTIFICATE_STEP,
                "处置证明😀.pdf",
                "application/pdf",
                ("证明 " + run).getBytes(StandardCharsets.UTF_8)));
    process.complete("huanglei", d.getId(), TASK_DISPOSE, Map.of(VENDOR, "绿源再生资源公司"));
    assertThat(d).isEnded();
    assertThat(repo.disposal(d.getBusinessKey()).orElseThrow().writeOffNumber()).startsWith("核销〔");
    JsonNode asset =
        new ObjectMapper()
            .readTree(get("/api/supplies/assets/" + tag, "qianyu", "Office@2026").body());
    assertThat(asset.get("asset").get("status").asText()).isEqualTo("SCRAPPED");
    assertThat(asset.get("history").size()).isEqualTo(2);
  }
}
