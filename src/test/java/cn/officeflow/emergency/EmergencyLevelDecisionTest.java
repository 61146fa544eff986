package cn.officeflow.emergency;

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
import org.camunda.bpm.dmn.engine.impl.hitpolicy.FirstHitPolicyHandler;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code bpmn/emergency_level.dmn} on Camunda's DMN engine, one case per rule (in rule order) plus the
 * contract of DESIGN.md §应急: 人员/员工突发疾病 → Ⅰ, 声誉/舆情发酵 → Ⅱ, any injured person → Ⅰ or Ⅱ.
 */
class EmergencyLevelDecisionTest {

  private static DmnDecision decision;
  private static DmnEngine engine;

  @BeforeAll
  static void parse() throws Exception {
    engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream in = Files.newInputStream(Path.of("bpmn/emergency_level.dmn"))) {
      decision = engine.parseDecision("emergency_level", in);
    }
  }

  private static DmnDecisionTableResult evaluate(
      String dimension, String scenario, Integer injured) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("dimension", dimension);
    variables.put("scenario", scenario);
    variables.put("injured", injured);
    return engine.evaluateDecisionTable(decision, variables);
  }

  private static String level(String dimension, String scenario, Integer injured) {
    return evaluate(dimension, scenario, injured).getSingleEntry();
  }

  @Test
  void hitPolicyIsFirstSoTheOrderOfTheRulesIsTheSeverity() {
    assertThat(((DmnDecisionTableImpl) decision.getDecisionLogic()).getHitPolicyHandler())
        .isInstanceOf(FirstHitPolicyHandler.class);
  }

  @ParameterizedTest(name = "{0}/{1}/受伤{2} → {3}级")
  @CsvSource({
    // rule 1..14, in the table's order
    "人员, 员工突发疾病, 0, Ⅰ",
    "资产, 火灾, 0, Ⅰ",
    "人员, 食物中毒, 0, Ⅰ",
    "人员, 暴力事件, 0, Ⅰ",
    "资产, 设备故障, 3, Ⅰ",
    "资产, 设备故障, 1, Ⅱ",
    "声誉, 舆情发酵, 0, Ⅱ",
    "资产, 数据泄露, 0, Ⅱ",
    "资产, 停电, 0, Ⅲ",
    "资产, 设备故障, 0, Ⅲ",
    "人员, 陌生人员徘徊, 0, Ⅲ",
    "人员, 电梯困人, 0, Ⅱ",
    "声誉, 负面评论, 0, Ⅲ",
    "资产, 办公用品丢失, 0, Ⅳ",
  })
  void oneCasePerRule(String dimension, String scenario, int injured, String level) {
    assertThat(level(dimension, scenario, injured)).isEqualTo(level);
  }

  @Test
  void theSeedsExamples() {
    assertThat(level("人员", "员工突发疾病", 0)).isEqualTo("Ⅰ");
    assertThat(level("声誉", "舆情发酵", 0)).isEqualTo("Ⅱ");
    // the Roman numerals are the characters U+2160…U+2163, not Latin letters
    assertThat(level("人员", "员工突发疾病", 0)).isEqualTo("\u2160");
  }

  @ParameterizedTest(name = "{0}/{1} with an injured person is at least Ⅱ")
  @CsvSource({
    "资产, 停电",
    "资产, 设备故障",
    "人员, 陌生人员徘徊",
    "声誉, 负面评论",
    "资产, 其他",
    "声誉, 舆情发酵",
  })
  void anyInjuredPersonMakesItAtLeastTwo(String dimension, String scenario) {
    assertThat(level(dimension, scenario, 1)).isIn("Ⅰ", "Ⅱ");
    assertThat(level(dimension, scenario, 2)).isIn("Ⅰ", "Ⅱ");
  }

  @Test
  void aMissingInjuredCountCountsAsNobodyInjured() {
    assertThat(level("资产", "停电", null)).isEqualTo("Ⅲ");
  }

  @Test
  void everyCaseGetsALevel() {
    assertThat(evaluate("资产", "未知", 0).getResultList()).hasSize(1);
    assertThat(level(null, null, null)).isEqualTo("Ⅳ");
  }
}
