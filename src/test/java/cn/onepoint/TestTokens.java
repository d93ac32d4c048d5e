package cn.onepoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.callback.QuarkusTestAfterConstructCallback;
import io.quarkus.test.junit.callback.QuarkusTestBeforeClassCallback;
import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Every test request to /api/v1 that carries no {@code Authorization} header gets a token: the person's named by
 * the body's actor field ({@code personId}, {@code reporterId}, ...) when there is one, otherwise the
 * {@code automation} service account's. Tests of authentication itself send their own header, or none with
 * {@code given().noFilters()}. Registered once per application class loader, before each test.
 */
public class TestTokens implements Filter, QuarkusTestBeforeClassCallback, QuarkusTestAfterConstructCallback,
        QuarkusTestBeforeEachCallback {

    /** Body fields that name who acts. {@code personId} of a change of responsible person names the new one. */
    private static final List<String> ACTOR_FIELDS = List.of("personId", "reporterId", "requestedBy", "createdBy",
            "plannerId");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TestTokens INSTANCE = new TestTokens();

    @Override
    public void beforeClass(Class<?> testClass) {
        register();
    }

    @Override
    public void afterConstruct(Object testInstance) {
        register();
    }

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        register();
    }

    public static synchronized void register() {
        if (RestAssured.filters().stream().noneMatch(f -> f instanceof TestTokens)) {
            RestAssured.filters(INSTANCE);
        }
    }

    @Override
    public Response filter(FilterableRequestSpecification req, FilterableResponseSpecification res, FilterContext ctx) {
        if (!req.getHeaders().hasHeaderWithName("Authorization") && req.getURI().contains("/api/v1")) {
            req.header("Authorization", authorizationFor(req.getURI(), req.getBody()));
        }
        return ctx.next(req, res);
    }

    /** The Authorization header this filter gives a request to {@code uri} with {@code body} (also for ItHttp). */
    public static String authorizationFor(String uri, Object body) {
        String actor = uri.contains("/responsible-person") ? null : actorOf(body);
        return actor != null ? Tokens.bearerForPerson(actor) : Tokens.bearerService("automation");
    }

    private static String actorOf(Object body) {
        if (body == null) {
            return null;
        }
        try {
            JsonNode node = body instanceof String s ? JSON.readTree(s)
                    : body instanceof byte[] b ? JSON.readTree(new String(b, StandardCharsets.UTF_8))
                    : JSON.valueToTree(body);
            if (node == null || !node.isObject()) {
                return null;
            }
            for (String f : ACTOR_FIELDS) {
                JsonNode v = node.get(f);
                // an id no login could be (too long for a header) gets the default token, and the refusal that goes with it
                if (v != null && v.isTextual() && !v.asText().isBlank() && v.asText().length() <= 64) {
                    return v.asText();
                }
            }
        } catch (Exception e) {
            return null;
        }
        return null;
    }
}
