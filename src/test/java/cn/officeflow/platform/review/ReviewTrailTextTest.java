package cn.officeflow.platform.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The review trail as text: the decision, then the comment only when it says more than the decision. */
class ReviewTrailTextTest {

  private static final LocalDateTime TIME = LocalDateTime.of(2026, 12, 3, 15, 43);

  private static Review review(String decision, String comment) {
    return new Review("Task_DeptReview", "部门初审", "liuyang", "刘洋", TIME, decision, comment, 1);
  }

  @ParameterizedTest(name = "{0} / [{1}] → {2}")
  @CsvSource(
      delimiter = '|',
      nullValues = "NULL",
      value = {
        "approve | NULL            | 同意",
        "approve | ''              | 同意",
        "approve | '   '           | 同意",
        "approve | 同意            | 同意",
        "approve | 同意。          | 同意",
        "approve | 同意！          | 同意",
        "approve | ' 同意. '       | 同意",
        "approve | 同意。。        | 同意",
        "approve | 「同意」        | 同意",
        "approve | 同意，请尽快印发。 | 同意，请尽快印发。",
        "approve | 拟同意          | 同意。拟同意",
        "approve | 文字已核对      | 同意。文字已核对",
        "reject  | 请补充值班表    | 退回。请补充值班表",
        "reject  | 退回：标题需修改 | 退回：标题需修改",
        "reject  | 退回。          | 退回",
        "reject  | 同意            | 退回。同意",
        "read    | 已阅            | 已阅"
      })
  void decisionThenCommentOnlyWhenItAddsSomething(
      String decision, String comment, String expected) {
    assertThat(ReviewService.opinion(review(decision, comment))).isEqualTo(expected);
  }

  @Test
  void trailLineDoesNotRepeatTheDecision() {
    String text =
        ReviewService.trailText(
            List.of(
                review(Review.APPROVE, "同意。"),
                new Review(
                    "Task_LegalReview",
                    "法务复审",
                    "zhoujie",
                    "周杰",
                    TIME.plusHours(1),
                    Review.REJECT,
                    "第三段引用的条款已废止",
                    2)));
    assertThat(text)
        .isEqualTo(
            """
        2026-12-03 15:43  部门初审（第1稿）  刘洋：同意
        2026-12-03 16:43  法务复审（第2稿）  周杰：退回。第三段引用的条款已废止"""
                .stripIndent()
                .strip());
    assertThat(ReviewService.trailText(List.of())).isEqualTo("（暂无审批意见）");
  }
}
