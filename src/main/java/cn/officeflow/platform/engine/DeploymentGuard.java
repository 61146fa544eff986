package cn.officeflow.platform.engine;

import cn.officeflow.platform.web.ValidationException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.impl.juel.AstBracket;
import org.camunda.bpm.impl.juel.AstDot;
import org.camunda.bpm.impl.juel.AstFunction;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.AstString;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Node;
import org.camunda.bpm.impl.juel.TreeBuilderException;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.util.ClassUtils;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.xml.sax.SAXException;

/**
 * Deploy rights must not be code execution (DESIGN.md §6 "Audit and designers"): every new deployment —
 * from Modeler over /engine-rest/deployment/create, from the Java API or at start-up — passes here before
 * the engine parses it, and a model that would run code the project did not ship is refused with 400
 * naming the resource and the element (the element id is the error's {@code field}); nothing is deployed.
 * <ul>
 *   <li>only .bpmn, .dmn and .form resources; no tenant (the project has none: a tenant's definitions would
 *       be invisible to everyone);</li>
 *   <li>BPMN: no script task, no script anywhere (listeners, input/output mappings, conditions with a
 *       {@code language}), no connector, {@code camunda:class} (also variable-mapping and form-handler
 *       classes) only for the project's delegates and listeners, form-field validators only as
 *       expressions; every expression (any attribute or text holding {@code ${…}} or {@code #{…}}) may use
 *       only what {@link ModelAllowlist} allows;</li>
 *   <li>DMN: FEEL only (no script or JUEL {@code expressionLanguage}), no FEEL {@code external}
 *       functions (Java calls);</li>
 *   <li>forms: a form-js JSON object with {@code components}.</li>
 * </ul>
 */
public class DeploymentGuard implements Deployer {

  static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";
  private static final Set<String> DIAGRAM_NS =
      Set.of(
          "http://www.omg.org/spec/BPMN/20100524/DI",
          "http://www.omg.org/spec/DD/20100524/DC",
          "http://www.omg.org/spec/DD/20100524/DI",
          "https://www.omg.org/spec/DMN/20191111/DMNDI/",
          "http://www.omg.org/spec/DMN/20180521/DC/",
          "http://www.omg.org/spec/DMN/20180521/DI/");
  private static final Set<String> CLASS_ATTRIBUTES =
      Set.of("class", "variableMappingClass", "formHandlerClass");
  private static final Pattern FEEL = Pattern.compile("(?i).*feel.*");
  private static final Pattern FEEL_EXTERNAL = Pattern.compile("\\bexternal\\s*\\{");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ListableBeanFactory beans;
  private volatile Delegates delegates;

  public DeploymentGuard(ListableBeanFactory beans) {
    this.beans = beans;
  }

  @Override
  public void deploy(DeploymentEntity deployment) {
    if (!deployment.isNew()) {
      return; // a deployment read back into the cache was checked when it was made
    }
    String tenant = deployment.getTenantId();
    if (tenant != null && !tenant.isBlank()) {
      throw new ValidationException("tenant-id", "本系统不使用租户，部署时请不要填写 tenant-id（租户）");
    }
    for (ResourceEntity resource : deployment.getResources().values()) {
      check(resource.getName(), resource.getBytes());
    }
  }

  /** Checks one resource as a deployment would; 400 ({@link ValidationException}) naming the element. */
  public void check(String resourceName, byte[] content) {
    String name = resourceName == null ? "" : resourceName.toLowerCase(Locale.ROOT);
    if (name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml")) {
      Element root = parse(resourceName, content);
      new Walk(resourceName, false).element(root);
    } else if (name.endsWith(".dmn") || name.endsWith(".dmn11.xml")) {
      Element root = parse(resourceName, content);
      new Walk(resourceName, true).element(root);
    } else if (name.endsWith(".form")) {
      checkForm(resourceName, content);
    } else {
      throw new ValidationException(
          resourceName == null ? "resource" : resourceName,
          "部署只能包含流程模型（.bpmn）、决策表（.dmn）和表单（.form），不接受文件「" + resourceName + "」");
    }
  }

  private static void checkForm(String resourceName, byte[] content) {
    try {
      JsonNode form = JSON.readTree(content);
      if (form == null || !form.isObject() || !form.path("components").isArray()) {
        throw new ValidationException(
            resourceName, "表单「" + resourceName + "」不是 Camunda 表单（缺少 components）");
      }
    } catch (IOException e) {
      throw new ValidationException(resourceName, "表单「" + resourceName + "」不是合法的 JSON");
    }
  }

  private static Element parse(String resourceName, byte[] content) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setXIncludeAware(false);
      factory.setExpandEntityReferences(false);
      Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(content));
      return document.getDocumentElement();
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException(e);
    } catch (SAXException | IOException e) {
      throw new ValidationException(
          resourceName, "「" + resourceName + "」不是合法的 XML：" + e.getMessage());
    }
  }

  /** One resource's elements, depth first. */
  private final class Walk {

    private final String resource;
    private final boolean dmn;

    Walk(String resource, boolean dmn) {
      // the file name: resources deployed at start-up are named by their path on the machine
      this.resource = resource == null ? "" : resource.substring(resource.lastIndexOf('/') + 1);
      this.dmn = dmn;
    }

    void element(Element e) {
      String ns = e.getNamespaceURI();
      String ln = e.getLocalName();
      if ((ns != null && DIAGRAM_NS.contains(ns))
          || "documentation".equals(ln)
          || "description".equals(ln) && dmn) {
        return;
      }
      if (dmn) {
        dmnElement(e);
      } else {
        bpmnElement(e, ns, ln);
      }
      for (org.w3c.dom.Node child = e.getFirstChild();
          child != null;
          child = child.getNextSibling()) {
        if (child instanceof Element childElement) {
          element(childElement);
        } else if (child.getNodeType() == org.w3c.dom.Node.TEXT_NODE
            || child.getNodeType() == org.w3c.dom.Node.CDATA_SECTION_NODE) {
          text(e, child.getNodeValue());
        }
      }
    }

    private void bpmnElement(Element e, String ns, String ln) {
      if ("scriptTask".equals(ln)) {
        refuse(e, "不允许脚本任务（scriptTask）：模型不能运行脚本，请改用服务任务和项目提供的元素模板");
      }
      if ("script".equals(ln)) {
        refuse(e, "不允许脚本（" + e.getTagName() + "）：监听器、输入/输出映射和条件都不能运行脚本");
      }
      if (CAMUNDA_NS.equals(ns) && "connector".equals(ln)) {
        refuse(e, "不允许连接器（camunda:connector）：服务器不代模型发起外部调用");
      }
      if (CAMUNDA_NS.equals(ns)
          && "constraint".equals(ln)
          && "validator".equals(e.getAttribute("name"))
          && !isExpression(e.getAttribute("config"))) {
        refuse(e, "表单字段校验器（validator）只能是表达式，不能是 Java 类「" + e.getAttribute("config") + "」");
      }
      NamedNodeMap attributes = e.getAttributes();
      for (int i = 0; i < attributes.getLength(); i++) {
        Attr attribute = (Attr) attributes.item(i);
        String name =
            attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
        String value = attribute.getValue();
        boolean camunda = CAMUNDA_NS.equals(attribute.getNamespaceURI()) || CAMUNDA_NS.equals(ns);
        if (("language".equals(name) || "scriptFormat".equals(name))
            && !value.isBlank()
            && !"definitions".equals(ln)) {
          refuse(e, "不允许脚本（" + name + "=\"" + value + "\"）：条件和映射只能使用表达式 ${…}");
        }
        if (camunda && CLASS_ATTRIBUTES.contains(name) && !delegates().classes().contains(value)) {
          refuse(
              e,
              "不允许 Java 类「"
                  + value
                  + "」（camunda:"
                  + name
                  + "）：只能使用项目提供的委托和监听器，请用元素模板（delegateExpression）");
        }
        text(e, value);
      }
    }

    private void dmnElement(Element e) {
      String language = e.getAttribute("expressionLanguage");
      if (!language.isBlank() && !FEEL.matcher(language).matches()) {
        refuse(e, "决策表只能使用 FEEL 表达式，不允许 expressionLanguage=\"" + language + "\"");
      }
      NamedNodeMap attributes = e.getAttributes();
      for (int i = 0; i < attributes.getLength(); i++) {
        Attr attribute = (Attr) attributes.item(i);
        if (attribute.getLocalName() != null
            && attribute.getLocalName().endsWith("Language")
            && !"typeLanguage".equals(attribute.getLocalName())
            && !attribute.getValue().isBlank()
            && !FEEL.matcher(attribute.getValue()).matches()) {
          refuse(
              e,
              "决策表只能使用 FEEL 表达式，不允许 " + attribute.getName() + "=\"" + attribute.getValue() + "\"");
        }
      }
    }

    private void text(Element e, String value) {
      if (value == null) {
        return;
      }
      if (dmn) {
        if (FEEL_EXTERNAL.matcher(value).find()) {
          refuse(e, "决策表不能通过 FEEL external 函数调用 Java");
        }
        return;
      }
      if (isExpression(value)) {
        expression(e, value.strip());
      }
    }

    private void expression(Element e, String text) {
      Node root;
      try {
        root =
            new Builder(Builder.Feature.METHOD_INVOCATIONS, Builder.Feature.VARARGS)
                .build(text)
                .getRoot();
      } catch (TreeBuilderException ex) {
        refuse(e, "表达式「" + text + "」无法解析");
        return;
      }
      visit(e, text, root);
    }

    private void visit(Element e, String text, Node node) {
      if (node instanceof AstMethod method) {
        Node property = method.getChild(0);
        if (!(property instanceof AstDot dot)) {
          refuse(e, "表达式「" + text + "」：不能用 [] 调用方法");
          return;
        }
        String name = propertyName(dot);
        Node base = dot.getChild(0);
        boolean allowed =
            base instanceof AstIdentifier id
                && (modelBean(id.getName())
                    || ModelAllowlist.SCOPE_OBJECTS.contains(id.getName())
                        && ModelAllowlist.SCOPE_METHODS.contains(name));
        if (!allowed) {
          refuse(
              e,
              "表达式「"
                  + text
                  + "」调用了 "
                  + describe(base)
                  + "."
                  + name
                  + "()：模型只能调用项目为模型提供的 Bean（委托、监听器和 ModelAllowlist 中的服务）");
        }
        visit(e, text, base);
        visit(e, text, method.getChild(1));
        return;
      }
      if (node instanceof AstDot dot) {
        String name = propertyName(dot);
        Node base = dot.getChild(0);
        if (ModelAllowlist.REFLECTION_PROPERTIES.contains(name)) {
          refuse(e, "表达式「" + text + "」不能读取 " + name);
        }
        if (base instanceof AstIdentifier id
            && ModelAllowlist.SCOPE_OBJECTS.contains(id.getName())
            && !ModelAllowlist.SCOPE_PROPERTIES.contains(name)) {
          refuse(e, "表达式「" + text + "」不能读取 " + id.getName() + "." + name);
        }
        visit(e, text, base);
        return;
      }
      if (node instanceof AstBracket bracket) {
        Node base = bracket.getChild(0);
        Node key = bracket.getChild(1);
        if (key instanceof AstString literal
            && ModelAllowlist.REFLECTION_PROPERTIES.contains(
                String.valueOf(literal.eval(null, null)))) {
          refuse(e, "表达式「" + text + "」不能读取 " + literal.eval(null, null));
        }
        if (base instanceof AstIdentifier id
            && ModelAllowlist.SCOPE_OBJECTS.contains(id.getName())) {
          refuse(e, "表达式「" + text + "」不能用 [] 读取 " + id.getName() + " 的属性");
        }
        visit(e, text, base);
        visit(e, text, key);
        return;
      }
      if (node instanceof AstIdentifier id) {
        if (beans.containsBean(id.getName()) && !modelBean(id.getName())) {
          refuse(
              e,
              "表达式「"
                  + text
                  + "」使用了 Bean「"
                  + id.getName()
                  + "」：模型只能使用项目为模型提供的 Bean（委托、监听器和 ModelAllowlist 中的服务）");
        }
        return;
      }
      if (node instanceof AstFunction function
          && !ModelAllowlist.FUNCTIONS.contains(function.getName())) {
        refuse(e, "表达式「" + text + "」调用了未允许的函数 " + function.getName() + "()");
      }
      for (int i = 0; i < node.getCardinality(); i++) {
        visit(e, text, node.getChild(i));
      }
    }

    private void refuse(Element e, String reason) {
      Element owner = e;
      while (owner != null && owner.getAttribute("id").isBlank()) {
        owner = owner.getParentNode() instanceof Element parent ? parent : null;
      }
      String id = owner == null ? e.getTagName() : owner.getAttribute("id");
      String label = owner == null ? "" : owner.getAttribute("name");
      String where = owner == e || owner == null ? "" : "的 " + e.getTagName();
      throw new ValidationException(
          id,
          "「"
              + resource
              + "」中的元素 "
              + id
              + (label.isBlank() ? "" : "（" + label + "）")
              + where
              + "不能部署："
              + reason);
    }
  }

  private static boolean isExpression(String value) {
    return value != null && (value.contains("${") || value.contains("#{"));
  }

  /** AstDot prints itself as ". name"; it has no getter for the name. */
  private static String propertyName(AstDot dot) {
    String printed = dot.toString();
    return printed.startsWith(". ") ? printed.substring(2) : printed;
  }

  private static String describe(Node base) {
    return base instanceof AstIdentifier id ? id.getName() : "表达式结果";
  }

  /** A bean the models may use: a delegate or listener of the project, or one of the helper beans. */
  boolean modelBean(String name) {
    return ModelAllowlist.HELPER_BEANS.contains(name) || delegates().beans().contains(name);
  }

  /** The delegate and listener beans, and their classes (for {@code camunda:class}). */
  Delegates delegates() {
    Delegates known = delegates;
    if (known == null) {
      Set<String> names = new LinkedHashSet<>();
      Set<String> classes = new LinkedHashSet<>();
      for (Class<?> type :
          new Class<?>[] {JavaDelegate.class, ExecutionListener.class, TaskListener.class}) {
        for (String name : beans.getBeanNamesForType(type, true, false)) {
          Class<?> beanType = beans.getType(name, false);
          String className = beanType == null ? "" : ClassUtils.getUserClass(beanType).getName();
          boolean concrete = beanType != null && !beanType.isInterface();
          if (concrete
              && (className.startsWith("org.camunda.")
                  || className.startsWith("org.springframework."))) {
            continue; // the engine's and Spring's own, not meant for models
          }
          names.add(name);
          if (concrete) {
            classes.add(className);
          }
        }
      }
      known = new Delegates(Set.copyOf(names), Set.copyOf(classes));
      delegates = known;
    }
    return known;
  }

  /** The project's delegate/listener bean names and classes. */
  record Delegates(Set<String> beans, Set<String> classes) {}
}
