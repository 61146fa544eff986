package cn.officeflow.platform.docgen;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The page count behind the 版记's place, without a renderer (GbT9704RenderingTest checks it in one). */
class PaginationTest {

  private static final int WIDTH = Pagination.WIDTH;
  private static final int CELL = Pagination.CELL_3;

  @Test
  void twentyEightCharactersFillALineAndTheTwentyNinthWraps() {
    assertThat(Pagination.lines("一".repeat(28), WIDTH, 0, CELL)).isEqualTo(1);
    assertThat(Pagination.lines("一".repeat(29), WIDTH, 0, CELL)).isEqualTo(2);
    // first line indented two characters: 26 on it
    assertThat(Pagination.lines("一".repeat(26), WIDTH, 2 * CELL, CELL)).isEqualTo(1);
    assertThat(Pagination.lines("一".repeat(27), WIDTH, 2 * CELL, CELL)).isEqualTo(2);
  }

  @Test
  void aClosingMarkNeverStartsALine() {
    // 28 characters then "。": the 28th goes down with the mark, so 27 + 2 — still two lines
    String text = "一".repeat(28) + "。" + "二".repeat(25);
    assertThat(Pagination.lines(text, WIDTH, 0, CELL)).isEqualTo(2);
    // 28 + "。" + 27: without the rule 2 lines (28, 28); with it the second line holds 29 → 3 lines
    String full = "一".repeat(28) + "。" + "二".repeat(27);
    assertThat(Pagination.lines(full, WIDTH, 0, CELL)).isEqualTo(3);
  }

  @Test
  void imprintStaysOnAnEvenPageWithRoomAndOtherwiseMovesToTheNextEvenPage() {
    Pagination evenWithRoom = onPage(2, 10);
    int[] place = evenWithRoom.imprint(2);
    assertThat(place[0]).isZero();
    assertThat(place[1]).isEqualTo(Pagination.AREA - evenWithRoom.y() - height(2));

    int[] oddPage = onPage(1, 10).imprint(2);
    assertThat(oddPage[0]).as("to the even page after").isEqualTo(1);
    assertThat(oddPage[1]).isEqualTo(Pagination.AREA - height(2));

    int[] evenFull = onPage(2, 22).imprint(2);
    assertThat(evenFull[0]).as("a blank odd page, then the even page").isEqualTo(2);

    int[] oddFull = onPage(3, 22).imprint(2);
    assertThat(oddFull[0]).isEqualTo(1);
  }

  private static int height(int lines) {
    return lines * (Pagination.LINE + Pagination.IMPRINT_ROW_RULE)
        + Pagination.IMPRINT_TOP_RULE
        + Pagination.IMPRINT_SLACK;
  }

  /** A pagination at {@code lines} lines down page {@code page}. */
  private static Pagination onPage(int page, int lines) {
    Pagination pages = new Pagination();
    for (int p = 1; p < page; p++) {
      pages.paragraph(0, 22);
    }
    pages.paragraph(0, lines);
    assertThat(pages.page()).isEqualTo(page);
    return pages;
  }
}
