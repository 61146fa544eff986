package cn.officeflow.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The layout check itself, on small drawings made to break one rule each, so that it keeps catching what it
 * is for once every model in bpmn/ is clean.
 */
class BpmnLayoutCheckTest {

  @TempDir Path dir;

  @Test
  void aCleanDrawingHasNoFindings() throws IOException {
    assertThat(check(CLEAN_SHAPES, CLEAN_EDGES).findings()).isEmpty();
  }

  @Test
  void flowOffItsSourceBorderIsReported() throws IOException {
    String edges =
        CLEAN_EDGES.replace(
            "<di:waypoint x=\"300\" y=\"240\" /><di:waypoint x=\"350\" y=\"240\" />",
            "<di:waypoint x=\"280\" y=\"240\" /><di:waypoint x=\"350\" y=\"240\" />");
    assertThat(check(CLEAN_SHAPES, edges).findings())
        .anyMatch(
            f ->
                f.startsWith(
                    "t.bpmn: Flow_2 starts 20 px away from the border of its source Task_A「甲」"));
  }

  @Test
  void aWaypointOnTheCornerOfAGatewayBoxIsNotOnTheDiamond() throws IOException {
    String edges =
        CLEAN_EDGES.replace(
            "<di:waypoint x=\"400\" y=\"240\" /><di:waypoint x=\"450\" y=\"240\" />",
            "<di:waypoint x=\"400\" y=\"215\" /><di:waypoint x=\"450\" y=\"215\" /><di:waypoint x=\"450\" y=\"240\" />");
    assertThat(check(CLEAN_SHAPES, edges).findings())
        .anyMatch(f -> f.contains("Flow_3 starts 17.7 px away"));
  }

  @Test
  void flowsOnTopOfEachOtherAreReported() throws IOException {
    // Flow_No leaves the gateway along Flow_3 for 25 px before turning up to Task_B
    String edges = CLEAN_EDGES + edge("Flow_No", "400,240 425,240 425,150 500,150 500,200");
    assertThat(check(CLEAN_SHAPES, edges, NO_FLOW).findings())
        .containsExactly(
            "t.bpmn: Flow_3 and Flow_No「否」 share 25 px of line (from (400,240) to (425,240)): they are "
                + "drawn on top of each other and read as one flow; give each its own route");
  }

  @Test
  void flowsThroughShapesAreReported() throws IOException {
    // Flow_No leaves the gateway at its top, runs down through it, then up through Task_A
    String edges = CLEAN_EDGES + edge("Flow_No", "375,215 375,320 250,320 250,150 500,150 500,200");
    assertThat(check(CLEAN_SHAPES, edges, NO_FLOW).findings())
        .containsExactlyInAnyOrder(
            "t.bpmn: Flow_No「否」 passes through Task_A「甲」, which is neither its source nor its target",
            "t.bpmn: Flow_No「否」 runs through its own source Gateway_G「是否？」; let it leave/enter at the border facing "
                + "its route");
  }

  @Test
  void crossingFlowsAreReportedButTouchingAtACommonElementIsNot() throws IOException {
    String edges = CLEAN_EDGES + edge("Flow_No", "375,265 375,330 325,330 325,130 500,130 500,200");
    List<String> findings = check(CLEAN_SHAPES, edges, NO_FLOW).findings();
    assertThat(findings).containsExactly("t.bpmn: Flow_2 and Flow_No「否」 cross at (325,240)");
  }

  @Test
  void labelsHiddenByShapesOrFlowsOrNearerAnotherElementAreReported() throws IOException {
    String shapes =
        CLEAN_SHAPES.replace(
            "<dc:Bounds x=\"347\" y=\"185\" width=\"56\" height=\"14\" />",
            "<dc:Bounds x=\"430\" y=\"233\" width=\"56\" height=\"14\" />");
    List<String> findings = check(shapes, CLEAN_EDGES).findings();
    assertThat(findings)
        .contains(
            "t.bpmn: the label of Gateway_G「是否？」 overlaps Task_B「乙」",
            "t.bpmn: the label of Gateway_G「是否？」 is crossed by Flow_3");
    assertThat(findings)
        .anyMatch(f -> f.startsWith("t.bpmn: the label of Gateway_G「是否？」 lies nearer to "));
  }

  @Test
  void crampedAndOverlappingShapesAreReportedAndNearNeighboursNoted() throws IOException {
    // Task_B 10 px after the gateway, the end event 40 px after Task_B
    String shapes =
        CLEAN_SHAPES
            .replace(
                "<dc:Bounds x=\"450\" y=\"200\" width=\"100\" height=\"80\" />",
                "<dc:Bounds x=\"410\" y=\"200\" width=\"100\" height=\"80\" />")
            .replace("<dc:Bounds x=\"600\" y=\"222\"", "<dc:Bounds x=\"550\" y=\"222\"")
            .replace("<dc:Bounds x=\"598\" y=\"265\"", "<dc:Bounds x=\"548\" y=\"265\"");
    String edges =
        CLEAN_EDGES
            .replace("<di:waypoint x=\"450\" y=\"240\" />", "<di:waypoint x=\"410\" y=\"240\" />")
            .replace(
                "<di:waypoint x=\"550\" y=\"240\" /><di:waypoint x=\"600\" y=\"240\" />",
                "<di:waypoint x=\"510\" y=\"240\" /><di:waypoint x=\"550\" y=\"240\" />");
    BpmnLayoutCheck.Result result = check(shapes, edges);
    assertThat(result.findings())
        .contains(
            "t.bpmn: Gateway_G「是否？」 and Task_B「乙」 are only 10 px apart (house standard 50 px)");
    assertThat(result.notes()).contains("t.bpmn: Task_B「乙」 and EndEvent_E「完」 are 40 px apart");
    String overlapping =
        CLEAN_SHAPES.replace(
            "<dc:Bounds x=\"450\" y=\"200\" width=\"100\" height=\"80\" />",
            "<dc:Bounds x=\"380\" y=\"200\" width=\"100\" height=\"80\" />");
    assertThat(check(overlapping, CLEAN_EDGES).findings())
        .contains("t.bpmn: Gateway_G「是否？」 and Task_B「乙」 overlap");
  }

  @Test
  void aGatewayNamedLikeATaskIsReported() throws IOException {
    BpmnLayoutCheck.Result result = check(CLEAN_SHAPES, CLEAN_EDGES, "", "甲", "乙");
    assertThat(result.findings())
        .containsExactly(
            "t.bpmn: Task_A「甲」 and Gateway_G have the same name: on the diagram they read as one step; name each after "
                + "what it does");
  }

  // --- a small drawing: start → 甲 → 是否？ → 乙 → 完, on a 50 px grid

  static final String CLEAN_SHAPES =
      """
      <bpmndi:BPMNShape id="S_di" bpmnElement="StartEvent_S"><dc:Bounds x="114" y="222" width="36" height="36" />
        <bpmndi:BPMNLabel><dc:Bounds x="112" y="265" width="40" height="14" /></bpmndi:BPMNLabel></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="A_di" bpmnElement="Task_A"><dc:Bounds x="200" y="200" width="100" height="80" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="G_di" bpmnElement="Gateway_G" isMarkerVisible="true"><dc:Bounds x="350" y="215" width="50" height="50" />
        <bpmndi:BPMNLabel><dc:Bounds x="347" y="185" width="56" height="14" /></bpmndi:BPMNLabel></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="B_di" bpmnElement="Task_B"><dc:Bounds x="450" y="200" width="100" height="80" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="E_di" bpmnElement="EndEvent_E"><dc:Bounds x="600" y="222" width="36" height="36" />
        <bpmndi:BPMNLabel><dc:Bounds x="598" y="265" width="40" height="14" /></bpmndi:BPMNLabel></bpmndi:BPMNShape>
      """;
  static final String CLEAN_EDGES =
      """
      <bpmndi:BPMNEdge id="F1_di" bpmnElement="Flow_1"><di:waypoint x="150" y="240" /><di:waypoint x="200" y="240" /></bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="F2_di" bpmnElement="Flow_2"><di:waypoint x="300" y="240" /><di:waypoint x="350" y="240" /></bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="F3_di" bpmnElement="Flow_3"><di:waypoint x="400" y="240" /><di:waypoint x="450" y="240" /></bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="F4_di" bpmnElement="Flow_4"><di:waypoint x="550" y="240" /><di:waypoint x="600" y="240" /></bpmndi:BPMNEdge>
      """;

  static final String NO_FLOW =
      "<bpmn:sequenceFlow id=\"Flow_No\" name=\"否\" sourceRef=\"Gateway_G\" "
          + "targetRef=\"Task_B\" />";

  static String edge(String flow, String points) {
    StringBuilder xml =
        new StringBuilder("<bpmndi:BPMNEdge id=\"" + flow + "_di\" bpmnElement=\"" + flow + "\">");
    for (String point : points.split(" ")) {
      String[] xy = point.split(",");
      xml.append("<di:waypoint x=\"").append(xy[0]).append("\" y=\"").append(xy[1]).append("\" />");
    }
    return xml.append("</bpmndi:BPMNEdge>\n").toString();
  }

  BpmnLayoutCheck.Result check(String shapes, String edges) throws IOException {
    return check(shapes, edges, "");
  }

  BpmnLayoutCheck.Result check(String shapes, String edges, String moreFlows) throws IOException {
    return check(shapes, edges, moreFlows, "是否？", "乙");
  }

  BpmnLayoutCheck.Result check(
      String shapes, String edges, String moreFlows, String gatewayName, String taskBName)
      throws IOException {
    String xml =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"
            xmlns:di="http://www.omg.org/spec/DD/20100524/DI" id="d" targetNamespace="t">
          <bpmn:process id="t" isExecutable="true">
            <bpmn:startEvent id="StartEvent_S" name="始" />
            <bpmn:task id="Task_A" name="甲" />
            <bpmn:exclusiveGateway id="Gateway_G" name="%s" />
            <bpmn:task id="Task_B" name="%s" />
            <bpmn:endEvent id="EndEvent_E" name="完" />
            <bpmn:sequenceFlow id="Flow_1" sourceRef="StartEvent_S" targetRef="Task_A" />
            <bpmn:sequenceFlow id="Flow_2" sourceRef="Task_A" targetRef="Gateway_G" />
            <bpmn:sequenceFlow id="Flow_3" sourceRef="Gateway_G" targetRef="Task_B" />
            <bpmn:sequenceFlow id="Flow_4" sourceRef="Task_B" targetRef="EndEvent_E" />
            %s
          </bpmn:process>
          <bpmndi:BPMNDiagram id="D"><bpmndi:BPMNPlane id="P" bpmnElement="t">
        %s%s
          </bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
        </bpmn:definitions>
        """
            .formatted(gatewayName, taskBName, moreFlows, shapes, edges);
    Path file = dir.resolve("t.bpmn");
    Files.writeString(file, xml);
    return BpmnLayoutCheck.check(file);
  }
}
