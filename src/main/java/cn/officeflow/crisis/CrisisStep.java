package cn.officeflow.crisis;

import java.time.LocalDateTime;

/** One entry of a case's timeline (row of of_crisis_step). */
public record CrisisStep(
    String step,
    String stepName,
    String detail,
    String channel,
    String userId,
    String userName,
    LocalDateTime at) {}
