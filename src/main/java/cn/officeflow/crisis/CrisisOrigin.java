package cn.officeflow.crisis;

/** How a 危机公关 case was started. */
public enum CrisisOrigin {
  TASKLIST("品牌/舆情组上报"),
  ALERT("舆情监测系统预警"),
  EMERGENCY("应急响应（声誉类事件）");

  private final String label;

  CrisisOrigin(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
