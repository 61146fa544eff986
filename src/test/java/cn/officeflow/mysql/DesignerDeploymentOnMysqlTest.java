package cn.officeflow.mysql;

import cn.officeflow.support.DesignerScenarios;
import cn.officeflow.support.Http;
import org.junit.jupiter.api.Test;

/** The designer's Modeler deployment and the deployment guard on MariaDB/MySQL ({@link DesignerScenarios}). */
class DesignerDeploymentOnMysqlTest extends MysqlSpringTestBase {

  /** This context's engine is named mysqlit: Camunda's REST API names it in the path. */
  static final String REST = "/engine-rest/engine/mysqlit";

  private DesignerScenarios scenarios() {
    return new DesignerScenarios(new Http(port), REST, engine);
  }

  @Test
  void modelerDeploymentIsStartedByItsStartersAtOnce() throws Exception {
    scenarios().deployedModelStartsAtOnce();
  }

  @Test
  void scriptTaskIsRefused() throws Exception {
    scenarios().scriptTaskRefused();
  }

  @Test
  void javaClassIsRefused() throws Exception {
    scenarios().classRefused();
  }

  @Test
  void engineBeanInAnExpressionIsRefused() throws Exception {
    scenarios().beanExpressionRefused();
  }

  @Test
  void theProjectsDelegatesAndHelpersAreAccepted() throws Exception {
    scenarios().allowedModelAccepted();
  }
}
