package cn.officeflow.outgoing;

import java.time.LocalDateTime;

/** A row of of_outgoing_document: the current state of one 发文 (body lives in its versions). */
public record OutgoingDocument(
    String id,
    String processInstanceId,
    String title,
    String docType,
    String mainRecipients,
    String copyTo,
    String attachments,
    String urgency,
    String secrecy,
    String docCode,
    String countersignDepts,
    String drafter,
    String drafterName,
    String draftDept,
    String draftDeptName,
    DocumentStatus status,
    int version,
    String documentNumber,
    Integer numberYear,
    Integer numberSeq,
    String signer,
    String signerName,
    LocalDateTime signedAt,
    LocalDateTime issuedAt,
    boolean hasDocx,
    LocalDateTime createdAt,
    LocalDateTime updatedAt,
    String secrecyPeriod,
    String notes) {}
