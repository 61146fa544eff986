package cn.officeflow.platform.worklist;

/**
 * What the worklist shows of a process's business record: title, number (文号, 收文编号; null while there is
 * none), status (code and Chinese label), 紧急程度 (普通/加急/特急, null where the record has none) and a link to
 * the record's main artefact (e.g. the .docx of an issued 发文; null where there is none) with its label.
 */
public record BusinessRecord(
    String title,
    String number,
    String status,
    String statusLabel,
    String urgency,
    String link,
    String linkLabel) {

  /** 特急 first, then 加急, then everything else. */
  public int urgencyRank() {
    if (urgency == null) {
      return 0;
    }
    if (urgency.contains("特急")) {
      return 2;
    }
    return urgency.contains("加急") ? 1 : 0;
  }
}
