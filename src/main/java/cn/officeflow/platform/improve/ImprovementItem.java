package cn.officeflow.platform.improve;

import java.time.LocalDate;

/**
 * One 优化建议 / 整改事项 with its owner and due date, as written in a review or an evaluation.
 *
 * @param text what is to be done
 * @param ownerId the user responsible (a Camunda user id)
 * @param ownerName the owner's display name (张伟)
 * @param due the date by which it is to be done
 */
public record ImprovementItem(String text, String ownerId, String ownerName, LocalDate due) {}
