package cn.officeflow.reimbursement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/** A reimbursement claim (报销单) as stored in of_reimbursement. */
public record Reimbursement(
    String id,
    String processInstanceId,
    String applicant,
    String applicantName,
    String procurementId,
    BigDecimal amount,
    String purpose,
    List<Invoice> invoices,
    ReimbursementStatus status,
    String firstReviewer,
    String secondReviewer,
    String leader,
    LocalDate paidOn,
    String paymentMethod,
    String paymentReference,
    String paidBy,
    LocalDateTime paidAt,
    LocalDateTime createdAt,
    LocalDateTime updatedAt) {}
