package cn.officeflow.platform.files;

import java.util.List;

/**
 * Files a process keeps in its own tables (收文's scans …) rather than in {@link StoredFileService}, described
 * the same way (name, size, SHA-256, who uploaded them when), so that the auditors' view of a case lists every file
 * of it. A process package implements it as a bean; the platform never imports the package.
 */
public interface CaseFileSource {

  /** The files of the record with this business key; empty when it is not one of this process's records. */
  List<StoredFile> files(String businessKey);
}
