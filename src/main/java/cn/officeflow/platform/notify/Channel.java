package cn.officeflow.platform.notify;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/** How a notification reaches its recipient. */
public enum Channel {
  /** E-mail to the user's address in Camunda identity. */
  MAIL,
  /** SMS to the user's {@code phone} user info entry. */
  SMS;

  /** 双提醒: e-mail and SMS. */
  public static final Set<Channel> BOTH = Collections.unmodifiableSet(EnumSet.allOf(Channel.class));
}
