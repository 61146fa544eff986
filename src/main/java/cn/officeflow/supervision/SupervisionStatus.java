package cn.officeflow.supervision;

/** Where a 督办事项 stands. */
public enum SupervisionStatus {
  /** 待交办: the lead department's 部门负责人 picks the handler. */
  ASSIGNING,
  /** 承办中. */
  HANDLING,
  /** 督查中: the handler reported 办结, the office director checks. */
  INSPECTING,
  /** 考核中. */
  ASSESSING,
  /** 已办结 (accepted and scored). */
  DONE
}
