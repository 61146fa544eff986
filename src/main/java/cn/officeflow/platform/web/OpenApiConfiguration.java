package cn.officeflow.platform.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description of the project's API (/api/*, Spring MVC controllers; Camunda's /engine-rest has its own
 * description by Camunda), served by springdoc at /api/openapi to authenticated users. {@code OpenApiContractTest}
 * keeps it true: every documented operation is called, and every /api handler is documented.
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

  @Bean
  OpenAPI officeflowApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("OfficeFlow 行政办公 API")
                .version("1")
                .description(
                    "OfficeFlow 自己的业务接口（/api/*）：发文、收文、督办、应急、采购、物资、报销、档案、审计等。"
                        + "认证：HTTP Basic（或已登录 webapp 的会话加 X-XSRF-TOKEN）。错误一律为 JSON "
                        + "{type, message, field}，field 指出出错的字段。流程的发起和办理用 Camunda 的 /engine-rest。"))
        .components(
            new Components()
                .addSecuritySchemes(
                    "basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
        .addSecurityItem(new SecurityRequirement().addList("basic"));
  }
}
