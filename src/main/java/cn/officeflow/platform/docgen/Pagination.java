package cn.officeflow.platform.docgen;

/**
 * Where the 版记 goes: the document is set on a fixed grid (exact 28.95 pt lines, 28 characters of
 * 3号 per line), so its pages can be counted here, before any renderer sees it. GB/T 9704 puts the
 * 版记 on the last page, an even page (封四), with its last line on the bottom edge of the type area:
 * the template inserts {@link #pageBreaks} page breaks (a blank page where the 落款 ends on an even
 * page that has no room left) and a spacer {@link #spacer} twips high above the 版记.
 *
 * <p>Line breaking follows what Word and LibreOffice do on this grid: a full-width character takes
 * one cell (315 twips), an ASCII character half a cell, and a closing punctuation mark that would
 * start a line pulls the last character of the line before down with it (行首禁则).
 */
final class Pagination {

  /** Type area height: 16838 − 2098 − 1984 twips. */
  static final int AREA = 12756;

  static final int LINE = 579;

  /** A 3号 character with −0.25 pt spacing, in twips. */
  static final int CELL_3 = 315;

  /** A 4号 character (版记), in twips. */
  static final int CELL_4 = 280;

  /** Type area width in twips. */
  static final int WIDTH = 8845;

  /** 1984 (标志 35 mm down) + 标志 line + 2 blank lines + 文号 line + red line (7 pt + 1.5 pt). */
  static final int HEADER = 1984 + 4 * LINE + 170;

  /** Extra height of each 版记 row over its line (the rule under it), measured in LibreOffice. */
  static final int IMPRINT_ROW_RULE = 16;

  /** The rule above the first 版记 row. */
  static final int IMPRINT_TOP_RULE = 30;

  /** Kept free under the 版记 so that the 1 twip paragraph that closes the body stays on the page. */
  static final int IMPRINT_SLACK = 20;

  private static final String NO_LINE_START = "，。、；：？！）》」』”’〕】…—·%";

  private int page = 1;
  private int y;

  int page() {
    return page;
  }

  int y() {
    return y;
  }

  /** Moves down without a line (space before the 文号 header, for example). */
  void advance(int twips) {
    y += twips;
  }

  /** A paragraph of {@code lines} lines with {@code before} twips above it. */
  void paragraph(int before, int lines) {
    for (int i = 0; i < lines; i++) {
      int needed = (i == 0 ? before : 0) + LINE;
      if (y + needed > AREA) {
        page++;
        y = 0;
      }
      y += needed;
    }
  }

  /** Whether a paragraph's first line with {@code before} above it still fits on this page. */
  boolean fits(int before) {
    return y + before + LINE <= AREA;
  }

  void newPage() {
    page++;
    y = 0;
  }

  /**
   * Lines that {@code text} takes in 3号 on a line {@code width} twips wide, the first line
   * starting {@code firstIndent} twips further in than the others.
   */
  static int lines(String text, int width, int firstIndent, int cell) {
    int lines = 1;
    int used = firstIndent;
    int[] codePoints = text.codePoints().toArray();
    for (int i = 0; i < codePoints.length; i++) {
      int w = width(codePoints, i, cell);
      if (used + w > width) {
        lines++;
        int carried = 0;
        if (NO_LINE_START.indexOf(codePoints[i]) >= 0 && i > 0) {
          carried = width(codePoints, i - 1, cell); // 行首禁则: the character before goes down too
        }
        used = carried;
      }
      used += w;
    }
    return lines;
  }

  /**
   * Width of one character: a full cell for Chinese; for ASCII the wider of the usual faces (Noto
   * CJK's proportional digits, 0.56 em; 仿宋_GB2312 has 0.5 em), plus LibreOffice's automatic gap
   * between Chinese and Latin text (it ignores w:autoSpaceDE/DN) where the script changes.
   */
  private static int width(int[] codePoints, int i, int cell) {
    boolean ascii = codePoints[i] < 0x80;
    if (!ascii) {
      return cell;
    }
    int w = cell * 56 / 100;
    if (i > 0 && codePoints[i - 1] >= 0x80) {
      w += cell / 8;
    }
    if (i + 1 < codePoints.length && codePoints[i + 1] >= 0x80) {
      w += cell / 8;
    }
    return w;
  }

  /** Page breaks and spacer (twips) that put a 版记 of {@code imprintLines} lines in place. */
  int[] imprint(int imprintLines) {
    int height = imprintLines * (LINE + IMPRINT_ROW_RULE) + IMPRINT_TOP_RULE + IMPRINT_SLACK;
    int breaks = 0;
    int spacer = AREA - y - height;
    if (spacer < 0) {
      breaks = 1;
      spacer = AREA - height;
      if (page % 2 == 0) {
        breaks = 2; // the 版记 goes to the next even page; the odd page in between stays blank
      }
    } else if (page % 2 == 1) {
      breaks = 1;
      spacer = AREA - height;
    }
    return new int[] {breaks, spacer};
  }
}
