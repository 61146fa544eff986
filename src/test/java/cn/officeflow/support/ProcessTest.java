package cn.officeflow.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * A process test on the real engine (H2, profile test): one live engine per JVM (Camunda registers
 * engines by name, and /engine-rest resolves "default"), and the class fails unless its tests cover at
 * least 90% of the flow nodes of the processes they run (report in target/process-test-coverage).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@DirtiesContext
@SpringBootTest
@ActiveProfiles("test")
@Import(ProcessTest.Coverage.class)
public @interface ProcessTest {

  @TestConfiguration
  class Coverage {
    @Bean
    ProcessEngineCoverageProperties processEngineCoverageProperties() {
      return ProcessEngineCoverageProperties.Companion.builder()
          .assertClassCoverageAtLeast(0.9)
          .build();
    }
  }
}
