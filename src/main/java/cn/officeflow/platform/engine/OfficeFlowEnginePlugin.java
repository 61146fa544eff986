package cn.officeflow.platform.engine;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.variable.serializer.TypedValueSerializer;
import org.springframework.stereotype.Component;

/** Engine settings that have no Spring Boot property: the long-string serializer. */
@Component
public class OfficeFlowEnginePlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<TypedValueSerializer> serializers = new ArrayList<>();
    if (configuration.getCustomPreVariableSerializers() != null) {
      serializers.addAll(configuration.getCustomPreVariableSerializers());
    }
    serializers.add(0, new LongStringSerializer());
    configuration.setCustomPreVariableSerializers(serializers);
  }
}
