package cn.officeflow.platform.improve;

import cn.officeflow.platform.engine.EngineClock;
import cn.officeflow.platform.org.OrgService;
import cn.officeflow.platform.web.ValidationException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * 优化建议 / 整改事项 as a clerk writes them in a text area, one per line: {@code 内容 | 责任人 | 完成期限},
 * e.g. {@code 增设夜间值班消防培训 | linfeng | 2026-12-31}. The owner is a user id or a unique name (林峰);
 * the date is YYYY-MM-DD, today or later (engine clock). Full-width ｜ is accepted as separator. Blank
 * lines are ignored. Used by 应急复盘 and 应急演练: each item becomes a tracked task for its owner.
 */
public final class ImprovementItems {

  /** At most this many items in one text. */
  public static final int MAX_ITEMS = 30;

  /** At most this many characters for one item's text. */
  public static final int MAX_TEXT = 500;

  private static final Pattern SEPARATOR = Pattern.compile("[|｜]");

  private ImprovementItems() {}

  /**
   * Parses and checks the items.
   *
   * @param text the text area's value (null or blank: no items)
   * @param field the variable's name, for messages
   * @param org to find owners
   * @return the items in the order written
   * @throws ValidationException naming the field and the line when a line is malformed
   */
  public static List<ImprovementItem> parse(Object text, String field, OrgService org) {
    if (text == null) {
      return List.of();
    }
    if (!(text instanceof String value)) {
      throw new ValidationException(field, "必须是文本，每行一项：内容 | 责任人 | 完成期限");
    }
    List<ImprovementItem> items = new ArrayList<>();
    String[] lines = value.split("\\R");
    LocalDate today = EngineClock.today();
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty()) {
        continue;
      }
      String where = "第 " + (i + 1) + " 行";
      String[] parts = SEPARATOR.split(line, -1);
      if (parts.length != 3) {
        throw new ValidationException(
            field, where + "格式应为「内容 | 责任人 | 完成期限」，例如：增设消防培训 | linfeng | 2026-12-31");
      }
      String itemText = parts[0].strip();
      if (itemText.isEmpty()) {
        throw new ValidationException(field, where + "缺少整改内容");
      }
      if (itemText.length() > MAX_TEXT) {
        throw new ValidationException(field, where + "内容不能超过 " + MAX_TEXT + " 字");
      }
      String ownerId = owner(parts[1].strip(), field, where, org);
      LocalDate due;
      try {
        due = LocalDate.parse(parts[2].strip());
      } catch (DateTimeParseException e) {
        throw new ValidationException(field, where + "完成期限应为 YYYY-MM-DD 格式的日期：" + parts[2].strip());
      }
      if (due.isBefore(today)) {
        throw new ValidationException(field, where + "完成期限 " + due + " 已过，不能早于今天");
      }
      items.add(new ImprovementItem(itemText, ownerId, org.displayName(ownerId), due));
      if (items.size() > MAX_ITEMS) {
        throw new ValidationException(field, "最多 " + MAX_ITEMS + " 项");
      }
    }
    return items;
  }

  private static String owner(String owner, String field, String where, OrgService org) {
    if (owner.isEmpty()) {
      throw new ValidationException(field, where + "缺少责任人");
    }
    if (org.userExists(owner)) {
      return owner;
    }
    List<String> byName = org.usersNamed(owner);
    if (byName.size() == 1) {
      return byName.get(0);
    }
    if (byName.isEmpty()) {
      throw new ValidationException(field, where + "责任人「" + owner + "」不存在（请填写用户名或姓名）");
    }
    throw new ValidationException(field, where + "有多人名为「" + owner + "」，请填写用户名");
  }
}
