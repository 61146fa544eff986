package cn.officeflow.platform.docgen;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * An official outgoing document (发文) ready to be laid out as a GB/T 9704-2012 公文.
 *
 * <p>Optional values may be {@code null}; the generator leaves the matching element out.
 *
 * @param issuingAuthority 发文机关标志 text, e.g. "××市人民政府办公室文件"
 * @param copyNumber 份号, 6 digits, or {@code null}
 * @param secrecy 密级: 公开 | 内部 | 秘密 | 机密; 公开 or {@code null} = not shown
 * @param secrecyPeriod 保密期限, e.g. "1年", or {@code null}
 * @param urgency 紧急程度: 普通 | 加急 | 特急; 普通 or {@code null} = not shown
 * @param documentNumber 发文字号, e.g. 行办发〔2026〕1号
 * @param upward 上行文 (请示, 报告): 文号 on the left and 签发人 on the right
 * @param signer 签发人 name, shown only when {@code upward}
 * @param title 标题
 * @param mainRecipients 主送机关, without the trailing colon
 * @param body 正文, paragraphs separated by {@code \n}
 * @param attachments 附件 names, may be empty
 * @param issuerSignature 发文机关署名
 * @param issueDate 成文日期
 * @param copyTo 抄送机关, or {@code null}/blank
 * @param printingAuthority 印发机关
 * @param printingDate 印发日期
 * @param notes 附注 (GB/T 9704 7.3.7, e.g. the 联系人 and 电话 of a 请示), without the parentheses, or
 *     {@code null}
 */
public record OfficialDocument(
    String issuingAuthority,
    String copyNumber,
    String secrecy,
    String secrecyPeriod,
    String urgency,
    String documentNumber,
    boolean upward,
    String signer,
    String title,
    String mainRecipients,
    String body,
    List<String> attachments,
    String issuerSignature,
    LocalDate issueDate,
    String copyTo,
    String printingAuthority,
    LocalDate printingDate,
    String notes) {

  public OfficialDocument {
    attachments =
        attachments == null ? List.of() : attachments.stream().filter(Objects::nonNull).toList();
  }
}
