package cn.officeflow.support;

/** The demo organisation's people (src/main/resources/organisation/demo.yaml) in their 发文 roles. */
public final class DemoUsers {

  public static final String PASSWORD = "Office@2026";

  /** 张伟, 业务处科员: drafts. */
  public static final String DRAFTER = "zhangwei";

  /** 刘洋, 业务处处长: 部门初审. */
  public static final String HEAD = "liuyang";

  /** 王芳, 财务处处长: 会签 for dept-finance. */
  public static final String FINANCE_HEAD = "wangfang";

  /** 周杰, 法务: 法务复审. */
  public static final String LEGAL = "zhoujie";

  /** 吴强, 单位负责人: 签发. */
  public static final String LEADER = "wuqiang";

  /** 郑华 and 何欣, 校对员: 三校. */
  public static final String PROOF_1 = "zhenghua";

  public static final String PROOF_2 = "hexin";

  private DemoUsers() {}
}
