package cn.officeflow.outgoing;

import static cn.officeflow.outgoing.OutgoingDocumentVariables.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.officeflow.platform.archive.ArchiveEntry;
import cn.officeflow.platform.archive.ArchiveService;
import cn.officeflow.platform.archive.ArchiveSource;
import cn.officeflow.platform.signing.PdfSignatures;
import cn.officeflow.platform.signing.UnitCertificate;
import cn.officeflow.support.Http;
import cn.officeflow.support.HttpTest;
import cn.officeflow.support.ProcessDriver;
import cn.officeflow.support.TestKeystores;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The archived PDF of an issued 发文 over HTTP: the 审批记录 pages after the 公文, the unit's PAdES signature over
 * the whole file, and GET …/pdf/verify — intact, who signed, against the archive — also after the stored file
 * was tampered with, replaced by an older signed copy, or signed by another key.
 */
@HttpTest
class SignedPrintCopyApiTest {

  static final String PASSWORD = OutgoingDocumentApiTest.PASSWORD;

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired ArchiveService archive;
  @Autowired JdbcClient jdbc;
  @Autowired PdfSignatures signatures;
  @Autowired UnitCertificate unit;

  Http http;
  ProcessDriver driver;

  @BeforeEach
  void setUp() {
    http = new Http(port);
    driver = new ProcessDriver(engine);
  }

  @Test
  void theArchivedPdfCarriesTheApprovalRecordOfTheSignedVersionAndTheUnitsSignature()
      throws Exception {
    String id = issue().getBusinessKey();
    byte[] pdf =
        http.getBytes("/api/outgoing-documents/" + id + "/pdf", "zhangwei", PASSWORD).body();
    try (PDDocument printed = Loader.loadPDF(pdf)) {
      String xmp =
          new String(
              printed.getDocumentCatalog().getMetadata().toByteArray(), StandardCharsets.UTF_8);
      assertThat(xmp).containsPattern("pdfaid:part(>|=\"|=')2");
      int pages = printed.getNumberOfPages();
      PDFTextStripper stripper = new PDFTextStripper();
      stripper.setStartPage(pages);
      stripper.setEndPage(pages);
      String record = stripper.getText(printed).replaceAll("\\s", "");
      assertThat(record)
          .contains("审批记录")
          .contains("签发稿次：第2稿（吴强")
          .contains("刘洋", "周杰", "吴强", "郑华", "何欣")
          .contains("请补充值班表")
          .contains("第1稿", "第2稿")
          .contains("审批记录第1页共1页");
      // 审批记录 pages are not 公文 pages: the 公文's page numbers (— n —) do not run on into them
      assertThat(record).doesNotContain("—" + pages + "—");
      PDPage last = printed.getPage(pages - 1);
      for (COSName font : last.getResources().getFontNames()) {
        assertThat(last.getResources().getFont(font).isEmbedded()).as(font.getName()).isTrue();
      }
      assertThat(printed.getSignatureDictionaries()).hasSize(1);
    }

    JsonNode verify = verify(id, "zhangwei", 200);
    assertThat(verify.get("intact").asBoolean()).as(verify.toString()).isTrue();
    JsonNode signature = verify.get("signature");
    assertThat(signature.get("intact").asBoolean()).isTrue();
    assertThat(signature.get("coversWholeFile").asBoolean()).isTrue();
    assertThat(signature.get("changedAfterSigning").asBoolean()).isFalse();
    assertThat(signature.get("signedByUnitCertificate").asBoolean()).isTrue();
    assertThat(signature.get("signer").get("commonName").asText()).isEqualTo("示范市行政办公室（演示证书）");
    assertThat(signature.get("signer").get("demo").asBoolean()).isTrue();
    assertThat(signature.get("signer").get("serialNumber").asText())
        .isEqualToIgnoringCase(unit.certificate().getSerialNumber().toString(16));
    assertThat(signature.get("signingTime").asText()).isNotBlank();
    assertThat(verify.get("archive").get("archived").asBoolean()).isTrue();
    assertThat(verify.get("archive").get("matchesArchiveEntry").asBoolean()).isTrue();
    assertThat(verify.get("archive").get("archivedFileMatchesEntry").asBoolean()).isTrue();
    assertThat(verify.get("documentNumber").asText()).matches("测签〔\\d{4}〕\\d+号");
  }

  @Test
  void onlyThoseWhoMayReadThePdfMayVerifyIt() throws Exception {
    String id = issue().getBusinessKey();
    assertThat(
            http.get("/api/outgoing-documents/" + id + "/pdf/verify", "gaoyuan", PASSWORD)
                .statusCode())
        .as("a user who cannot read the document")
        .isEqualTo(404);
    assertThat(
            http.get(
                    "/api/outgoing-documents/" + UUID.randomUUID() + "/pdf/verify",
                    "zhangwei",
                    PASSWORD)
                .statusCode())
        .isEqualTo(404);
    assertThat(
            http.get("/api/outgoing-documents/" + id + "/pdf/verify", "wuqiang", PASSWORD)
                .statusCode())
        .as("the signer (a reviewer)")
        .isEqualTo(200);
    // before the print copies exist there is nothing to verify
    ProcessInstance draft =
        driver.start("zhangwei", PROCESS_KEY, OutgoingDocumentApiTest.draft("尚未印发的发文"));
    assertThat(
            http.get(
                    "/api/outgoing-documents/" + draft.getBusinessKey() + "/pdf/verify",
                    "zhangwei",
                    PASSWORD)
                .statusCode())
        .isEqualTo(404);
  }

  @Test
  void oneTamperedByteOfTheStoredPdfOrOfTheArchivedCopyIsReported() throws Exception {
    String id = issue().getBusinessKey();
    byte[] stored = storedPdf(id);
    ArchiveEntry entry = archive.findBySource(ArchiveSource.OUTGOING, id + "/pdf").orElseThrow();
    byte[] archived = archive.content(entry.id());
    assertThat(archived).isEqualTo(stored);

    byte[] tampered = stored.clone();
    int at = stored.length / 3; // inside the 公文's bytes, covered by the signature
    tampered[at] = (byte) (tampered[at] ^ 0x01);
    try {
      replace(id, tampered);
      JsonNode verify = verify(id, "zhangwei", 200);
      assertThat(verify.get("intact").asBoolean()).isFalse();
      assertThat(verify.get("signature").get("intact").asBoolean()).as(verify.toString()).isFalse();
      assertThat(verify.get("archive").get("matchesArchiveEntry").asBoolean()).isFalse();
      assertThat(verify.get("archive").get("archivedFileMatchesEntry").asBoolean()).isTrue();

      // the archive's own copy, one byte changed: the hash chain flags it, and so does …/pdf/verify
      byte[] archivedTampered = archived.clone();
      archivedTampered[at] = (byte) (archivedTampered[at] ^ 0x01);
      jdbc.sql("update of_archive_entry set file_content = :c where id = :id")
          .param("c", archivedTampered)
          .param("id", entry.id())
          .update();
      JsonNode chain = json(http.get("/api/archive/verify", "qianyu", PASSWORD), 200);
      assertThat(chain.get("intact").asBoolean()).isFalse();
      assertThat(chain.get("firstBroken").get("reason").asText()).isEqualTo("FILE_CHANGED");
      assertThat(chain.get("firstBroken").get("id").asText()).isEqualTo(entry.id());
      JsonNode both = verify(id, "zhangwei", 200);
      assertThat(both.get("archive").get("archivedFileMatchesEntry").asBoolean()).isFalse();
    } finally {
      replace(id, stored);
      jdbc.sql("update of_archive_entry set file_content = :c where id = :id")
          .param("c", archived)
          .param("id", entry.id())
          .update();
    }
    assertThat(verify(id, "zhangwei", 200).get("intact").asBoolean()).isTrue();
    assertThat(
            json(http.get("/api/archive/verify", "qianyu", PASSWORD), 200)
                .get("intact")
                .asBoolean())
        .isTrue();
  }

  @Test
  void aPdfSignedByAnotherKeyOrAnOlderSignedCopyIsNotPassedOffAsTheArchivedOne() throws Exception {
    String id = issue().getBusinessKey();
    byte[] stored = storedPdf(id);
    try {
      // signed on top by someone else, with the unit's name as CN: the report names that
      // certificate
      TestKeystores.Key forger =
          TestKeystores.key("示范市行政办公室（演示证书）", Instant.now().minus(Duration.ofDays(1)), 30);
      byte[] forged =
          PdfSignatures.sign(
              stored,
              forger.pair().getPrivate(),
              List.of(forger.certificate()),
              "签发",
              "示范市行政办公室",
              LocalDateTime.now());
      replace(id, forged);
      JsonNode verify = verify(id, "zhangwei", 200);
      assertThat(verify.get("intact").asBoolean()).isFalse();
      JsonNode signature = verify.get("signature");
      assertThat(signature.get("signatureValid").asBoolean()).isTrue();
      assertThat(signature.get("signedByUnitCertificate").asBoolean()).isFalse();
      assertThat(signature.get("signer").get("serialNumber").asText())
          .isEqualToIgnoringCase(forger.certificate().getSerialNumber().toString(16));
      assertThat(signature.get("problems").toString()).contains("签名证书不是本单位的签章证书");

      // a genuine signature of the unit, but not over the archived file (a copy signed again later)
      byte[] resigned = signatures.sign(stored, "签发", "示范市行政办公室");
      replace(id, resigned);
      JsonNode old = verify(id, "zhangwei", 200);
      assertThat(old.get("signature").get("intact").asBoolean()).isTrue();
      assertThat(old.get("signature").get("signedByUnitCertificate").asBoolean()).isTrue();
      assertThat(old.get("archive").get("matchesArchiveEntry").asBoolean()).isFalse();
      assertThat(old.get("intact").asBoolean()).isFalse();
    } finally {
      replace(id, stored);
    }
  }

  private void replace(String id, byte[] pdf) {
    jdbc.sql("update of_outgoing_document set pdf = :pdf where id = :id")
        .param("pdf", pdf)
        .param("id", id)
        .update();
  }

  private byte[] storedPdf(String id) {
    return jdbc.sql("select pdf from of_outgoing_document where id = :id")
        .param("id", id)
        .query((rs, i) -> rs.getBytes(1))
        .single();
  }

  private JsonNode verify(String id, String user, int status) throws Exception {
    return json(http.get("/api/outgoing-documents/" + id + "/pdf/verify", user, PASSWORD), status);
  }

  /** Issued after one 退回修改: 第 1 稿 returned by 刘洋, 第 2 稿 signed off by 吴强. */
  private ProcessInstance issue() {
    String title = "关于做好签章试点工作的通知 " + UUID.randomUUID().toString().substring(0, 6);
    Map<String, Object> draft = OutgoingDocumentApiTest.draft(title);
    draft.put(DOC_CODE, "测签");
    ProcessInstance pi = driver.start("zhangwei", PROCESS_KEY, draft);
    driver.reject("liuyang", pi.getId(), TASK_DEPT_REVIEW, "请补充值班表");
    Map<String, Object> revised = new java.util.HashMap<>(draft);
    revised.put(BODY, "一、值班安排\n值班表见附件。");
    driver.complete("zhangwei", pi.getId(), TASK_REVISE, revised);
    OutgoingDocumentApiTest.approveUpToLastProof(driver, pi.getId());
    driver.approve("zhenghua", pi.getId(), TASK_PROOF_ATTACHMENTS);
    return pi;
  }

  private static JsonNode json(HttpResponse<String> response, int status) throws Exception {
    return OutgoingDocumentApiTest.json(response, status);
  }
}
