package cn.officeflow.platform.engine;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import cn.officeflow.platform.web.ValidationException;
import org.slf4j.Marker;

/**
 * Camunda logs every exception that ends a command as ERROR (ENGINE-16004) with a long stack trace,
 * including a rejected user input. A {@link ValidationException} is answered with 400 and is not a
 * server fault, so its ERROR entry from the engine's command context is dropped (registered in
 * logback-spring.xml); real failures are still logged.
 */
public class UserInputErrorLogFilter extends TurboFilter {

  static final String ENGINE_CONTEXT_LOGGER = "org.camunda.bpm.engine.context";

  @Override
  public FilterReply decide(
      Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
    if (logger == null || !logger.getName().startsWith(ENGINE_CONTEXT_LOGGER)) {
      return FilterReply.NEUTRAL;
    }
    Throwable thrown = t;
    if (thrown == null
        && params != null
        && params.length > 0
        && params[params.length - 1] instanceof Throwable last) {
      thrown = last;
    }
    return isUserInputError(thrown) ? FilterReply.DENY : FilterReply.NEUTRAL;
  }

  static boolean isUserInputError(Throwable thrown) {
    for (Throwable cause = thrown;
        cause != null;
        cause = cause.getCause() == cause ? null : cause.getCause()) {
      if (cause instanceof ValidationException) {
        return true;
      }
    }
    return false;
  }
}
