package cn.officeflow.procurement;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl;
import org.camunda.bpm.dmn.engine.impl.hitpolicy.UniqueHitPolicyHandler;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code bpmn/procurement_approval.dmn} on Camunda's DMN engine: one case per rule and the boundaries of DESIGN
 * §采购 (4999.99 / 5000 / 49999.99 / 50000), whatever the category; hit policy UNIQUE (the ranges never overlap).
 */
class ProcurementApprovalDecisionTest {

  private static DmnDecision decision;
  private static DmnEngine engine;

  @BeforeAll
  static void parse() throws Exception {
    engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream in = Files.newInputStream(Path.of("bpmn/procurement_approval.dmn"))) {
      decision = engine.parseDecision("procurement_approval", in);
    }
  }

  static DmnDecisionTableResult evaluate(Object amount, String category) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("amount", amount);
    variables.put("category", category);
    return engine.evaluateDecisionTable(decision, variables);
  }

  @Test
  void hitPolicyIsUnique() {
    assertThat(((DmnDecisionTableImpl) decision.getDecisionLogic()).getHitPolicyHandler())
        .isInstanceOf(UniqueHitPolicyHandler.class);
  }

  @ParameterizedTest(name = "{0} 元 {1} → {2}")
  @CsvSource({
    // rule 1: below 5,000
    "0.01, 办公用品, office-director",
    "4800, 办公用品, office-director",
    "4999.99, 家具, office-director",
    // rule 2: 5,000 up to below 50,000
    "5000, 办公用品, 'office-director,deputy-leaders'",
    "12000, 家具, 'office-director,deputy-leaders'",
    "49999.99, 办公设备, 'office-director,deputy-leaders'",
    // rule 3: 50,000 and above
    "50000, 办公设备, 'office-director,deputy-leaders,leaders,finance'",
    "1000000, 其他, 'office-director,deputy-leaders,leaders,finance'",
  })
  void approvers(double amount, String category, String approvers) {
    DmnDecisionTableResult result = evaluate(amount, category);
    assertThat(result).hasSize(1);
    assertThat((String) result.getSingleEntry()).isEqualTo(approvers);
  }

  @Test
  void integerAmountsAndMissingCategoryWork() {
    assertThat((String) evaluate(5000L, null).getSingleEntry())
        .isEqualTo("office-director,deputy-leaders");
    assertThat((String) evaluate(4999, null).getSingleEntry()).isEqualTo("office-director");
  }
}
