package cn.officeflow.outgoing;

import static cn.officeflow.outgoing.ProofreadingText.*;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Service;

/**
 * 发文校对辅助：签发后，格式、表述、附件三位校对人员在表单中看到的自动检查结果。
 *
 * <p>只做纯文本检查，不访问流程引擎或数据库。每条结果是一句简短中文，开头注明位置（如“第3段：”“文号：”）；
 * 以 {@link #NOTE} 结尾的条目是提示，不算错误。
 */
@Service
public class ProofreadingAids {

  /** 提示性条目（非错误）的结尾标记。 */
  public static final String NOTE = "（提示）";

  /** 没有发现时显示的文字。 */
  public static final String NO_FINDINGS = "未发现问题。";

  /** 发文校对的输入；各字段均可为空。{@code attachments} 每行一个附件名。 */
  public record ProofreadingInput(
      String title,
      String docType,
      String mainRecipients,
      String body,
      String attachments,
      String documentNumber,
      String docCode,
      LocalDate issueDate) {}

  /** 三类校对结果，每项为一条中文说明。 */
  public record ProofreadingFindings(
      List<String> format, List<String> wording, List<String> attachments) {

    public ProofreadingFindings {
      format = List.copyOf(format);
      wording = List.copyOf(wording);
      attachments = List.copyOf(attachments);
    }

    /** 渲染为“1. …\n2. …”；无内容时为“未发现问题。”。 */
    public static String asText(List<String> items) {
      if (items == null || items.isEmpty()) {
        return NO_FINDINGS;
      }
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < items.size(); i++) {
        if (i > 0) {
          text.append('\n');
        }
        text.append(i + 1).append(". ").append(items.get(i));
      }
      return text.toString();
    }

    /** 是否为提示（不算错误）。 */
    public static boolean isNote(String finding) {
      return finding != null && finding.endsWith(NOTE);
    }

    public String formatText() {
      return asText(format);
    }

    public String wordingText() {
      return asText(wording);
    }

    public String attachmentsText() {
      return asText(attachments);
    }
  }

  /** 三类校对，各由一位校对人员负责。 */
  public enum Check {
    FORMAT,
    WORDING,
    ATTACHMENTS
  }

  /** 检查一份公文，返回格式、表述、附件三类结果。 */
  public ProofreadingFindings check(ProofreadingInput in) {
    return new ProofreadingFindings(
        findings(Check.FORMAT, in), findings(Check.WORDING, in), findings(Check.ATTACHMENTS, in));
  }

  /**
   * 只做一类检查：每位校对人员的任务只显示自己那一类，另外两类不必为它计算（三类都算时约占整个发文生命周期 CPU 的 5%）。
   */
  public List<String> findings(Check check, ProofreadingInput in) {
    Objects.requireNonNull(check, "check");
    Objects.requireNonNull(in, "in");
    List<Paragraph> paragraphs = paragraphs(in.body());
    return switch (check) {
      case FORMAT ->
          FormatChecks.findings(
              in, paragraphs, AttachmentChecks.note(paragraphs).paragraphNumbers());
      case WORDING -> WordingChecks.findings(in, paragraphs);
      case ATTACHMENTS ->
          AttachmentChecks.findings(in, paragraphs, AttachmentChecks.note(paragraphs));
    };
  }

  /** 成文日期的标准写法：阿拉伯数字、不编虚位，如“2026年1月5日”。 */
  public static String issueDateText(LocalDate date) {
    return date == null
        ? ""
        : date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
  }
}
