package cn.officeflow.incoming;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/** One 收文 (row of of_incoming_document). */
public record IncomingDocument(
    String id,
    String processInstanceId,
    int receiptYear,
    int receiptSeq,
    String receiptNumber,
    String senderOrg,
    String senderNumber,
    String title,
    LocalDate receivedOn,
    String urgency,
    String secrecy,
    int pages,
    String summary,
    String duplicateOf,
    String registeredBy,
    String registeredByName,
    LocalDateTime registeredAt,
    String handling,
    String proposal,
    String leadDepartment,
    String leadDepartmentName,
    String assistingDepartments,
    Integer deadlineDays,
    String proposedBy,
    LocalDateTime proposedAt,
    String instruction,
    String instructedBy,
    String instructedByName,
    LocalDateTime instructedAt,
    String circulateTo,
    String supervisionItemId,
    String archiveEntryId,
    String voidReason,
    IncomingStatus status,
    LocalDateTime updatedAt) {

  public List<String> assistingDepartmentIds() {
    return split(assistingDepartments);
  }

  public List<String> circulateToIds() {
    return split(circulateTo);
  }

  private static List<String> split(String text) {
    return text == null || text.isBlank() ? List.of() : List.of(text.split(","));
  }
}
