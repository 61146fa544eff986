package cn.officeflow.supervision;

import java.util.Locale;
import java.util.Optional;

/** 红黄绿灯: GREEN 正常, YELLOW 临期预警, RED 超期. */
public enum Light {
  GREEN("绿灯"),
  YELLOW("黄灯"),
  RED("红灯");

  private final String label;

  Light(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** green / GREEN / Green …; empty for anything else. */
  public static Optional<Light> parse(String value) {
    if (value == null) {
      return Optional.empty();
    }
    for (Light light : values()) {
      if (light.name().equals(value.strip().toUpperCase(Locale.ROOT))) {
        return Optional.of(light);
      }
    }
    return Optional.empty();
  }
}
