package cn.officeflow.platform.improve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.officeflow.platform.org.OrgService;
import cn.officeflow.platform.web.ValidationException;
import cn.officeflow.support.HttpTest;
import cn.officeflow.support.TestClock;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** 优化建议 / 整改事项 lines against the demo organisation (real identity tables, engine clock). */
@HttpTest
class ImprovementItemsTest {

  @Autowired OrgService org;

  @BeforeEach
  void today() {
    TestClock.set("2026-12-03T10:00");
  }

  @AfterEach
  void reset() {
    TestClock.reset();
  }

  @Test
  void oneItemPerLineWithOwnerByIdOrNameAndDueDate() {
    List<ImprovementItem> items =
        ImprovementItems.parse(
            "增设夜间消防培训 | linfeng | 2026-12-31\n\n  更新应急预案通讯录｜林峰｜2026-12-03  \r\n",
            "suggestions",
            org);
    assertThat(items)
        .containsExactly(
            new ImprovementItem("增设夜间消防培训", "linfeng", "林峰", LocalDate.of(2026, 12, 31)),
            new ImprovementItem("更新应急预案通讯录", "linfeng", "林峰", LocalDate.of(2026, 12, 3)));
  }

  @Test
  void nothingWrittenIsNoItems() {
    assertThat(ImprovementItems.parse(null, "suggestions", org)).isEmpty();
    assertThat(ImprovementItems.parse(" \n ", "suggestions", org)).isEmpty();
  }

  @Test
  void badLinesAreRefusedNamingTheFieldAndTheLine() {
    assertRefused("只有内容", "字段 suggestions：第 1 行格式应为");
    assertRefused("a | linfeng | 2026-12-31\n | linfeng | 2026-12-31", "第 2 行缺少整改内容");
    assertRefused("培训 | nobody | 2026-12-31", "第 1 行责任人「nobody」不存在");
    assertRefused("培训 |  | 2026-12-31", "第 1 行缺少责任人");
    assertRefused("培训 | linfeng | 12/31", "第 1 行完成期限应为 YYYY-MM-DD");
    assertRefused("培训 | linfeng | 2026-12-02", "已过，不能早于今天");
    assertRefused("x".repeat(501) + " | linfeng | 2026-12-31", "内容不能超过 500 字");
    assertRefused("培训 | linfeng | 2026-12-31\n".repeat(31), "最多 30 项");
    assertThatThrownBy(() -> ImprovementItems.parse(42, "suggestions", org))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("必须是文本");
  }

  private void assertRefused(String text, String message) {
    assertThatThrownBy(() -> ImprovementItems.parse(text, "suggestions", org))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("suggestions")
        .hasMessageContaining(message);
  }
}
