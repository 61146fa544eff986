package cn.officeflow.platform.docgen;

import java.util.List;
import java.util.Map;

/**
 * The 审批记录 (review trail) of a 公文, as {@code approval/word/document.xml.ftl} prints it after the 公文 in the
 * archived PDF. Public only because FreeMarker's object wrapper reads public types.
 *
 * @param title the 公文's 标题
 * @param documentNumber 发文字号
 * @param signedVersion the 稿 that was signed off (签发) and is printed before this record, e.g. 2
 * @param signOff who signed it off and when, e.g. "吴强 2026-03-02 10:15"
 * @param rows one per entry, oldest first, with the keys of {@code Review.printed}: step, name, time, kind,
 *     comment, version
 */
public record ApprovalRecord(
    String title,
    String documentNumber,
    int signedVersion,
    String signOff,
    List<Map<String, String>> rows) {

  public ApprovalRecord {
    rows = List.copyOf(rows);
  }
}
