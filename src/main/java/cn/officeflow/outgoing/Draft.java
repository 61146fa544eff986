package cn.officeflow.outgoing;

import static cn.officeflow.outgoing.OutgoingDocumentVariables.*;

import cn.officeflow.platform.web.FormValues;
import cn.officeflow.platform.web.ValidationException;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The editable text of a 发文 as the drafter submits it (start form, revision, REST), validated and
 * normalised. Every rule names its field; nothing is stored before all rules pass.
 */
public record Draft(
    String title,
    String docType,
    String mainRecipients,
    String copyTo,
    String body,
    String attachments,
    String urgency,
    String secrecy,
    String docCode,
    List<String> countersignDepts,
    String secrecyPeriod,
    String notes) {

  public static final int MAX_TITLE = 200;
  public static final int MAX_BODY = 50_000;
  public static final int MAX_RECIPIENTS = 500;
  public static final int MAX_ATTACHMENT_LINES = 50;
  public static final int MAX_ATTACHMENTS = 4000;

  public static final int MAX_NOTES = 200;

  /** 保密期限: "1年", "6个月", "长期" (GB/T 9704 7.2.2 writes them after a ★). */
  private static final Pattern SECRECY_PERIOD_PATTERN = Pattern.compile("[1-9]\\d?(年|个月)|长期");

  private static final Pattern DOC_CODE_PATTERN = Pattern.compile("[\\p{IsHan}A-Za-z]{1,12}");

  /** Reads and validates the variables; {@code defaultDocCode} when the draft names none. */
  public static Draft from(Function<String, Object> variables, String defaultDocCode) {
    String title = required(variables, TITLE, MAX_TITLE, "标题");
    String docType = required(variables, DOC_TYPE, 10, "文种");
    if (!DOC_TYPES.contains(docType)) {
      throw new ValidationException(
          DOC_TYPE, "文种必须是 GB/T 9704 的 15 种公文之一：" + String.join("、", DOC_TYPES) + "，收到：" + docType);
    }
    String recipients = stripColon(required(variables, MAIN_RECIPIENTS, MAX_RECIPIENTS, "主送机关"));
    String copyTo = optional(variables, COPY_TO, MAX_RECIPIENTS, "抄送机关");
    String body = required(variables, BODY, MAX_BODY, "正文");
    String attachments = attachments(optional(variables, ATTACHMENTS, MAX_ATTACHMENTS, "附件"));
    String urgency = oneOf(variables, URGENCY, URGENCIES, "紧急程度");
    String secrecy = oneOf(variables, SECRECY, SECRECIES, "密级");
    String docCode = optional(variables, DOC_CODE, 12, "发文机关代字");
    if (docCode == null) {
      docCode = defaultDocCode;
    } else if (!DOC_CODE_PATTERN.matcher(docCode).matches()) {
      throw new ValidationException(DOC_CODE, "发文机关代字只能由汉字或字母组成（如 行办发），收到：" + docCode);
    }
    return new Draft(
        title,
        docType,
        recipients,
        copyTo,
        body,
        attachments,
        urgency,
        secrecy,
        docCode,
        departments(variables.apply(COUNTERSIGN_DEPTS)),
        secrecyPeriod(variables, secrecy),
        notes(variables, docType));
  }

  /**
   * 保密期限: optional (without one the statutory default term applies), only on a 秘密/机密 document,
   * in the form 1年 / 6个月 / 长期; "★" is added by the layout.
   */
  private static String secrecyPeriod(Function<String, Object> variables, String secrecy) {
    String period = optional(variables, SECRECY_PERIOD, 10, "保密期限");
    if (period == null) {
      return null;
    }
    period = period.replace("★", "").strip();
    if (!CLASSIFIED.contains(secrecy)) {
      throw new ValidationException(SECRECY_PERIOD, "只有密级为 秘密 或 机密 的公文才标注保密期限，当前密级：" + secrecy);
    }
    if (!SECRECY_PERIOD_PATTERN.matcher(period).matches()) {
      throw new ValidationException(
          SECRECY_PERIOD, "保密期限应写作“1年”“6个月”或“长期”（年、月数为 1–99），收到：" + period);
    }
    return period;
  }

  /** 附注 without its parentheses (the layout adds them); required on a 请示. */
  private static String notes(Function<String, Object> variables, String docType) {
    String notes = optional(variables, NOTES, MAX_NOTES, "附注");
    if (notes != null) {
      notes = notes.replaceAll("^[（(]+|[）)]+$", "").strip();
      if (notes.isEmpty()) {
        notes = null;
      }
    }
    if (notes == null && NOTES_REQUIRED_TYPES.contains(docType)) {
      throw new ValidationException(NOTES, "请示必须在附注中注明联系人姓名和电话（如：联系人：张三，电话：12345678）");
    }
    return notes;
  }

  public String countersignDeptsText() {
    return String.join(",", countersignDepts);
  }

  static String required(Function<String, Object> variables, String field, int max, String label) {
    String value = optional(variables, field, max, label);
    if (value == null) {
      throw new ValidationException(field, label + "必须填写");
    }
    return value;
  }

  static String optional(Function<String, Object> variables, String field, int max, String label) {
    return FormValues.optionalText(variables.apply(field), field, max, label);
  }

  private static String oneOf(
      Function<String, Object> variables, String field, List<String> allowed, String label) {
    String value = optional(variables, field, 10, label);
    if (value == null) {
      return allowed.get(0);
    }
    if (!allowed.contains(value)) {
      throw new ValidationException(
          field, label + "必须是 " + String.join(" | ", allowed) + " 之一，收到：" + value);
    }
    return value;
  }

  private static String stripColon(String recipients) {
    String value = recipients;
    while (value.endsWith("：") || value.endsWith(":")) {
      value = value.substring(0, value.length() - 1).strip();
    }
    if (value.isEmpty()) {
      throw new ValidationException(MAIN_RECIPIENTS, "主送机关必须填写");
    }
    return value;
  }

  private static String attachments(String text) {
    if (text == null) {
      return null;
    }
    List<String> lines = text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    if (lines.size() > MAX_ATTACHMENT_LINES) {
      throw new ValidationException(ATTACHMENTS, "附件不能超过 " + MAX_ATTACHMENT_LINES + " 个");
    }
    return lines.isEmpty() ? null : String.join("\n", lines);
  }

  /** Department ids from a list, a JSON array (Tasklist's checklist) or a comma/、-separated text. */
  static List<String> departments(Object raw) {
    return FormValues.ids(raw, COUNTERSIGN_DEPTS, "会签部门");
  }
}
