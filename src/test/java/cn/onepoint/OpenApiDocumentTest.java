package cn.onepoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Keeps openapi/openapi.yaml equal to the document the service serves (STYLE.md), and holds every
 * operation to the house rules: a summary, a tag, and problem+json error responses.
 *
 * <p>After an API change: {@code ./mvnw test -Dtest=OpenApiDocumentTest -Dopenapi.write=true}, review the
 * diff of openapi/openapi.yaml and commit it with the change.
 */
@QuarkusTest
class OpenApiDocumentTest {

    static final Path DOCUMENT = Path.of("openapi", "openapi.yaml");
    static final String REGENERATE = "./mvnw test -Dtest=OpenApiDocumentTest -Dopenapi.write=true";
    private static final Set<String> WRITES = Set.of("post", "put", "patch", "delete");
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch",
            "trace");

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void committedDocumentEqualsServedDocument() throws IOException {
        String served = servedYaml();
        // The document must not depend on the run (ports, hosts, ordering): two fetches agree, and the
        // committed file written by another run is compared byte for byte after normalising line endings.
        assertEquals(served, servedYaml(), "/q/openapi is not deterministic");
        if (Boolean.getBoolean("openapi.write")) {
            Files.createDirectories(DOCUMENT.getParent());
            Files.writeString(DOCUMENT, served, StandardCharsets.UTF_8);
            return;
        }
        if (!Files.exists(DOCUMENT)) {
            fail(DOCUMENT + " is missing: run " + REGENERATE);
        }
        String committed = normalise(Files.readString(DOCUMENT, StandardCharsets.UTF_8));
        if (!committed.equals(served)) {
            fail(DOCUMENT + " is stale: run " + REGENERATE + "\n" + firstDifference(committed, served));
        }
    }

    @Test
    void everyOperationHasSummaryAndTag() throws IOException {
        List<String> problems = new ArrayList<>();
        forEachOperation(document(), (label, op) -> {
            if (op.path("summary").asText("").isBlank()) {
                problems.add(label + ": no summary (@Operation(summary = ...))");
            }
            if (!op.path("tags").isArray() || op.path("tags").isEmpty()) {
                problems.add(label + ": no tag (@Tag on the resource class)");
            }
        });
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void everyWriteDocumentsItsProblemResponses() throws IOException {
        JsonNode doc = document();
        assertTrue(doc.path("components").path("schemas").has("Problem"), "components.schemas.Problem is missing");
        List<String> problems = new ArrayList<>();
        forEachOperation(doc, (label, op) -> {
            String method = label.substring(0, label.indexOf(' ')).toLowerCase();
            List<String> expected = new ArrayList<>();
            if (WRITES.contains(method)) {
                expected.addAll(List.of("400", "409", "422"));
            }
            if (label.contains("{")) {
                expected.add("404");
            }
            for (String status : expected) {
                JsonNode response = resolve(doc, op.path("responses").path(status));
                String schema = response.path("content").path("application/problem+json").path("schema")
                        .path("$ref").asText("");
                if (!schema.equals("#/components/schemas/Problem")) {
                    problems.add(label + ": no application/problem+json " + status + " response");
                }
            }
        });
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void swaggerUiIsServed() {
        given().get("/q/swagger-ui").then().statusCode(200).body(containsString("swagger-ui"));
        given().get("/q/openapi?format=json").then().statusCode(200).body("info.title", containsString("OnePoint"));
    }

    // ---- helpers --------------------------------------------------------------------------------

    private static String servedYaml() {
        return normalise(given().accept("application/yaml").get("/q/openapi")
                .then().statusCode(200).extract().asString());
    }

    private JsonNode document() throws IOException {
        return json.readTree(given().accept("application/json").get("/q/openapi?format=json")
                .then().statusCode(200).extract().asString());
    }

    /** Line endings and trailing blank space at the end are not changes; everything else is. */
    static String normalise(String text) {
        return text.replace("\r\n", "\n").replace('\r', '\n').stripTrailing() + "\n";
    }

    private static String firstDifference(String committed, String served) {
        String[] a = committed.split("\n", -1);
        String[] b = served.split("\n", -1);
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            String left = i < a.length ? a[i] : "<end of file>";
            String right = i < b.length ? b[i] : "<end of file>";
            if (!left.equals(right)) {
                return "first difference at line " + (i + 1) + ":\n  committed: " + left + "\n  served:    " + right;
            }
        }
        return "";
    }

    private static JsonNode resolve(JsonNode doc, JsonNode node) {
        String ref = node.path("$ref").asText("");
        if (ref.startsWith("#/")) {
            JsonNode target = doc;
            for (String part : ref.substring(2).split("/")) {
                target = target.path(part);
            }
            return target;
        }
        return node;
    }

    private interface OperationVisitor {
        void visit(String label, JsonNode operation);
    }

    private static void forEachOperation(JsonNode doc, OperationVisitor visitor) {
        Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields();
        assertTrue(paths.hasNext(), "the document has no paths");
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields();
            while (ops.hasNext()) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (METHODS.contains(op.getKey())) {
                    visitor.visit(op.getKey().toUpperCase() + " " + path.getKey(), op.getValue());
                }
            }
        }
    }
}
