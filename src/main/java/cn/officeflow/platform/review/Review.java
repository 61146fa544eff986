package cn.officeflow.platform.review;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * One entry of a business record's review trail (审批意见): step, user (id), name, time, decision, comment
 * and the version of the record it was about (第 N 稿; null where the record has no versions).
 */
public record Review(
    String stepId,
    String step,
    String user,
    String name,
    LocalDateTime time,
    String decision,
    String comment,
    Integer version) {

  public Review(
      String stepId,
      String step,
      String user,
      String name,
      LocalDateTime time,
      String decision,
      String comment) {
    this(stepId, step, user, name, time, decision, comment, null);
  }

  public static final String APPROVE = "approve";
  public static final String REJECT = "reject";

  /**
   * Entries that are not approvals (收文 拟办, 批示, 传阅 已阅, 登记作废; 转办, 委派, 抄送, 抄送 已阅, 加签 and
   * 减签) carry these
   * kinds instead of a decision.
   */
  public static final String PROPOSE = "propose";

  public static final String INSTRUCT = "instruct";
  public static final String READ = "read";
  public static final String VOID = "void";

  /** Task operations (DESIGN.md §6): 转办, 委派, 抄送; the comment says to whom and why. */
  public static final String TRANSFER = "transfer";

  public static final String DELEGATE = "delegate";
  public static final String CC = "cc";

  /** 退回 to an earlier step and 撤回 by the initiator; the comment says to which step and why. */
  public static final String RETURN = "return";

  public static final String WITHDRAW = "withdraw";

  /** 加签 and 减签: the comment names the signers, the mode and the reason. */
  public static final String ADD_SIGNERS = "add-signers";

  public static final String REMOVE_SIGNER = "remove-signer";

  /**
   * One line of a printed opinion table (收文处理笺, 采购记录, 发文 审批记录): step, name, time, kind (the decision's
   * label), comment ("" for none) and version ("第 2 稿", "" where the record has no versions), as the
   * templates read them.
   */
  public Map<String, String> printed(DateTimeFormatter timeFormat) {
    return Map.of(
        "version",
        version == null ? "" : "第 " + version + " 稿",
        "step",
        step,
        "name",
        name,
        "time",
        timeFormat.format(time),
        "kind",
        decisionLabel(),
        "comment",
        comment == null ? "" : comment);
  }

  public String decisionLabel() {
    return switch (decision) {
      case APPROVE -> "同意";
      case REJECT -> "退回";
      case PROPOSE -> "拟办";
      case INSTRUCT -> "批示";
      case READ -> "已阅";
      case VOID -> "作废";
      case TRANSFER -> "转办";
      case DELEGATE -> "委派";
      case CC -> "抄送";
      case RETURN -> "退回";
      case WITHDRAW -> "撤回";
      case ADD_SIGNERS -> "加签";
      case REMOVE_SIGNER -> "减签";
      default -> decision;
    };
  }
}
