package cn.officeflow.support;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A deployment as Camunda Modeler 5 sends it from its deploy dialog: {@code POST
 * <rest>/deployment/create}, multipart/form-data with the text fields {@code deployment-name}, {@code
 * deployment-source} = "Camunda Modeler", {@code deploy-changed-only} = true and {@code tenant-id} when
 * one is filled in, then the diagram as a part named by its file name ({@code text/xml}) and every
 * "additional file" (forms) the same way.
 */
public final class ModelerDeployment {

  private final Http http;
  private final String rest;

  /** {@code rest} is the REST API's base path, e.g. {@code /engine-rest}. */
  public ModelerDeployment(Http http, String rest) {
    this.http = http;
    this.rest = rest;
  }

  /** A file of the deployment. */
  public record File(String name, String contentType, String content) {

    public static File bpmn(String name, String xml) {
      return new File(name, "text/xml", xml);
    }

    public static File form(String name, String json) {
      return new File(name, "application/octet-stream", json);
    }
  }

  public HttpResponse<String> deploy(
      String user, String password, String name, String tenantId, File diagram, File... more) {
    String boundary = "----WebKitFormBoundary" + UUID.randomUUID().toString().replace("-", "");
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    field(body, boundary, "deployment-name", name);
    field(body, boundary, "deployment-source", "Camunda Modeler");
    field(body, boundary, "deploy-changed-only", "true");
    if (tenantId != null) {
      field(body, boundary, "tenant-id", tenantId);
    }
    List<File> files = new ArrayList<>();
    files.add(diagram);
    files.addAll(List.of(more));
    for (File file : files) {
      write(
          body,
          "--"
              + boundary
              + "\r\nContent-Disposition: form-data; name=\""
              + file.name()
              + "\"; filename=\""
              + file.name()
              + "\"\r\nContent-Type: "
              + file.contentType()
              + "\r\n\r\n"
              + file.content()
              + "\r\n");
    }
    write(body, "--" + boundary + "--\r\n");
    return http.send(
        http.request(rest + "/deployment/create", user, password)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
            .build());
  }

  private static void field(
      ByteArrayOutputStream body, String boundary, String name, String value) {
    write(
        body,
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\""
            + name
            + "\"\r\n\r\n"
            + value
            + "\r\n");
  }

  private static void write(ByteArrayOutputStream body, String text) {
    body.writeBytes(text.getBytes(StandardCharsets.UTF_8));
  }

  // --- models of a designer
  // -------------------------------------------------------------------------

  /**
   * A one-step process as Modeler writes it: a start event (with {@code startAttributes}), one user task
   * for the starter's department head group ({@code taskXml} replaces it when given), an end event.
   */
  public static String process(
      String key, String starterGroups, String startAttributes, String stepId, String stepXml) {
    String task =
        stepXml != null
            ? stepXml
            : """
                <bpmn:userTask id="Task_Check" name="核对" camunda:candidateGroups="office-clerks" />""";
    String step = stepId == null ? "Task_Check" : stepId;
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
            xmlns:modeler="http://camunda.org/schema/modeler/1.0"
            id="Definitions_%1$s" targetNamespace="http://bpmn.io/schema/bpmn"
            exporter="Camunda Modeler" exporterVersion="5.30.0"
            modeler:executionPlatform="Camunda Platform" modeler:executionPlatformVersion="7.24.0">
          <bpmn:process id="%1$s" name="设计测试 %1$s" isExecutable="true"
              camunda:candidateStarterGroups="%2$s" camunda:historyTimeToLive="P180D">
            <bpmn:startEvent id="StartEvent_1" name="发起" %3$s>
              <bpmn:outgoing>Flow_1</bpmn:outgoing>
            </bpmn:startEvent>
            <bpmn:sequenceFlow id="Flow_1" sourceRef="StartEvent_1" targetRef="%5$s" />
            %4$s
            <bpmn:sequenceFlow id="Flow_2" sourceRef="%5$s" targetRef="EndEvent_1" />
            <bpmn:endEvent id="EndEvent_1" name="结束" />
          </bpmn:process>
        </bpmn:definitions>
        """
        .formatted(key, starterGroups, startAttributes == null ? "" : startAttributes, task, step);
  }

  /** {@link #process} started by staff whose one step is {@code element} (id {@code stepId}). */
  public static String processWithStep(String key, String stepId, String element) {
    return process(key, "staff", null, stepId, element);
  }

  /** A Camunda Form with one text field {@code key}. */
  public static String form(String id, String key, String label) {
    return """
        {"id": "%s", "type": "default", "schemaVersion": 16,
         "components": [{"type": "textfield", "key": "%s", "label": "%s", "id": "Field_%s"}]}
        """
        .formatted(id, key, label, key);
  }
}
