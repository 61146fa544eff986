package cn.officeflow.platform.notify;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The default gateway when no SMS provider is configured: writes the message to the log. */
public class LoggingSmsGateway implements SmsGateway {

  private static final Logger LOG = LoggerFactory.getLogger(LoggingSmsGateway.class);

  @Override
  public void send(String phone, String text) {
    LOG.info("短信（未配置短信网关，仅记录日志）→ {}：{}", phone, text);
  }
}
