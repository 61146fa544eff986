package cn.officeflow.platform.docgen;

import java.util.List;

/**
 * One paragraph of the 正文 as the template sees it: its heading level and its runs.
 *
 * <p>A numbered paragraph that goes on after its first sentence ("（一）加强领导。各单位要……") is
 * split: only the heading sentence takes the heading font, the rest stays 仿宋 (GB/T 9704 practice).
 * Public only because FreeMarker's object wrapper reads public types; not an API.
 *
 * @param level body, h1, h2, h3 or h4
 * @param segments the paragraph text, in order
 * @param keepWithNext a heading on a line of its own: kept on the page of the paragraph after it
 */
public record BodyParagraph(String level, List<Segment> segments, boolean keepWithNext) {

  private static final char FULL_STOP = '。';

  /** A run of text; {@code heading} = set in the heading font of the paragraph's level. */
  public record Segment(String text, boolean heading) {}

  /** The paragraph's whole text. */
  String text() {
    StringBuilder text = new StringBuilder();
    segments.forEach(segment -> text.append(segment.text()));
    return text.toString();
  }

  static BodyParagraph parse(String text) {
    HeadingLevel level = HeadingLevel.of(text);
    List<Segment> segments = segmentsOf(level, text);
    boolean headingLine = segments.size() == 1 && segments.get(0).heading();
    return new BodyParagraph(level.code(), segments, headingLine);
  }

  private static List<Segment> segmentsOf(HeadingLevel level, String text) {
    if (level == HeadingLevel.BODY) {
      return List.of(new Segment(text, false));
    }
    int stop = text.indexOf(FULL_STOP);
    if (stop >= 0 && stop < text.length() - 1) {
      return List.of(
          new Segment(text.substring(0, stop + 1), true),
          new Segment(text.substring(stop + 1), false));
    }
    return List.of(new Segment(text, isHeadingLine(level, text)));
  }

  /**
   * A whole paragraph is a heading unless it is a numbered sentence of the lower levels
   * ("1. 各单位要……。"): those are list items in 仿宋 and should not turn bold.
   */
  private static boolean isHeadingLine(HeadingLevel level, String text) {
    boolean lowerLevel = level == HeadingLevel.H3 || level == HeadingLevel.H4;
    return !(lowerLevel && text.charAt(text.length() - 1) == FULL_STOP);
  }
}
