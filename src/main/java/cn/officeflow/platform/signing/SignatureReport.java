package cn.officeflow.platform.signing;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDateTime;

/**
 * What {@link PdfSignatures#verify} found in a PDF (JSON of {@code GET …/pdf/verify}).
 *
 * @param signed whether the PDF carries a signature at all
 * @param intact the signature is valid <em>and</em> covers the whole file except its own value: nothing in the
 *     file differs from what was signed
 * @param coversWholeFile the signed byte ranges start at byte 0 and end at the end of the file, with only the
 *     signature value between them
 * @param changedAfterSigning bytes were added after the signed part (an incremental update after signing)
 * @param digestMatches the SHA-256 (or the signer's digest) of the signed bytes equals the one the signature holds
 * @param signatureValid the CMS signature verifies against the certificate it names
 * @param signedByUnitCertificate the signing certificate is this installation's unit certificate
 * @param signingTime the signing time the signature claims (office local time; not a trusted time stamp)
 * @param certificateValidAtSigningTime the certificate's validity period includes the signing time
 * @param signer who signed: the certificate as it is in the signature, whoever made it
 * @param problems why the signature is not intact, in Chinese (empty when intact)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SignatureReport(
    boolean signed,
    boolean intact,
    boolean coversWholeFile,
    boolean changedAfterSigning,
    boolean digestMatches,
    boolean signatureValid,
    boolean signedByUnitCertificate,
    String subFilter,
    LocalDateTime signingTime,
    Boolean certificateValidAtSigningTime,
    Signer signer,
    java.util.List<String> problems) {

  /**
   * The signing certificate: subject, its CN, serial number (hex), issuer, validity (office local time), SHA-256
   * fingerprint and whether it is marked as the demo certificate.
   */
  public record Signer(
      String subject,
      String commonName,
      String serialNumber,
      String issuer,
      LocalDateTime notBefore,
      LocalDateTime notAfter,
      String sha256Fingerprint,
      boolean demo) {}
}
