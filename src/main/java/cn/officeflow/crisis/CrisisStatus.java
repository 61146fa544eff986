package cn.officeflow.crisis;

import java.util.Arrays;
import java.util.Optional;

/** Where a 危机公关 case stands. */
public enum CrisisStatus {
  RESPONDING("30分钟响应中"),
  FOLLOWING_UP("持续监测"),
  REVIEWING("复盘中"),
  IMPROVING("整改落实中"),
  CLOSED("已结案");

  private final String label;

  CrisisStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** responding | following_up | reviewing | improving | closed, any case. */
  public static Optional<CrisisStatus> parse(String text) {
    return Arrays.stream(values()).filter(s -> s.name().equalsIgnoreCase(text.strip())).findFirst();
  }
}
