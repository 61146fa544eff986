package cn.officeflow.platform.archive;

import java.time.LocalDateTime;

/**
 * The newest record of the archive's hash chain (GET /api/archive/head): keep {@code seq} and {@code hash}
 * somewhere else (printed in the monthly report, mailed off-site) and pass them back to
 * GET /api/archive/verify?headSeq=&headHash= to detect a chain rewritten with fresh hashes. {@code kind} and
 * {@code at} are informative (null when only seq and hash are given back).
 */
public record ChainHead(int seq, String hash, String kind, LocalDateTime at) {}
