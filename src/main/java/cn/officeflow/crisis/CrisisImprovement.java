package cn.officeflow.crisis;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** One 改进措施 of a 复盘报告 with its owner, due date and, once done, the owner's 落实情况. */
public record CrisisImprovement(
    String id,
    String caseId,
    int seq,
    String text,
    String owner,
    String ownerName,
    LocalDate due,
    boolean done,
    String result,
    String doneBy,
    LocalDateTime doneAt) {}
