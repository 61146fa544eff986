package cn.officeflow.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every bpmn/*.bpmn is drawn so that a designer can read it in Modeler (issue 10): no flows on top of each
 * other or crossing, no flow through a shape, no label hidden by a shape or a flow or lying nearer another
 * element than its own, flows starting and ending on their elements' outlines, no cramped shapes. What is
 * checked and how is described in {@link BpmnLayoutCheck}; every finding is printed, naming the model, the
 * element ids and the problem.
 */
class BpmnLayoutTest {

  static Stream<Path> models() throws IOException {
    return Files.list(Path.of("bpmn")).filter(p -> p.toString().endsWith(".bpmn")).sorted();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void diagramIsReadable(Path file) {
    BpmnLayoutCheck.Result result = BpmnLayoutCheck.check(file);
    List<String> findings = result.findings();
    findings.forEach(System.out::println);
    result
        .notes()
        .forEach(
            n -> System.out.println("note (under the house standard of 50 px, not failing): " + n));
    assertThat(findings).as("layout of " + file + " (" + findings.size() + " findings)").isEmpty();
  }
}
