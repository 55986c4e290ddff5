package id.peduli.platform;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI peduliOpenApi(BuildInfo buildInfo) {
        return new OpenAPI()
                .info(new Info()
                        .title("Peduli API")
                        .version(buildInfo.version())
                        .description("JSON API of Peduli. Authenticate with a personal access token "
                                + "(header 'Authorization: Bearer pdl_…'), created under My account > API tokens. "
                                + "Errors are RFC 9457 problem details (application/problem+json, schema Problem) "
                                + "with a stable 'code'; send Accept-Language: en for English. Conventions for "
                                + "paging, versions, idempotent creates and rate limits: docs/api.md.")
                        .license(new License().name("Apache-2.0").identifier("Apache-2.0")))
                .components(new Components()
                        .addSecuritySchemes(
                                "token",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .description("Personal access token")))
                .servers(List.of(new Server().url("/").description("This Peduli instance")))
                .addSecurityItem(new SecurityRequirement().addList("token"));
    }
}
