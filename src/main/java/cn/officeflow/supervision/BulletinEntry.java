package cn.officeflow.supervision;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** One line of the 通报 list (of_supervision_bulletin): an item that went red, for the monthly 通报. */
public record BulletinEntry(
    String id,
    String itemId,
    String kind,
    String title,
    String department,
    String departmentName,
    String handler,
    String handlerName,
    LocalDate due,
    String escalatedTo,
    String escalatedToNames,
    String note,
    LocalDateTime createdAt) {}
