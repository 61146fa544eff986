package cn.officeflow.platform.worklist;

import java.util.Optional;
import java.util.Set;

/**
 * Implemented by each process package (发文, 收文, 督办) to describe its business record by business key for the
 * worklist. Platform code knows only this interface; the worklist asks it only for records the caller is tied
 * to (their task, their instance, a 抄送 to them), so an implementation reads its own rows without access checks.
 */
public interface BusinessRecords {

  /** The process definition keys whose business keys this implementation knows. */
  Set<String> processKeys();

  /** The record with this business key, if any. */
  Optional<BusinessRecord> describe(String businessKey);

  /**
   * Whether the current user may read what is kept about this record outside it (its notifications, {@code
   * GET /api/notifications?businessKey=}): empty when the key is not one of this process's records. Unlike
   * {@link #describe}, this <em>is</em> an access check. By default nobody beyond the office, the auditors and
   * the administrators, who read every record's notifications anyway.
   */
  default Optional<Boolean> readableByCurrentUser(String businessKey) {
    return Optional.empty();
  }
}
