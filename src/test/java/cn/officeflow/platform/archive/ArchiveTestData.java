package cn.officeflow.platform.archive;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Archive entries for tests, each in a department of its own so that listings do not mix tests. */
public final class ArchiveTestData {

  private ArchiveTestData() {}

  public static String department() {
    return "dept-t" + UUID.randomUUID().toString().substring(0, 8);
  }

  public static NewArchiveEntry entry(
      String department, String title, String number, String secrecy) {
    byte[] content = ("电子文件：" + title + " " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
    return new NewArchiveEntry(
        2026,
        department,
        "测试处",
        secrecy,
        ArchiveSource.OUTGOING,
        UUID.randomUUID().toString(),
        title,
        number,
        title + ".docx",
        ArchiveService.DOCX,
        content,
        null,
        null);
  }

  public static NewArchiveEntry entry(String title) {
    return entry(department(), title, null, "内部");
  }
}
