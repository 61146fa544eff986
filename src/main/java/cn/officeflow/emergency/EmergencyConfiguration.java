package cn.officeflow.emergency;

import cn.officeflow.platform.notify.Channel;
import jakarta.annotation.PostConstruct;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds {@link EmergencyProperties} and refuses to start with an incomplete level table. */
@Configuration
@EnableConfigurationProperties(EmergencyProperties.class)
public class EmergencyConfiguration {

  static final List<String> LEVELS = List.of("Ⅰ", "Ⅱ", "Ⅲ", "Ⅳ");

  private final EmergencyProperties properties;

  public EmergencyConfiguration(EmergencyProperties properties) {
    this.properties = properties;
  }

  @PostConstruct
  void check() {
    for (String level : LEVELS) {
      EmergencyProperties.Level l =
          properties
              .level(level)
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          "officeflow.emergency.levels has no entry for level " + level));
      if (l.getGroups().isEmpty() || l.getChannels().isEmpty()) {
        throw new IllegalStateException(
            "officeflow.emergency.levels " + level + ": groups and channels are required");
      }
      l.getChannels().forEach(Channel::valueOf);
    }
  }
}
