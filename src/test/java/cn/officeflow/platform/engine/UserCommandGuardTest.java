package cn.officeflow.platform.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The guard reads Camunda's command classes by field name: an engine upgrade that renames one fails here. */
class UserCommandGuardTest {

  @Test
  void everyCommandFieldTheGuardReadsExists() throws Exception {
    List<String> fields = new ArrayList<>();
    UserCommandGuard.eachField(
        field -> fields.add(field.getDeclaringClass().getSimpleName() + "." + field.getName()));
    assertThat(fields)
        .hasSize(39)
        .contains(
            "CompleteTaskCmd.variables",
            "ExecuteJobsCmd.jobId",
            "AbstractAddIdentityLinkCmd.type",
            "DelegateTaskCmd.userId");
  }

  @Test
  void readOnlyValuesCompareAsUsersSendThem() {
    assertThat(InputContract.sameValue(3L, 3)).isTrue();
    assertThat(InputContract.sameValue(3.0, 3L)).isTrue();
    assertThat(InputContract.sameValue("", null)).isTrue();
    assertThat(InputContract.sameValue("[\"a\", \"b\"]", "[\"a\",\"b\"]")).isTrue();
    assertThat(InputContract.sameValue("标题", "另一个标题")).isFalse();
    assertThat(InputContract.sameValue(null, "x")).isFalse();
  }
}
