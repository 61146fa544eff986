package cn.officeflow.platform.engine;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Engine wiring that Camunda's starter does not do for us.
 *
 * <p>Flyway creates the project's own tables before the process engine starts, so that deployments,
 * start-up listeners and the job executor always find them.
 */
@Configuration(proxyBeanMethods = false)
public class EngineConfiguration {

  static final String ENGINE_FACTORY_BEAN = "processEngineFactoryBean";
  static final String FLYWAY_INITIALIZER = "flywayInitializer";

  @Bean
  static BeanFactoryPostProcessor engineAfterFlyway() {
    return beanFactory -> {
      if (beanFactory.containsBeanDefinition(ENGINE_FACTORY_BEAN)
          && beanFactory.containsBeanDefinition(FLYWAY_INITIALIZER)) {
        BeanDefinition engine = beanFactory.getBeanDefinition(ENGINE_FACTORY_BEAN);
        String[] existing = engine.getDependsOn();
        String[] dependsOn =
            existing == null
                ? new String[1]
                : java.util.Arrays.copyOf(existing, existing.length + 1);
        dependsOn[dependsOn.length - 1] = FLYWAY_INITIALIZER;
        engine.setDependsOn(dependsOn);
      }
    };
  }
}
