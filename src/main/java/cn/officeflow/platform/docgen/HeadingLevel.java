package cn.officeflow.platform.docgen;

import java.util.regex.Pattern;

/**
 * GB/T 9704-2012 7.3.3 heading levels, recognised by the number at the start of a paragraph:
 * 一、 (黑体), （一） (楷体), 1. (仿宋, bold) and （1） (仿宋). The fonts are chosen in the template
 * by {@link #code()}; this enum only recognises the level.
 */
enum HeadingLevel {
  H1("h1", "^[一二三四五六七八九十百零〇]+、"),
  H2("h2", "^[（(][一二三四五六七八九十百零〇]+[）)]"),
  H3("h3", "^[0-9０-９]+[.．](?![0-9０-９])"),
  H4("h4", "^[（(][0-9０-９]+[）)]"),
  BODY("body", null);

  private final String code;
  private final Pattern pattern;

  HeadingLevel(String code, String regex) {
    this.code = code;
    this.pattern = regex == null ? null : Pattern.compile(regex);
  }

  /** The value the template switches on: body, h1, h2, h3 or h4. */
  String code() {
    return code;
  }

  static HeadingLevel of(String paragraph) {
    for (HeadingLevel level : values()) {
      if (level.pattern != null && level.pattern.matcher(paragraph).find()) {
        return level;
      }
    }
    return BODY;
  }
}
