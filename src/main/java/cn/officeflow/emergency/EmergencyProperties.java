package cn.officeflow.emergency;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code officeflow.emergency} in application.yaml — the one place that says, per level, who is alerted on
 * which channels and the response deadlines, plus the 《应急处置手册》 steps per scenario and the 复盘 period.
 */
@ConfigurationProperties("officeflow.emergency")
public class EmergencyProperties {

  /** Per level Ⅰ–Ⅳ: alerted groups, channels (SMS, MAIL), deadlines. */
  private List<Level> levels = new ArrayList<>();

  /** 《应急处置手册》: the ordered steps per scenario; {@link #defaultSteps} for a scenario not listed. */
  private List<Manual> manuals = new ArrayList<>();

  private List<String> defaultSteps = List.of("现场警戒", "控制事态", "清点人数");

  /** 复盘 due this many calendar days (自然日, not working days) after closing. */
  private int reviewDays = 15;

  /** The reminder goes this many calendar days before the 复盘 is due. */
  private int reviewReminderDays = 3;

  /** Department under which the 复盘 report is archived. */
  private String archiveDepartment = "dept-office";

  public Optional<Level> level(String symbol) {
    return levels.stream().filter(l -> l.getLevel().equals(symbol)).findFirst();
  }

  public List<String> steps(String scenario) {
    return manuals.stream()
        .filter(m -> m.getScenario().equals(scenario))
        .map(Manual::getSteps)
        .findFirst()
        .orElse(defaultSteps);
  }

  public List<Level> getLevels() {
    return levels;
  }

  public void setLevels(List<Level> levels) {
    this.levels = levels;
  }

  public List<Manual> getManuals() {
    return manuals;
  }

  public void setManuals(List<Manual> manuals) {
    this.manuals = manuals;
  }

  public List<String> getDefaultSteps() {
    return defaultSteps;
  }

  public void setDefaultSteps(List<String> defaultSteps) {
    this.defaultSteps = defaultSteps;
  }

  public int getReviewDays() {
    return reviewDays;
  }

  public void setReviewDays(int reviewDays) {
    this.reviewDays = reviewDays;
  }

  public int getReviewReminderDays() {
    return reviewReminderDays;
  }

  public void setReviewReminderDays(int reviewReminderDays) {
    this.reviewReminderDays = reviewReminderDays;
  }

  public String getArchiveDepartment() {
    return archiveDepartment;
  }

  public void setArchiveDepartment(String archiveDepartment) {
    this.archiveDepartment = archiveDepartment;
  }

  /** One level: Ⅰ (the most severe) … Ⅳ. */
  public static class Level {
    private String level;
    private List<String> groups = new ArrayList<>();
    private List<String> channels = new ArrayList<>();

    /** 人员安全确认 deadline from the report (escalation to leaders when missed). */
    private Duration safetyConfirm = Duration.ofMinutes(15);

    /** 现场处置 completed (all manual steps confirmed) within this time from the report (target). */
    private Duration onSite = Duration.ofHours(2);

    public String getLevel() {
      return level;
    }

    public void setLevel(String level) {
      this.level = level;
    }

    public List<String> getGroups() {
      return groups;
    }

    public void setGroups(List<String> groups) {
      this.groups = groups;
    }

    public List<String> getChannels() {
      return channels;
    }

    public void setChannels(List<String> channels) {
      this.channels = channels;
    }

    public Duration getSafetyConfirm() {
      return safetyConfirm;
    }

    public void setSafetyConfirm(Duration safetyConfirm) {
      this.safetyConfirm = safetyConfirm;
    }

    public Duration getOnSite() {
      return onSite;
    }

    public void setOnSite(Duration onSite) {
      this.onSite = onSite;
    }
  }

  /** 《应急处置手册》 for one scenario. */
  public static class Manual {
    private String scenario;
    private List<String> steps = new ArrayList<>();

    public String getScenario() {
      return scenario;
    }

    public void setScenario(String scenario) {
      this.scenario = scenario;
    }

    public List<String> getSteps() {
      return steps;
    }

    public void setSteps(List<String> steps) {
      this.steps = steps;
    }
  }
}
