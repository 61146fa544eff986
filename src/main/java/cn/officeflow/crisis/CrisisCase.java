package cn.officeflow.crisis;

import java.time.LocalDateTime;

/** One 危机公关 case (row of of_crisis_case). */
public record CrisisCase(
    String id,
    String processInstanceId,
    CrisisOrigin origin,
    String emergencyId,
    String emergencyLevel,
    String keyword,
    String source,
    String summary,
    String link,
    String spread,
    String impactLevel,
    String assessment,
    String initiator,
    String initiatorName,
    LocalDateTime reportedAt,
    LocalDateTime firstResponseAt,
    String firstResponseBy,
    String firstResponseByName,
    Integer responseMinutes,
    Boolean withinTarget,
    LocalDateTime warnedAt,
    LocalDateTime escalatedAt,
    CrisisStatus status,
    String reviewReport,
    String archiveEntryId,
    LocalDateTime closedAt) {}
