package cn.officeflow.mysql;

import static cn.officeflow.mysql.OutgoingProcessDriver.*;
import static cn.officeflow.outgoing.OutgoingDocumentVariables.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The signed archive PDF on MariaDB/MySQL, where the mysql profile signs only with a configured unit keystore
 * (TestDatabase brings a PKCS#12 one): 审批记录 and signature made in the async step, the version rows keep
 * 保密期限/附注 (V21), …/pdf/verify names the unit certificate and reports a tampered byte in the stored PDF.
 */
class SignedPrintCopyOnMysqlTest extends MysqlSpringTestBase {

  @Test
  void theArchivedPdfIsSignedWithTheConfiguredKeystoreAndATamperedByteIsReported()
      throws Exception {
    Map<String, Object> draft =
        draft(
            "关于签章试点的请示（" + runId() + "）",
            "市政府：\n为规范电子公文归档，拟开展签章试点。\n妥否，请批示。",
            freshDocCode(),
            null);
    draft.put(DOC_TYPE, "请示");
    draft.put(MAIN_RECIPIENTS, "市政府");
    draft.put(SECRECY, "秘密");
    draft.put(SECRECY_PERIOD, "1年");
    draft.put(NOTES, "联系人：张伟，电话：12345678");
    String pi = driver.start(ZHANGWEI, draft);
    String id = (String) engine.getRuntimeService().getVariable(pi, DOCUMENT_ID);
    driver.approve(LIUYANG, driver.task(pi, TASK_DEPT_REVIEW).getId());
    driver.executeJobs(pi);
    driver.approve(ZHOUJIE, driver.task(pi, TASK_LEGAL_REVIEW).getId());
    driver.executeJobs(pi);
    driver.approve(WUQIANG, driver.task(pi, TASK_LEADER_APPROVAL).getId());
    driver.executeJobs(pi);
    driver.tasks(pi).forEach(t -> driver.approve(ZHENGHUA, t.getId()));
    driver.executeJobs(pi);

    Map<String, Object> version =
        jdbc.sql("select secrecy_period, notes from of_outgoing_version where document_id = :id")
            .param("id", id)
            .query()
            .singleRow();
    assertThat(version)
        .containsEntry("secrecy_period", "1年")
        .containsEntry("notes", "联系人：张伟，电话：12345678");

    String path = "/api/outgoing-documents/" + id + "/pdf/verify";
    JsonNode verify = getJson(path, ZHANGWEI, TestDatabase.DEMO_PASSWORD);
    assertThat(verify.get("intact").asBoolean()).as(verify.toString()).isTrue();
    JsonNode signer = verify.get("signature").get("signer");
    assertThat(signer.get("commonName").asText()).isEqualTo(TestDatabase.SIGNING_CN);
    assertThat(signer.get("demo").asBoolean()).isFalse();
    assertThat(verify.get("signature").get("signedByUnitCertificate").asBoolean()).isTrue();
    assertThat(verify.get("archive").get("matchesArchiveEntry").asBoolean()).isTrue();
    assertThat(get(path, "gaoyuan", TestDatabase.DEMO_PASSWORD).statusCode()).isEqualTo(404);

    byte[] stored =
        jdbc.sql("select pdf from of_outgoing_document where id = :id")
            .param("id", id)
            .query((rs, i) -> rs.getBytes(1))
            .single();
    byte[] tampered = stored.clone();
    tampered[stored.length / 2] ^= 0x01;
    try {
      jdbc.sql("update of_outgoing_document set pdf = :pdf where id = :id")
          .param("pdf", tampered)
          .param("id", id)
          .update();
      JsonNode broken = getJson(path, ZHANGWEI, TestDatabase.DEMO_PASSWORD);
      assertThat(broken.get("intact").asBoolean()).isFalse();
      assertThat(broken.get("signature").get("intact").asBoolean()).isFalse();
      assertThat(broken.get("archive").get("matchesArchiveEntry").asBoolean()).isFalse();
    } finally {
      jdbc.sql("update of_outgoing_document set pdf = :pdf where id = :id")
          .param("pdf", stored)
          .param("id", id)
          .update();
    }
  }
}
