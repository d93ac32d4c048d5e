package cn.onepoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** k8s/ stays true to the service: the probe and scrape paths answer, the selectors match the pods. */
@QuarkusTest
class KubernetesManifestsTest {

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());

    @Test
    void probesAndMetricsPathsAnswer() throws IOException {
        JsonNode pod = read("deployment.yaml").path("spec").path("template");
        JsonNode container = pod.path("spec").path("containers").path(0);
        for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
            String path = container.path(probe).path("httpGet").path("path").asText();
            assertTrue(path.startsWith("/q/health/"), probe + " should use /q/health/*, not " + path);
            given().get(path).then().statusCode(200);
        }
        given().accept("text/plain").get(pod.path("metadata").path("annotations").path("prometheus.io/path").asText())
                .then().statusCode(200);
        assertEquals(8080, container.path("ports").path(0).path("containerPort").asInt());
    }

    @Test
    void twoReplicasOnTheExternalDatabase() throws IOException {
        JsonNode deployment = read("deployment.yaml");
        assertEquals(2, deployment.path("spec").path("replicas").asInt());
        List<String> fromSecret = new ArrayList<>();
        String embedded = null;
        for (JsonNode env : deployment.path("spec").path("template").path("spec").path("containers").path(0).path("env")) {
            if (env.path("valueFrom").has("secretKeyRef")) {
                fromSecret.add(env.path("name").asText());
            }
            if (env.path("name").asText().equals("ONEPOINT_EMBEDDED_DB_ENABLED")) {
                embedded = env.path("value").asText();
            }
        }
        assertTrue(fromSecret.containsAll(List.of("QUARKUS_DATASOURCE_REACTIVE_URL", "QUARKUS_DATASOURCE_JDBC_URL",
                "QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD")), "datasource from the Secret: " + fromSecret);
        assertEquals("false", embedded, "no embedded PostgreSQL inside a pod");
    }

    @Test
    void serviceAndBudgetSelectTheDeploymentsPods() throws IOException {
        JsonNode labels = read("deployment.yaml").path("spec").path("template").path("metadata").path("labels");
        assertEquals(labels, read("deployment.yaml").path("spec").path("selector").path("matchLabels"));
        assertEquals(labels, read("service.yaml").path("spec").path("selector"));
        assertEquals(labels, read("poddisruptionbudget.yaml").path("spec").path("selector").path("matchLabels"));
        assertEquals("http", read("service.yaml").path("spec").path("ports").path(0).path("targetPort").asText());
        // the image the Deployment runs: the fast-jar layout copied into /deployments
        assertTrue(Files.readString(Path.of("src", "main", "docker", "Dockerfile.jvm"))
                .contains("JAVA_APP_JAR=\"/deployments/quarkus-run.jar\""));
    }

    private JsonNode read(String file) throws IOException {
        return yaml.readTree(Path.of("k8s", file).toFile());
    }
}
