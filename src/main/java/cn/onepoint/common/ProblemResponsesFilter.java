package cn.onepoint.common;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Documents the problem+json error responses (API.md "Errors") on every operation, so clients see the
 * error shape everywhere without each resource repeating it:
 * <ul>
 *   <li>400 on every operation that takes input (a body, a query or header parameter), every write and every GET
 *   (an unknown query parameter, a bad {@code fields});</li>
 *   <li>404 on every operation with a path parameter;</li>
 *   <li>409 and 422 on every write (POST, PUT, PATCH, DELETE);</li>
 *   <li>412 on every operation that accepts {@code If-Match};</li>
 *   <li>401 and 403 on every operation: all of /api/v1 needs a bearer token (docs/security.md).</li>
 * </ul>
 * The responses are shared components ({@code #/components/responses/...}) whose content is the
 * {@code Problem} schema. A response an operation documents itself keeps its description and content;
 * one without content gets the Problem body.
 *
 * <p>It also documents {@code Idempotency-Key} (docs/idempotency.md): the header parameter on every POST, and the
 * {@code Idempotent-Replayed} header on its success responses; and the {@code fields} query parameter (attribute
 * selection) on every GET.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class ProblemResponsesFilter implements OASFilter {

    static final String BAD_REQUEST = "BadRequest";
    static final String NOT_FOUND = "NotFound";
    static final String CONFLICT = "Conflict";
    static final String PRECONDITION_FAILED = "PreconditionFailed";
    static final String RULE_VIOLATION = "RuleViolation";
    static final String UNAUTHENTICATED = "Unauthenticated";
    static final String FORBIDDEN = "Forbidden";
    static final String BEARER = "bearer";
    static final String IDEMPOTENCY_KEY = "IdempotencyKey";
    static final String IDEMPOTENT_REPLAYED = "IdempotentReplayed";
    static final String FIELDS = "Fields";

    private static final Map<String, String> COMPONENT_BY_STATUS = Map.of(
            "400", BAD_REQUEST, "404", NOT_FOUND, "409", CONFLICT, "412", PRECONDITION_FAILED,
            "422", RULE_VIOLATION, "401", UNAUTHENTICATED, "403", FORBIDDEN);

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        Components components = openAPI.getComponents();
        component(components, BAD_REQUEST,
                "Malformed or invalid input: code VALIDATION (every bad field listed in errors) or MALFORMED_JSON");
        component(components, NOT_FOUND, "No resource with that id: code NOT_FOUND");
        component(components, CONFLICT, "Not allowed in the resource's current state: code STATE_CONFLICT "
                + "(state and allowedActions given), or a concurrent change: code VERSION_CONFLICT; on a POST with "
                + "Idempotency-Key, IDEMPOTENCY_IN_PROGRESS (the first request with the key still runs) or "
                + "IDEMPOTENCY_OUTCOME_UNKNOWN (it recorded no outcome)");
        component(components, PRECONDITION_FAILED,
                "If-Match names a version that is no longer current: code PRECONDITION_FAILED");
        component(components, RULE_VIOLATION,
                "A rule of the manual refuses the request: code is the rule id of docs/rules.md (e.g. T7); or "
                        + "IDEMPOTENCY_KEY_REUSED: the Idempotency-Key was used with another body");
        component(components, UNAUTHENTICATED, "No valid bearer token (missing, expired, another issuer or "
                + "audience, bad signature): code UNAUTHENTICATED (docs/security.md)");
        component(components, FORBIDDEN, "The token's subject may not do this: code is the rule id (T10, T8, T11, "
                + "P8, ...), AUTH-ACTOR (the body names someone else), AUTH-DIRECTORY, or AUTH-PERSON (the token's "
                + "login names nobody in the directory)");
        idempotencyComponents(components);
        bearer(openAPI, components);
        fieldsComponent(components);

        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            if (item.getOperations() == null) {
                continue;
            }
            for (Map.Entry<PathItem.HttpMethod, Operation> e : item.getOperations().entrySet()) {
                document(e.getKey(), e.getValue(), item);
            }
        }
    }

    private static void document(PathItem.HttpMethod method, Operation op, PathItem item) {
        if (method == PathItem.HttpMethod.GET) {
            String ref = "#/components/parameters/" + FIELDS;
            if (op.getParameters() == null || op.getParameters().stream().noneMatch(p -> ref.equals(p.getRef()))) {
                op.addParameter(OASFactory.createParameter().ref(FIELDS));
            }
        }
        List<Parameter> params = new ArrayList<>();
        if (item.getParameters() != null) {
            params.addAll(item.getParameters());
        }
        if (op.getParameters() != null) {
            params.addAll(op.getParameters());
        }
        boolean write = method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PUT
                || method == PathItem.HttpMethod.PATCH || method == PathItem.HttpMethod.DELETE;
        boolean pathParam = params.stream().anyMatch(p -> p.getIn() == Parameter.In.PATH);
        // every GET takes fields, and refuses an unknown query parameter
        boolean input = write || method == PathItem.HttpMethod.GET || op.getRequestBody() != null
                || params.stream().anyMatch(p -> p.getIn() == Parameter.In.QUERY || p.getIn() == Parameter.In.HEADER);
        boolean ifMatch = params.stream()
                .anyMatch(p -> p.getIn() == Parameter.In.HEADER && "If-Match".equalsIgnoreCase(p.getName()));

        if (op.getResponses() == null) {
            op.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = op.getResponses();
        add(responses, "401");
        add(responses, "403");
        if (input) {
            add(responses, "400");
        }
        if (pathParam) {
            add(responses, "404");
        }
        if (write) {
            add(responses, "409");
        }
        if (ifMatch) {
            add(responses, "412");
        }
        if (write) {
            add(responses, "422");
        }
        if (method == PathItem.HttpMethod.POST) {
            idempotent(op);
        }
    }

    /** One bearer scheme for the whole document: every /api/v1 operation needs a token (docs/security.md). */
    private static void bearer(OpenAPI openAPI, Components components) {
        if (components.getSecuritySchemes() == null || !components.getSecuritySchemes().containsKey(BEARER)) {
            components.addSecurityScheme(BEARER, OASFactory.createSecurityScheme()
                    .type(org.eclipse.microprofile.openapi.models.security.SecurityScheme.Type.HTTP)
                    .scheme("bearer").bearerFormat("JWT")
                    .description("An OIDC access token (docs/security.md); in dev mode from "
                            + "GET /auth/dev-token?login=lina"));
        }
        if (openAPI.getSecurity() == null || openAPI.getSecurity().isEmpty()) {
            openAPI.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme(BEARER));
        }
    }

    private static void idempotencyComponents(Components components) {
        if (components.getParameters() == null || !components.getParameters().containsKey(IDEMPOTENCY_KEY)) {
            components.addParameter(IDEMPOTENCY_KEY, OASFactory.createParameter().name("Idempotency-Key")
                    .in(Parameter.In.HEADER).required(false)
                    .description("Makes a retry safe: a repeat with the same key and body gets the first response "
                            + "replayed and runs nothing (docs/idempotency.md). 1–255 printable ASCII characters, "
                            + "e.g. a UUID; kept for onepoint.idempotency.retention (24 h).")
                    .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).maxLength(255)));
        }
        if (components.getHeaders() == null || !components.getHeaders().containsKey(IDEMPOTENT_REPLAYED)) {
            components.addHeader(IDEMPOTENT_REPLAYED, OASFactory.createHeader()
                    .description("true when this is the recorded response (a success or a 4xx) of an earlier request with the same "
                            + "Idempotency-Key, replayed")
                    .schema(OASFactory.createSchema().addType(Schema.SchemaType.BOOLEAN)));
        }
    }

    /** {@code fields} on every GET (API.md attribute selection; common.input.FieldSelection). */
    private static void fieldsComponent(Components components) {
        if (components.getParameters() == null || !components.getParameters().containsKey(FIELDS)) {
            components.addParameter(FIELDS, OASFactory.createParameter().name("fields").in(Parameter.In.QUERY)
                    .required(false)
                    .description("Attribute selection: comma-separated top-level attributes to return (id is always "
                            + "returned; on a list, in every element), e.g. fields=number,status. An attribute the "
                            + "resource does not have is a 400 naming fields.")
                    .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)));
        }
    }

    private static void idempotent(Operation op) {
        String ref = "#/components/parameters/" + IDEMPOTENCY_KEY;
        if (op.getParameters() == null || op.getParameters().stream().noneMatch(p -> ref.equals(p.getRef()))) {
            op.addParameter(OASFactory.createParameter().ref(IDEMPOTENCY_KEY));
        }
        if (op.getResponses().getAPIResponses() == null) {
            return;
        }
        op.getResponses().getAPIResponses().forEach((status, response) -> {
            if (status.startsWith("2") && response.getRef() == null
                    && (response.getHeaders() == null || !response.getHeaders().containsKey("Idempotent-Replayed"))) {
                response.addHeader("Idempotent-Replayed", OASFactory.createHeader().ref(IDEMPOTENT_REPLAYED));
            }
        });
    }

    private static void add(APIResponses responses, String status) {
        APIResponse existing = responses.getAPIResponse(status);
        if (existing == null) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().ref(COMPONENT_BY_STATUS.get(status)));
        } else if (existing.getRef() == null && existing.getContent() == null) {
            // an @APIResponse that only describes the case: keep its description, add the body
            existing.setContent(problemContent());
        }
    }

    private static Content problemContent() {
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref("Problem")));
    }

    private static void component(Components components, String name, String description) {
        if (components.getResponses() != null && components.getResponses().containsKey(name)) {
            return;
        }
        components.addResponse(name, OASFactory.createAPIResponse().description(description).content(problemContent()));
    }
}
