package cn.officeflow.platform.signing;

import cn.officeflow.platform.engine.EngineClock;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.Collection;
import java.util.GregorianCalendar;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.ExternalSigningSupport;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSAttributeTableGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.util.Store;
import org.springframework.stereotype.Service;

/**
 * PAdES signatures (baseline B-B, {@code ETSI.CAdES.detached}) over a whole PDF with the unit's certificate, and
 * their verification.
 *
 * <p>Signing appends an incremental update (PDFBox {@code saveIncrementalForExternalSigning}): the bytes of the
 * PDF/A file stay exactly as they were and the signature covers all of them; the added objects (an invisible
 * signature field whose widget has a zero-size rectangle and the Print flag, the signature dictionary) are what
 * PDF/A-2 allows, so the file's PDF/A-2b claim stays true. The CMS carries the ESS signing-certificate-v2 attribute
 * and no signing-time attribute; the claimed signing time is the dictionary's {@code M} (PAdES B-B has no trusted
 * time stamp).
 */
@Service
public class PdfSignatures {

  static final COSName PADES = COSName.getPDFName("ETSI.CAdES.detached");

  /** Room for the CMS (certificate chain of a few certificates, RSA up to 4096 bits). */
  private static final int SIGNATURE_SIZE = 32 * 1024;

  private static final org.bouncycastle.operator.DefaultAlgorithmNameFinder DIGESTS =
      new org.bouncycastle.operator.DefaultAlgorithmNameFinder();

  private final UnitCertificate unit;

  public PdfSignatures(UnitCertificate unit) {
    this.unit = unit;
  }

  /** {@code pdf} signed with the unit's certificate; {@code reason} and {@code location} go into the signature. */
  public byte[] sign(byte[] pdf, String reason, String location) {
    return sign(pdf, unit.key(), unit.chain(), reason, location, EngineClock.now());
  }

  /**
   * {@code pdf} signed with any key and chain (the application always uses the unit's; tests sign with keys of
   * their own to see that the verification names whoever signed).
   */
  public static byte[] sign(
      byte[] pdf,
      java.security.PrivateKey key,
      List<X509Certificate> chain,
      String reason,
      String location,
      LocalDateTime time) {
    try (PDDocument document = Loader.loadPDF(pdf);
        SignatureOptions options = new SignatureOptions()) {
      X509Certificate certificate = chain.get(0);
      PDSignature signature = new PDSignature();
      signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
      signature.setSubFilter(PADES);
      signature.setName(commonName(certificate));
      signature.setReason(reason);
      signature.setLocation(location);
      signature.setSignDate(calendar(time));
      options.setPreferredSignatureSize(SIGNATURE_SIZE);
      document.addSignature(signature, options);
      // PDF/A-2 (6.3.2): a widget annotation is printable; its rectangle is 0 × 0 (invisible
      // signature)
      List<PDSignatureField> fields = document.getSignatureFields();
      fields.get(fields.size() - 1).getWidgets().forEach(w -> w.setPrinted(true));
      ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 2 * SIGNATURE_SIZE + 4096);
      ExternalSigningSupport external = document.saveIncrementalForExternalSigning(out);
      external.setSignature(cms(external.getContent(), key, chain));
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("PDF 签名失败：" + e.getMessage(), e);
    }
  }

  private static byte[] cms(
      InputStream content, java.security.PrivateKey key, List<X509Certificate> chain)
      throws IOException {
    try {
      X509Certificate certificate = chain.get(0);
      String algorithm = "EC".equals(key.getAlgorithm()) ? "SHA256withECDSA" : "SHA256withRSA";
      ESSCertIDv2 certId =
          new ESSCertIDv2(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
      AttributeTable extra =
          new AttributeTable(
              new Attribute(
                  PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                  new DERSet(new SigningCertificateV2(new ESSCertIDv2[] {certId}))));
      CMSAttributeTableGenerator signedAttributes =
          parameters ->
              new DefaultSignedAttributeTableGenerator(extra)
                  .getAttributes(parameters)
                  .remove(CMSAttributes.signingTime); // PAdES: the time is the dictionary's M
      CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
      generator.addSignerInfoGenerator(
          new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
              .setSignedAttributeGenerator(signedAttributes)
              .build(new JcaContentSignerBuilder(algorithm).build(key), certificate));
      generator.addCertificates(new JcaCertStore(chain));
      return generator
          .generate(new CMSProcessableByteArray(content.readAllBytes()), false)
          .getEncoded();
    } catch (GeneralSecurityException | OperatorCreationException | CMSException e) {
      throw new IOException("cannot make the CMS signature: " + e.getMessage(), e);
    }
  }

  /** Checks the last signature of {@code pdf} (see {@link SignatureReport}). */
  public SignatureReport verify(byte[] pdf) {
    List<String> problems = new ArrayList<>();
    PDSignature signature;
    try (PDDocument document = Loader.loadPDF(pdf)) {
      signature = document.getLastSignatureDictionary();
    } catch (IOException e) {
      problems.add("PDF 文件已损坏，无法读取签名：" + e.getMessage());
      return unsigned(problems);
    }
    if (signature == null) {
      problems.add("PDF 没有电子签名");
      return unsigned(problems);
    }
    int[] range = signature.getByteRange();
    if (range == null || range.length != 4 || !withinFile(range, pdf.length)) {
      problems.add("签名的字节范围（ByteRange）无效");
      return new SignatureReport(
          true,
          false,
          false,
          false,
          false,
          false,
          false,
          subFilter(signature),
          null,
          null,
          null,
          problems);
    }
    boolean covers = range[0] == 0 && onlySignatureBetween(pdf, range);
    long signedEnd = (long) range[2] + range[3];
    boolean changedAfter = signedEnd < pdf.length;
    if (!covers) {
      problems.add("签名没有覆盖整个文件：签名值之外还有未签名的内容");
    }
    if (changedAfter) {
      problems.add("签名之后文件又被追加修改（" + (pdf.length - signedEnd) + " 字节未被签名覆盖）");
    }
    byte[] signedContent = signedContent(pdf, range);
    byte[] contents = hex(pdf, range[0] + range[1] + 1, range[2] - 1);
    boolean digestMatches = false;
    boolean valid = false;
    X509Certificate certificate = null;
    try {
      // the value is padded with zeros to the reserved size: read the one DER object it holds
      CMSSignedData cms;
      try (org.bouncycastle.asn1.ASN1InputStream in =
          new org.bouncycastle.asn1.ASN1InputStream(contents)) {
        cms =
            new CMSSignedData(
                new CMSProcessableByteArray(signedContent),
                org.bouncycastle.asn1.cms.ContentInfo.getInstance(in.readObject()));
      }
      Collection<SignerInformation> signers = cms.getSignerInfos().getSigners();
      if (signers.size() != 1) {
        problems.add("签名中应有且只有一个签名者，实有 " + signers.size() + " 个");
      } else {
        SignerInformation signer = signers.iterator().next();
        certificate = certificate(cms.getCertificates(), signer);
        if (certificate == null) {
          problems.add("签名中没有签名者的证书");
        } else {
          digestMatches = digestMatches(signer, signedContent);
          if (!digestMatches) {
            problems.add("文件内容与签名时不符：签名范围内的摘要不一致");
          }
          valid =
              signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(certificate))
                  && digestMatches;
          if (!valid && digestMatches) {
            problems.add("签名值不能用证书验证");
          }
        }
      }
    } catch (CMSException
        | GeneralSecurityException
        | OperatorCreationException
        | IOException
        | RuntimeException e) {
      problems.add("签名数据无效：" + e.getMessage());
      valid = false;
    }
    LocalDateTime time =
        signature.getSignDate() == null
            ? null
            : LocalDateTime.ofInstant(signature.getSignDate().toInstant(), EngineClock.ZONE);
    Boolean validAtTime = null;
    boolean unitCertificate = false;
    if (certificate != null) {
      unitCertificate = sameCertificate(certificate, unit.certificate());
      if (!unitCertificate) {
        problems.add("签名证书不是本单位的签章证书");
      }
      if (time != null) {
        try {
          certificate.checkValidity(signature.getSignDate().getTime());
          validAtTime = true;
        } catch (GeneralSecurityException e) {
          validAtTime = false;
          problems.add("签名时间不在证书有效期内");
        }
      }
    }
    boolean intact = covers && !changedAfter && valid;
    return new SignatureReport(
        true,
        intact,
        covers,
        changedAfter,
        digestMatches,
        valid,
        unitCertificate,
        subFilter(signature),
        time,
        validAtTime,
        certificate == null ? null : signer(certificate),
        problems);
  }

  private static SignatureReport unsigned(List<String> problems) {
    return new SignatureReport(
        false, false, false, false, false, false, false, null, null, null, null, problems);
  }

  private static String subFilter(PDSignature signature) {
    return signature.getSubFilter();
  }

  private static boolean withinFile(int[] range, int length) {
    return range[0] >= 0
        && range[1] >= 0
        && range[2] >= range[0] + range[1] + 2
        && range[3] >= 0
        && (long) range[2] + range[3] <= length;
  }

  /** Between the two ranges there is exactly {@code <hex…>}: the signature value, nothing else. */
  private static boolean onlySignatureBetween(byte[] pdf, int[] range) {
    int from = range[0] + range[1];
    int to = range[2];
    if (pdf[from] != '<' || pdf[to - 1] != '>') {
      return false;
    }
    for (int i = from + 1; i < to - 1; i++) {
      if (Character.digit(pdf[i], 16) < 0) {
        return false;
      }
    }
    return true;
  }

  private static byte[] signedContent(byte[] pdf, int[] range) {
    byte[] content = new byte[range[1] + range[3]];
    System.arraycopy(pdf, range[0], content, 0, range[1]);
    System.arraycopy(pdf, range[2], content, range[1], range[3]);
    return content;
  }

  private static byte[] hex(byte[] pdf, int from, int to) {
    StringBuilder text = new StringBuilder(to - from);
    for (int i = from; i < to; i++) {
      if (Character.digit(pdf[i], 16) >= 0) {
        text.append((char) pdf[i]);
      }
    }
    if (text.length() % 2 == 1) {
      text.append('0');
    }
    return HexFormat.of().parseHex(text);
  }

  private static boolean digestMatches(SignerInformation signer, byte[] content)
      throws GeneralSecurityException {
    AttributeTable attributes = signer.getSignedAttributes();
    Attribute digest = attributes == null ? null : attributes.get(CMSAttributes.messageDigest);
    if (digest == null) {
      return false;
    }
    byte[] claimed = ASN1OctetString.getInstance(digest.getAttrValues().getObjectAt(0)).getOctets();
    MessageDigest md =
        MessageDigest.getInstance(DIGESTS.getAlgorithmName(signer.getDigestAlgorithmID()));
    return MessageDigest.isEqual(claimed, md.digest(content));
  }

  @SuppressWarnings("unchecked")
  private static X509Certificate certificate(
      Store<X509CertificateHolder> store, SignerInformation signer)
      throws GeneralSecurityException {
    Collection<X509CertificateHolder> matches = store.getMatches(signer.getSID());
    if (matches.isEmpty()) {
      return null;
    }
    return new JcaX509CertificateConverter().getCertificate(matches.iterator().next());
  }

  private static boolean sameCertificate(X509Certificate a, X509Certificate b) {
    try {
      return Arrays.equals(a.getEncoded(), b.getEncoded());
    } catch (CertificateEncodingException e) {
      return false;
    }
  }

  static SignatureReport.Signer signer(X509Certificate certificate) {
    String fingerprint;
    try {
      fingerprint =
          HexFormat.ofDelimiter(":")
              .withUpperCase()
              .formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
    } catch (GeneralSecurityException e) {
      fingerprint = null;
    }
    String subject = certificate.getSubjectX500Principal().getName();
    return new SignatureReport.Signer(
        subject,
        commonName(certificate),
        certificate.getSerialNumber().toString(16).toUpperCase(Locale.ROOT),
        certificate.getIssuerX500Principal().getName(),
        LocalDateTime.ofInstant(certificate.getNotBefore().toInstant(), EngineClock.ZONE),
        LocalDateTime.ofInstant(certificate.getNotAfter().toInstant(), EngineClock.ZONE),
        fingerprint,
        subject.contains(UnitCertificate.DEMO_MARK));
  }

  static String commonName(X509Certificate certificate) {
    try {
      for (Rdn rdn : new LdapName(certificate.getSubjectX500Principal().getName()).getRdns()) {
        if ("CN".equalsIgnoreCase(rdn.getType())) {
          return String.valueOf(rdn.getValue());
        }
      }
    } catch (javax.naming.InvalidNameException e) {
      // fall through: no CN
    }
    return certificate.getSubjectX500Principal().getName();
  }

  private static Calendar calendar(LocalDateTime time) {
    GregorianCalendar calendar = new GregorianCalendar(TimeZone.getTimeZone(EngineClock.ZONE));
    calendar.setTimeInMillis(time.atZone(EngineClock.ZONE).toInstant().toEpochMilli());
    return calendar;
  }
}
