package cn.officeflow.platform.engine;

import cn.officeflow.platform.web.FormValues;
import cn.officeflow.platform.web.ValidationException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.impl.VariableMapImpl;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ReceiveTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFormData;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFormField;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;

/**
 * The input contract of DESIGN.md §5: every step accepts only what it declares. A step declares its
 * inputs in the model itself, so that a process deployed later from Modeler is protected the same way
 * without code:
 * <ul>
 *   <li>the editable fields of its Camunda Form ({@code camunda:formRef}; disabled or read-only fields
 *       are shown, and accepted only when sent back unchanged), or the fields of a generated form
 *       ({@code camunda:formData});</li>
 *   <li>plus the names listed in the extension property {@code inputVariables} (comma-separated), for
 *       REST callers and for message events, which have no form.</li>
 * </ul>
 * Declarations are read as the engine (no user), through public APIs, and cached per deployment: a
 * deployed model and its deployment's forms never change.
 */
public class InputContract {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final RepositoryService repository;
  private final FormService forms;
  private final IdentityService identity;

  /** (process definition id, element id) → inputs, for models whose forms are bound to their deployment. */
  private final Map<String, StepInputs> cache = new ConcurrentHashMap<>();

  /** deployment id → (form id → parsed form), the deployment's .form resources. */
  private final Map<String, Map<String, FormFields>> deploymentForms = new ConcurrentHashMap<>();

  public InputContract(RepositoryService repository, FormService forms, IdentityService identity) {
    this.repository = repository;
    this.forms = forms;
    this.identity = identity;
  }

  /** What the (none) start event of the process definition accepts. */
  public StepInputs startInputs(String processDefinitionId) {
    return SystemAuthentication.call(
        identity,
        () -> {
          String key = processDefinitionId + "#start";
          StepInputs cached = cache.get(key);
          if (cached != null) {
            return cached;
          }
          BpmnModelInstance model = repository.getBpmnModelInstance(processDefinitionId);
          ProcessDefinition definition = repository.getProcessDefinition(processDefinitionId);
          Process process = model.getModelElementById(definition.getKey());
          StartEvent start =
              process == null
                  ? null
                  : process.getChildElementsByType(StartEvent.class).stream()
                      .filter(e -> e.getEventDefinitions().isEmpty())
                      .findFirst()
                      .orElse(null);
          if (start == null) {
            return StepInputs.none("发起");
          }
          Resolved resolved =
              resolve(
                  definition.getDeploymentId(),
                  start,
                  start.getCamundaFormRef(),
                  start.getCamundaFormRefBinding(),
                  start.getCamundaFormKey(),
                  () -> read(forms.getDeployedStartForm(processDefinitionId)));
          if (resolved.cacheable()) {
            cache.put(key, resolved.inputs());
          }
          return resolved.inputs();
        });
  }

  /** What the user task {@code taskDefinitionKey} accepts; {@code taskId} resolves forms not bound to the deployment. */
  public StepInputs taskInputs(
      String processDefinitionId, String taskDefinitionKey, String taskId) {
    return SystemAuthentication.call(
        identity,
        () -> {
          String key = processDefinitionId + "#" + taskDefinitionKey;
          StepInputs cached = cache.get(key);
          if (cached != null) {
            return cached;
          }
          BpmnModelInstance model = repository.getBpmnModelInstance(processDefinitionId);
          ProcessDefinition definition = repository.getProcessDefinition(processDefinitionId);
          if (!(model.getModelElementById(taskDefinitionKey) instanceof UserTask task)) {
            return StepInputs.none(taskDefinitionKey);
          }
          Resolved resolved =
              resolve(
                  definition.getDeploymentId(),
                  task,
                  task.getCamundaFormRef(),
                  task.getCamundaFormRefBinding(),
                  task.getCamundaFormKey(),
                  () -> taskId == null ? null : read(forms.getDeployedTaskForm(taskId)));
          if (resolved.cacheable()) {
            cache.put(key, resolved.inputs());
          }
          return resolved.inputs();
        });
  }

  /**
   * What a message may carry: the union of {@code inputVariables} of the message events (start,
   * intermediate, boundary, receive task) that wait for {@code messageName} in the latest version of
   * every process. A message nobody declares inputs for accepts none.
   */
  public StepInputs messageInputs(String messageName) {
    return SystemAuthentication.call(
        identity,
        () -> {
          Set<String> editable = new LinkedHashSet<>();
          for (ProcessDefinition definition :
              repository.createProcessDefinitionQuery().latestVersion().list()) {
            BpmnModelInstance model = repository.getBpmnModelInstance(definition.getId());
            for (MessageEventDefinition message :
                model.getModelElementsByType(MessageEventDefinition.class)) {
              if (message.getMessage() != null
                  && messageName.equals(message.getMessage().getName())
                  && message.getParentElement() instanceof BaseElement event) {
                editable.addAll(declaredProperty(event));
              }
            }
            for (ReceiveTask task : model.getModelElementsByType(ReceiveTask.class)) {
              if (task.getMessage() != null && messageName.equals(task.getMessage().getName())) {
                editable.addAll(declaredProperty(task));
              }
            }
          }
          return new StepInputs("消息 " + messageName, editable, Set.of());
        });
  }

  /**
   * Checks submitted variables against a step: 400 naming the first variable that the step does not
   * declare, a read-only field that was changed, a Java-serialized object or text with control characters.
   *
   * @param current the variable's current value where the step has one (a task), else null
   */
  public static void check(
      StepInputs step, Map<String, ?> variables, Function<String, Object> current) {
    if (variables == null) {
      return;
    }
    for (String name : variables.keySet()) {
      // a VariableMap hands out typed values without deserializing them (a serialized object would
      // throw)
      Object submitted =
          variables instanceof VariableMap typed ? typed.getValueTyped(name) : variables.get(name);
      checkValue(name, submitted);
      if (step.editable().contains(name) || step.aliases().containsKey(name)) {
        continue;
      }
      if (step.readOnly().contains(name)) {
        Object now = current == null ? null : current.apply(name);
        if (!sameValue(plain(submitted), now)) {
          throw new ValidationException(
              name, step.label(name) + "是只读字段，不能在「" + step.step() + "」修改");
        }
        continue;
      }
      throw new ValidationException(
          name, "「" + step.step() + "」不接受提交 " + name + "；可提交的字段：" + step.editableText());
    }
  }

  /**
   * The submitted variables with every alias of the step ({@link StepInputs#aliases()}) stored under its variable,
   * or null when no alias was sent. A blank alias is dropped; an alias sent with its variable is accepted only when
   * both say the same (400 naming the alias otherwise), so a caller cannot put two different texts in one place.
   * Typed values keep their type.
   */
  public static VariableMap applyAliases(StepInputs step, Map<String, ?> variables) {
    if (variables == null
        || step.aliases().isEmpty()
        || step.aliases().keySet().stream().noneMatch(variables::containsKey)) {
      return null;
    }
    VariableMap result = new VariableMapImpl();
    for (String name : variables.keySet()) {
      if (variables instanceof VariableMap typed) {
        result.putValueTyped(name, typed.getValueTyped(name));
      } else {
        result.put(name, variables.get(name));
      }
    }
    for (Map.Entry<String, String> alias : step.aliases().entrySet()) {
      if (!result.containsKey(alias.getKey())) {
        continue;
      }
      TypedValue value = result.getValueTyped(alias.getKey());
      result.remove(alias.getKey());
      if (blank(plain(value))) {
        continue;
      }
      String variable = alias.getValue();
      if (result.containsKey(variable) && !blank(plain(result.getValueTyped(variable)))) {
        if (!sameValue(stripped(plain(value)), stripped(plain(result.getValueTyped(variable))))) {
          throw new ValidationException(
              alias.getKey(), step.label(variable) + "只能填写一处，不能同时提交两份不同的内容");
        }
        continue;
      }
      result.putValueTyped(variable, value);
    }
    return result;
  }

  private static boolean blank(Object value) {
    return value == null || value instanceof String s && s.isBlank();
  }

  private static Object stripped(Object value) {
    return value instanceof String s ? s.strip() : value;
  }

  /** Refuses every variable: for calls that may not set variables at all (400 naming the first one). */
  public static void refuseAll(Collection<String> names, String how) {
    if (names != null && !names.isEmpty()) {
      throw new ValidationException(names.iterator().next(), how);
    }
  }

  /** A Java-serialized object or text with control characters (other than tab and line breaks) → 400. */
  static void checkValue(String name, Object submitted) {
    if (submitted instanceof SerializableValue serializable && !serializable.isDeserialized()) {
      String format = serializable.getSerializationDataFormat();
      if (format != null && format.contains("java")) {
        throw new ValidationException(
            name, "不接受 Java 序列化对象（Java serialization, " + format + "），请以 JSON 或文本提交");
      }
    }
    if (submitted instanceof ObjectValue object
        && object.isDeserialized()
        && object.getValue() != null
        && !(object.getValue() instanceof String)) {
      // a deserialized Java object cannot come from REST; server code never sends one through a
      // user call
      throw new ValidationException(name, "不接受对象类型的变量，请以 JSON 或文本提交");
    }
    if (plain(submitted) instanceof String text) {
      FormValues.noControlCharacters(text, name, "");
    }
  }

  private static Object plain(Object value) {
    if (value instanceof SerializableValue serializable && !serializable.isDeserialized()) {
      return serializable.getValueSerialized();
    }
    if (value instanceof TypedValue typed) {
      return typed.getValue();
    }
    return value;
  }

  static boolean sameValue(Object submitted, Object current) {
    Object a = blankToNull(submitted);
    Object b = blankToNull(current instanceof TypedValue t ? plain(t) : current);
    if (a == null || b == null) {
      return a == b;
    }
    if (a instanceof Number x && b instanceof Number y) {
      return new BigDecimal(x.toString()).compareTo(new BigDecimal(y.toString())) == 0;
    }
    if (Objects.equals(a, b) || Objects.equals(String.valueOf(a), String.valueOf(b))) {
      return true;
    }
    try {
      JsonNode x = JSON.readTree(String.valueOf(a));
      JsonNode y = JSON.readTree(String.valueOf(b));
      return x != null && x.equals(y);
    } catch (IOException e) {
      return false;
    }
  }

  private static Object blankToNull(Object value) {
    return value instanceof String s && s.isEmpty() ? null : value;
  }

  private record Resolved(StepInputs inputs, boolean cacheable) {}

  private interface FormSource {
    String get();
  }

  private Resolved resolve(
      String deploymentId,
      FlowElement element,
      String formRef,
      String binding,
      String formKey,
      FormSource deployedForm) {
    Set<String> editable = new LinkedHashSet<>(declaredProperty(element));
    Set<String> readOnly = new LinkedHashSet<>();
    boolean cacheable = true;
    FormFields form = null;
    if (formRef != null && (binding == null || "deployment".equals(binding))) {
      form = formsOf(deploymentId).get(formRef);
    } else if (formRef != null || (formKey != null && formKey.startsWith("camunda-forms:"))) {
      String json = deployedForm.get();
      form = json == null ? null : FormFields.parse(json);
      cacheable = false;
    }
    Map<String, String> labels = new LinkedHashMap<>();
    Map<String, String> aliases = new LinkedHashMap<>();
    if (form != null) {
      editable.addAll(form.editable());
      readOnly.addAll(form.readOnly());
      labels.putAll(form.labels());
      aliases.putAll(form.aliases());
    }
    CamundaFormData formData = extension(element, CamundaFormData.class);
    if (formData != null) {
      for (CamundaFormField field : formData.getCamundaFormFields()) {
        editable.add(field.getCamundaId());
      }
    }
    // an alias is listed apart from the variables (REST callers send the variable); it stands only
    // for a variable
    // the step accepts in its own right: any other alias is refused
    editable.removeAll(aliases.keySet());
    aliases.entrySet().removeIf(alias -> !editable.contains(alias.getValue()));
    String name =
        element.getName() == null || element.getName().isBlank()
            ? element.getId()
            : element.getName();
    return new Resolved(new StepInputs(name, editable, readOnly, labels, aliases), cacheable);
  }

  private Map<String, FormFields> formsOf(String deploymentId) {
    return deploymentForms.computeIfAbsent(
        deploymentId,
        id -> {
          Map<String, FormFields> byId = new LinkedHashMap<>();
          for (String resource : repository.getDeploymentResourceNames(id)) {
            if (resource.endsWith(".form")) {
              FormFields form =
                  FormFields.parse(read(repository.getResourceAsStream(id, resource)));
              if (form.id() != null) {
                byId.put(form.id(), form);
              }
            }
          }
          return byId;
        });
  }

  private static Set<String> declaredProperty(BaseElement element) {
    Set<String> names = new LinkedHashSet<>();
    CamundaProperties properties = extension(element, CamundaProperties.class);
    if (properties != null) {
      for (CamundaProperty property : properties.getCamundaProperties()) {
        if (StepInputs.INPUT_VARIABLES_PROPERTY.equals(property.getCamundaName())
            && property.getCamundaValue() != null) {
          for (String name : property.getCamundaValue().split("[,，\\s]+")) {
            if (!name.isBlank()) {
              names.add(name.strip());
            }
          }
        }
      }
    }
    return names;
  }

  private static <T extends org.camunda.bpm.model.xml.instance.ModelElementInstance> T extension(
      BaseElement element, Class<T> type) {
    if (element.getExtensionElements() == null) {
      return null;
    }
    return element.getExtensionElements().getElementsQuery().filterByType(type).list().stream()
        .findFirst()
        .orElse(null);
  }

  private static String read(InputStream in) {
    if (in == null) {
      return null;
    }
    try (InputStream stream = in) {
      return new String(stream.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("表单读取失败", e);
    }
  }

  /**
   * The keyed fields of a Camunda Form (form-js JSON): editable or shown read-only, and the editable ones that
   * stand for another variable (custom property {@value StepInputs#SUBMIT_AS_PROPERTY}).
   */
  record FormFields(
      String id,
      Set<String> editable,
      Set<String> readOnly,
      Map<String, String> labels,
      Map<String, String> aliases) {

    static FormFields parse(String json) {
      try {
        JsonNode root = JSON.readTree(json);
        Set<String> editable = new LinkedHashSet<>();
        Set<String> readOnly = new LinkedHashSet<>();
        Map<String, String> labels = new LinkedHashMap<>();
        Map<String, String> aliases = new LinkedHashMap<>();
        walk(root.path("components"), false, editable, readOnly, labels, aliases);
        return new FormFields(
            root.path("id").isTextual() ? root.path("id").asText() : null,
            editable,
            readOnly,
            labels,
            aliases);
      } catch (IOException e) {
        throw new IllegalStateException("表单不是合法的 JSON", e);
      }
    }

    private static void walk(
        JsonNode components,
        boolean parentReadOnly,
        Set<String> editable,
        Set<String> readOnly,
        Map<String, String> labels,
        Map<String, String> aliases) {
      for (JsonNode component : components) {
        boolean ro =
            parentReadOnly
                || component.path("disabled").asBoolean(false)
                || component.path("readonly").asBoolean(false);
        String key = component.path("key").asText(component.path("path").asText(""));
        if (!key.isBlank()) {
          // form-js keys may be paths (a.b): the process variable is the first segment
          String variable = key.split("\\.")[0];
          (ro ? readOnly : editable).add(variable);
          if (component.path("label").isTextual()) {
            labels.putIfAbsent(variable, component.path("label").asText());
          }
          String submitAs =
              component.path("properties").path(StepInputs.SUBMIT_AS_PROPERTY).asText("").strip();
          if (!ro && !submitAs.isEmpty() && variable.equals(key)) {
            aliases.put(variable, submitAs);
          }
        }
        walk(component.path("components"), ro, editable, readOnly, labels, aliases);
      }
    }
  }
}
