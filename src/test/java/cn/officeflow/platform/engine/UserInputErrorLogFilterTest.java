package cn.officeflow.platform.engine;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.spi.FilterReply;
import cn.officeflow.platform.web.ValidationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;

class UserInputErrorLogFilterTest {

  final LoggerContext context = new LoggerContext();
  final UserInputErrorLogFilter filter = new UserInputErrorLogFilter();

  @Test
  void dropsTheEngineErrorOfARejectedInputOnly() {
    var engineLogger = context.getLogger("org.camunda.bpm.engine.context");
    var otherLogger = context.getLogger("cn.officeflow.outgoing");
    ValidationException invalid = new ValidationException("title", "标题必须填写");
    assertThat(
            filter.decide(
                null, engineLogger, Level.ERROR, "ENGINE-16004 {}", new Object[] {invalid}, null))
        .isEqualTo(FilterReply.DENY);
    assertThat(
            filter.decide(
                null,
                engineLogger,
                Level.ERROR,
                "x",
                null,
                new ProcessEngineException("wrapped", invalid)))
        .isEqualTo(FilterReply.DENY);
    assertThat(
            filter.decide(
                null, engineLogger, Level.ERROR, "x", null, new ProcessEngineException("db down")))
        .isEqualTo(FilterReply.NEUTRAL);
    assertThat(filter.decide(null, otherLogger, Level.ERROR, "x", null, invalid))
        .isEqualTo(FilterReply.NEUTRAL);
  }
}
