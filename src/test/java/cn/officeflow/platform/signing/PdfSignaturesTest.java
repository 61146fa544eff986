package cn.officeflow.platform.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.officeflow.support.TestKeystores;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.env.StandardEnvironment;

/** PAdES signing and verification with real keys (BouncyCastle) on real PDFs (PDFBox). */
class PdfSignaturesTest {

  static final String UNIT = "示范市行政办公室";

  @TempDir Path dir;

  @Test
  void signatureCoversTheWholeFileAndNamesTheUnit() throws Exception {
    UnitCertificate unit = demo(dir.resolve("demo.p12"));
    PdfSignatures signatures = new PdfSignatures(unit);
    byte[] original = pdf();
    byte[] signed = signatures.sign(original, "签发", UNIT);

    // incremental: every byte of the original (a PDF/A file in production) is still there,
    // unchanged
    assertThat(Arrays.copyOf(signed, original.length)).isEqualTo(original);
    SignatureReport report = signatures.verify(signed);
    assertThat(report.problems()).isEmpty();
    assertThat(report.signed()).isTrue();
    assertThat(report.intact()).isTrue();
    assertThat(report.coversWholeFile()).isTrue();
    assertThat(report.changedAfterSigning()).isFalse();
    assertThat(report.subFilter()).isEqualTo("ETSI.CAdES.detached");
    assertThat(report.signedByUnitCertificate()).isTrue();
    assertThat(report.certificateValidAtSigningTime()).isTrue();
    assertThat(report.signer().commonName()).isEqualTo(UNIT + "（演示证书）");
    assertThat(report.signer().demo()).isTrue();
    assertThat(report.signer().serialNumber())
        .isEqualToIgnoringCase(unit.certificate().getSerialNumber().toString(16));
    assertThat(report.signingTime()).isNotNull();
    try (PDDocument document = Loader.loadPDF(signed)) {
      PDAnnotationWidget widget = document.getSignatureFields().get(0).getWidgets().get(0);
      assertThat(widget.isPrinted()).as("PDF/A-2: printable widget").isTrue();
      assertThat(widget.getRectangle().getWidth()).isZero();
    }
  }

  @Test
  void oneChangedByteOrBytesAddedAfterSigningAreReported() throws Exception {
    PdfSignatures signatures = new PdfSignatures(demo(dir.resolve("demo.p12")));
    byte[] signed = signatures.sign(pdf(), "签发", UNIT);

    byte[] tampered = signed.clone();
    int at = indexOf(tampered, "Hello".getBytes());
    tampered[at] = 'J';
    SignatureReport changed = signatures.verify(tampered);
    assertThat(changed.intact()).isFalse();
    assertThat(changed.digestMatches()).isFalse();
    assertThat(changed.signatureValid()).isFalse();
    assertThat(changed.problems()).anyMatch(p -> p.contains("摘要不一致"));

    byte[] appended = Arrays.copyOf(signed, signed.length + 12);
    System.arraycopy("\n% appended\n".getBytes(), 0, appended, signed.length, 12);
    SignatureReport after = signatures.verify(appended);
    assertThat(after.signatureValid()).as("the signed part itself is fine").isTrue();
    assertThat(after.changedAfterSigning()).isTrue();
    assertThat(after.intact()).isFalse();

    SignatureReport none = signatures.verify(pdf());
    assertThat(none.signed()).isFalse();
    assertThat(none.intact()).isFalse();
    assertThat(none.problems()).containsExactly("PDF 没有电子签名");
  }

  @Test
  void aPdfSignedWithAnotherKeyNamesThatSignerAndIsNotTheUnits() throws Exception {
    PdfSignatures signatures = new PdfSignatures(demo(dir.resolve("demo.p12")));
    TestKeystores.Key forger = TestKeystores.key(UNIT, Instant.now().minus(Duration.ofDays(1)), 30);
    byte[] forged =
        PdfSignatures.sign(
            pdf(),
            forger.pair().getPrivate(),
            List.of(forger.certificate()),
            "签发",
            UNIT,
            LocalDateTime.now());
    SignatureReport report = signatures.verify(forged);
    assertThat(report.signatureValid()).as("mathematically a valid signature").isTrue();
    assertThat(report.signedByUnitCertificate()).isFalse();
    assertThat(report.signer().commonName()).isEqualTo(UNIT);
    assertThat(report.signer().serialNumber())
        .isEqualToIgnoringCase(forger.certificate().getSerialNumber().toString(16));
    assertThat(report.problems()).contains("签名证书不是本单位的签章证书");

    // an old certificate: the claimed signing time lies after its end
    TestKeystores.Key old = TestKeystores.key("旧证书", Instant.now().minus(Duration.ofDays(400)), 30);
    byte[] late =
        PdfSignatures.sign(
            pdf(),
            old.pair().getPrivate(),
            List.of(old.certificate()),
            "签发",
            UNIT,
            LocalDateTime.now());
    SignatureReport expired = signatures.verify(late);
    assertThat(expired.certificateValidAtSigningTime()).isFalse();
    assertThat(expired.problems()).contains("签名时间不在证书有效期内");
  }

  @Test
  void theDemoCertificateSurvivesARestartAndAKeystoreIsReadByAliasAndPassword() throws Exception {
    Path demoPath = dir.resolve("data/signing/demo.p12");
    UnitCertificate first = demo(demoPath);
    UnitCertificate again = demo(demoPath);
    assertThat(again.certificate()).isEqualTo(first.certificate());
    assertThat(first.demo()).isTrue();
    assertThat(Files.readString(demoPath.resolveSibling("demo.p12.password"))).isNotBlank();

    TestKeystores.Key key = TestKeystores.key("正式单位证书", Instant.now(), 365);
    Path store = TestKeystores.pkcs12(key, dir.resolve("unit.p12"), "unit", "Secret@2026");
    UnitCertificate production =
        new UnitCertificate(
            mysql(), store.toString(), "Secret@2026", "unit", "unused", false, UNIT);
    assertThat(production.demo()).isFalse();
    assertThat(production.certificate()).isEqualTo(key.certificate());
    // the only key entry is found without an alias
    assertThat(
            new UnitCertificate(mysql(), store.toString(), "Secret@2026", "", "unused", false, UNIT)
                .certificate())
        .isEqualTo(key.certificate());

    assertThatThrownBy(
            () -> new UnitCertificate(mysql(), store.toString(), "wrong", "unit", "x", false, UNIT))
        .hasMessageContaining("officeflow.signing.keystore-password");
    assertThatThrownBy(
            () ->
                new UnitCertificate(
                    mysql(), store.toString(), "Secret@2026", "nope", "x", false, UNIT))
        .hasMessageContaining("officeflow.signing.key-alias");
    assertThatThrownBy(
            () ->
                new UnitCertificate(
                    mysql(), dir.resolve("missing.p12").toString(), "x", "unit", "x", false, UNIT))
        .hasMessageContaining("不存在或不可读");
  }

  @Test
  void theMysqlProfileRefusesToStartWithoutAKeystoreUnlessATrialSaysSo() {
    Path demoPath = dir.resolve("trial/demo.p12");
    assertThatThrownBy(
            () -> new UnitCertificate(mysql(), "", "", "", demoPath.toString(), false, UNIT))
        .hasMessageContaining("未配置单位签名证书")
        .hasMessageContaining("OFFICEFLOW_SIGNING_KEYSTORE");
    assertThat(Files.exists(demoPath)).as("no throwaway key was made").isFalse();
    UnitCertificate trial =
        new UnitCertificate(mysql(), "", "", "", demoPath.toString(), true, UNIT);
    assertThat(trial.demo()).isTrue();
  }

  static UnitCertificate demo(Path path) {
    return new UnitCertificate(new StandardEnvironment(), "", "", "", path.toString(), false, UNIT);
  }

  static StandardEnvironment mysql() {
    StandardEnvironment environment = new StandardEnvironment();
    environment.setActiveProfiles("mysql");
    return environment;
  }

  static byte[] pdf() throws Exception {
    try (PDDocument document = new PDDocument()) {
      PDPage page = new PDPage(PDRectangle.A4);
      document.addPage(page);
      try (var content =
          new org.apache.pdfbox.pdmodel.PDPageContentStream(
              document,
              page,
              org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode.OVERWRITE,
              false)) {
        content.beginText();
        content.setFont(
            new org.apache.pdfbox.pdmodel.font.PDType1Font(
                org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName.HELVETICA),
            12);
        content.newLineAtOffset(72, 720);
        content.showText("Hello");
        content.endText();
      }
      document.getDocument().setIsXRefStream(false);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out, org.apache.pdfbox.pdfwriter.compress.CompressParameters.NO_COMPRESSION);
      return out.toByteArray();
    }
  }

  static int indexOf(byte[] data, byte[] pattern) {
    outer:
    for (int i = 0; i <= data.length - pattern.length; i++) {
      for (int j = 0; j < pattern.length; j++) {
        if (data[i + j] != pattern[j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new AssertionError("pattern not found");
  }
}
