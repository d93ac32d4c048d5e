package cn.onepoint.common;

import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Document-level OpenAPI settings. The Problem schema is registered here because no operation returns it
 * as a Java type: ProblemResponsesFilter refers to it from every error response. Title, version and
 * description are set in application.properties (quarkus.smallrye-openapi.info-*), which win over these.
 */
@OpenAPIDefinition(
        info = @Info(title = "OnePoint API", version = "1.0"),
        components = @Components(schemas = @Schema(name = "Problem", implementation = Problem.class)))
public final class ApiDefinition {

    private ApiDefinition() {
    }
}
