package cn.officeflow.platform.worklist;

import java.time.LocalDateTime;

/**
 * One line of 我的工作 (待办, 已办, 我发起的, 抄送我的). Task fields are null on 我发起的 and 抄送我的 lines, the record
 * fields where the process has no record of its own. {@code state}: 待办 {@code assigned} (mine), {@code candidate}
 * (my group's, to claim) or {@code delegated} (委派 by me, with someone else); 我发起的 {@code active},
 * {@code completed} or {@code ended}; 抄送我的 {@code read} or {@code unread}.
 */
public record WorklistEntry(
    String id,
    String taskId,
    String taskName,
    String processInstanceId,
    String processKey,
    String processName,
    String businessKey,
    String title,
    String number,
    String statusLabel,
    String urgency,
    LocalDateTime created,
    LocalDateTime due,
    LocalDateTime ended,
    String state,
    String assignee,
    String assigneeName,
    String decision,
    String decisionLabel,
    String comment,
    String currentSteps,
    String link,
    String linkLabel,
    String from) {}
