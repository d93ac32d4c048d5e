package cn.onepoint.common;

import cn.onepoint.Fixtures;
import cn.onepoint.ticket.World;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bad input against every operation of the served OpenAPI document: no answer is ever a 5xx, and every 4xx is
 * problem+json with a body. For every write operation, bodies broken in the ways clients and attackers break them
 * (no body, {@code {}}, each required field missing, wrong types, nulls in arrays, control characters in each
 * string, a 1 MB string, deep nesting, unknown enum values, instants out of range) and malformed path ids; for every
 * GET, malformed ids and malformed or unknown query parameters. Deterministic (fixed seed) and bounded (a cap per
 * operation).
 */
@QuarkusTest
class ApiFuzzTest {

    private static final long SEED = 20261202L;
    private static final int CAP_PER_WRITE = 18;
    private static final int CAP_PER_GET = 8;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern PARAM = Pattern.compile("\\{([^}]+)}");
    /** Written into a serialized body in place of this marker: an unpaired surrogate, escaped. */
    private static final String SURROGATE = "@@lone-surrogate@@";

    private final ObjectMapper json = new ObjectMapper();
    private final Random random = new Random(SEED);
    private final List<String> failures = new ArrayList<>();
    private JsonNode document;
    private final Map<String, String> ids = new LinkedHashMap<>();
    private int requests;
    /** The test profile's quarkus.http.limits.max-body-size. */
    private static final int MAX_BODY = 256 * 1024;

    @Test
    void noBadInputGetsA5xxAndEvery4xxIsAProblem() throws Exception {
        long started = System.nanoTime();
        document = json.readTree(given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().asString());
        realIds();
        JsonNode paths = document.get("paths");
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                String method = op.getKey().toUpperCase();
                switch (method) {
                    case "POST", "PUT", "PATCH", "DELETE" -> write(method, path.getKey(), op.getValue());
                    case "GET" -> read(path.getKey(), op.getValue());
                    default -> { }
                }
            }
        }
        httpLimits();
        System.out.printf("ApiFuzzTest: %d requests in %d s%n", requests, (System.nanoTime() - started) / 1_000_000_000);
        assertTrue(requests > 500, "the document was walked (" + requests + " requests)");
        assertTrue(failures.isEmpty(), failures.size() + " bad answers of " + requests + " requests:\n"
                + String.join("\n", failures.subList(0, Math.min(40, failures.size()))));
    }

    // ---- real ids, so that mutations get past "not found" to the checks of the body --------------------------

    private void realIds() {
        // a world of its own: what the mutations create must not show in other tests' lists
        World w = World.build();
        String ticket = w.accepted(w.hubeiMstp, "MSTP", w.hubeiDesk, w.hubeiAcceptor);
        ids.put("tickets", ticket);
        ids.put("units", w.wuhan);
        ids.put("people", w.wuhanHandler);
        ids.put("customers", w.groupCustomer);
        String circuit = given().queryParam("code", w.hubeiMstp).get("/api/v1/circuits").then().extract().path("[0].id");
        ids.put("circuits", circuit);
        try {
            List<Map<String, Object>> wos = World.dispatch(w.ticket(w.hubeiMstp, "MSTP", w.hubeiDesk).equals("") ? ticket
                    : w.accepted(w.hubeiMstp, "MSTP", w.hubeiDesk, w.hubeiAcceptor), w.hubeiAcceptor);
            ids.put("work-orders", String.valueOf(wos.get(0).get("id")));
        } catch (AssertionError e) {
            // no work order: a random id will do
        }
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("customerId", w.provincialCustomer);
        order.put("circuitId", circuit);
        order.put("businessType", "MSTP");
        order.put("requestedCompletionDate", LocalDate.now().plusDays(40).toString());
        order.put("businessManagerId", Fixtures.person(w.hubei, "BUSINESS_MANAGER"));
        order.put("networkOpsSupportManagerId", Fixtures.person(w.hubei, "NETWORK_OPS_SUPPORT_MANAGER"));
        order.put("customerManagerId", Fixtures.person(w.wuhan, "CUSTOMER_MANAGER"));
        Response created = given().contentType(ContentType.JSON).body(order).post("/api/v1/orders");
        if (created.statusCode() == 201) {
            ids.put("orders", created.path("id"));
        } else {
            System.out.println("ApiFuzzTest: no order to fuzz against: " + created.asString());
        }
        ids.put("personId", w.hubeiAcceptor);
        ids.put("unitId", w.wuhan);
        ids.put("customerId", w.provincialCustomer);
        ids.put("circuitId", circuit);
    }

    private String resolve(String path, String badId) {
        Matcher m = PARAM.matcher(path);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String before = path.substring(0, m.start());
            String collection = before.substring(before.lastIndexOf('/', before.length() - 2) + 1, before.length() - 1);
            String value;
            if (badId != null && m.hitEnd()) {
                value = badId;
            } else if ("year".equals(m.group(1))) {
                value = "2027";
            } else {
                value = ids.getOrDefault(collection, UUID.nameUUIDFromBytes(path.getBytes()).toString());
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        String resolved = out.toString();
        if (badId != null && !path.endsWith("}")) {
            // the last parameter is not at the end: put the bad id in the first
            resolved = PARAM.matcher(path).replaceFirst(Matcher.quoteReplacement(badId));
            resolved = PARAM.matcher(resolved).replaceAll(Matcher.quoteReplacement(UUID.randomUUID().toString()));
        }
        return resolved;
    }

    // ---- write operations -------------------------------------------------------------------------------

    private void write(String method, String path, JsonNode op) throws Exception {
        JsonNode schema = op.path("requestBody").path("content").path("application/json").path("schema");
        List<Case> cases = new ArrayList<>();
        cases.add(new Case("no body", null));
        cases.add(new Case("{}", "{}"));
        cases.add(new Case("null", "null"));
        cases.add(new Case("[]", "[]"));
        cases.add(new Case("a string", "\"x\""));
        cases.add(new Case("not JSON", "{\"a\": "));
        cases.add(new Case("deep nesting", "[".repeat(200) + "]".repeat(200)));
        JsonNode resolved = schema.isMissingNode() ? null : resolveSchema(schema);
        if (resolved != null && resolved.has("properties")) {
            ObjectNode base = (ObjectNode) sample(resolved, 0, null);
            cases.add(new Case("a plausible body", write(base)));
            mutations(base, resolved, cases);
        }
        List<Case> chosen = cap(cases, CAP_PER_WRITE);
        String target = resolve(path, null);
        for (Case c : chosen) {
            send(method, target, c);
        }
        if (path.contains("{")) {
            String body = chosen.size() > 7 ? chosen.get(7).body : "{}";
            send(method, resolve(path, "not-a-uuid"), new Case("malformed id", body));
            send(method, resolve(path, UUID.randomUUID().toString()), new Case("unknown id", body));
        }
    }

    private void mutations(ObjectNode base, JsonNode schema, List<Case> cases) throws Exception {
        JsonNode required = schema.path("required");
        for (JsonNode r : required) {
            ObjectNode b = base.deepCopy();
            b.remove(r.asText());
            cases.add(new Case("without " + r.asText(), write(b)));
        }
        boolean big = false;
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.get("properties").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> p = it.next();
            String name = p.getKey();
            JsonNode s = resolveSchema(p.getValue());
            String type = type(s);
            for (JsonNode wrong : wrongTypes(type)) {
                cases.add(new Case(name + " of a wrong type", with(base, name, wrong)));
            }
            cases.add(new Case(name + " nested 200 deep", with(base, name, nested(200))));
            switch (type) {
                case "string" -> {
                    if (s.has("enum")) {
                        cases.add(new Case(name + " unknown enum", with(base, name, NODES.textNode("NOT_A_VALUE"))));
                    } else if ("date-time".equals(s.path("format").asText())) {
                        cases.add(new Case(name + " year -99999", with(base, name, NODES.textNode("-99999-01-01T00:00:00Z"))));
                        cases.add(new Case(name + " year 1900", with(base, name, NODES.textNode("1900-01-01T00:00:00Z"))));
                        cases.add(new Case(name + " epoch number", with(base, name, NODES.numberNode(-99999999999999L))));
                    } else if ("date".equals(s.path("format").asText())) {
                        cases.add(new Case(name + " year 99999", with(base, name, NODES.textNode("+99999-01-01"))));
                        cases.add(new Case(name + " year 0001", with(base, name, NODES.textNode("0001-01-01"))));
                    } else {
                        cases.add(new Case(name + " with NUL", with(base, name, NODES.textNode("a\u0000b"))));
                        String[] controls = {"\u0001", "\u0007", "\u001b", "\u001f", "\u000b", SURROGATE};
                        String control = controls[random.nextInt(controls.length)];
                        cases.add(new Case(name + " with control " + control, with(base, name, NODES.textNode("x" + control))));
                        cases.add(new Case(name + " of 100 KB", with(base, name, NODES.textNode("长".repeat(35_000)))));
                        if (!big) {
                            big = true;
                            cases.add(new Case(name + " of 1 MB", with(base, name, NODES.textNode("x".repeat(1 << 20)))));
                        }
                    }
                }
                case "integer", "number" -> {
                    cases.add(new Case(name + " huge", with(base, name, NODES.numberNode(new java.math.BigInteger("99999999999999999999999")))));
                    cases.add(new Case(name + " negative", with(base, name, NODES.numberNode(-2147483648L))));
                    cases.add(new Case(name + " 2^31", with(base, name, NODES.numberNode(2147483648L))));
                    cases.add(new Case(name + " NaN text", with(base, name, NODES.textNode("NaN"))));
                }
                case "array" -> {
                    ArrayNode nulls = NODES.arrayNode().addNull();
                    cases.add(new Case(name + " [null]", with(base, name, nulls)));
                    ArrayNode withNull = base.path(name).isArray() ? ((ArrayNode) base.get(name)).deepCopy() : NODES.arrayNode();
                    withNull.addNull();
                    cases.add(new Case(name + " with a null added", with(base, name, withNull)));
                    ArrayNode many = NODES.arrayNode();
                    JsonNode element = base.path(name).path(0);
                    for (int i = 0; i < 2000; i++) {
                        many.add(element.isMissingNode() ? NODES.textNode("x") : element);
                    }
                    cases.add(new Case(name + " of 2000 elements", with(base, name, many)));
                    if (element.isObject()) {
                        nestedMutations(base, name, (ObjectNode) element, cases);
                    }
                }
                case "object" -> {
                    if (base.path(name).isObject()) {
                        nestedMutations(base, name, (ObjectNode) base.get(name), cases);
                    }
                }
                default -> { }
            }
        }
        ObjectNode unknown = base.deepCopy();
        unknown.put("notAField", 1);
        cases.add(new Case("an unknown field", write(unknown)));
        ObjectNode badKey = base.deepCopy();
        badKey.put("bad\u0000key", 1);
        cases.add(new Case("a member name with NUL", write(badKey)));
    }

    /** Strings of a nested object (or an array's first object) with NUL, and its members nulled. */
    private void nestedMutations(ObjectNode base, String name, ObjectNode element, List<Case> cases) throws Exception {
        for (Iterator<String> f = element.fieldNames(); f.hasNext(); ) {
            String member = f.next();
            if (element.get(member).isTextual()) {
                ObjectNode b = base.deepCopy();
                JsonNode holder = b.get(name).isArray() ? b.get(name).get(0) : b.get(name);
                ((ObjectNode) holder).put(member, "a\u0000b");
                cases.add(new Case(name + "." + member + " with NUL", write(b)));
                ObjectNode c = base.deepCopy();
                JsonNode holder2 = c.get(name).isArray() ? c.get(name).get(0) : c.get(name);
                ((ObjectNode) holder2).set(member, NODES.arrayNode().add(1));
                cases.add(new Case(name + "." + member + " an array", write(c)));
            }
        }
    }

    private static List<JsonNode> wrongTypes(String type) {
        return switch (type) {
            case "string" -> List.of(NODES.numberNode(12), NODES.objectNode(), NODES.arrayNode().add("x"), NODES.booleanNode(true));
            case "integer", "number" -> List.of(NODES.textNode("abc"), NODES.objectNode(), NODES.arrayNode());
            case "boolean" -> List.of(NODES.textNode("maybe"), NODES.numberNode(2));
            case "array" -> List.of(NODES.textNode("x"), NODES.objectNode(), NODES.numberNode(1));
            case "object" -> List.of(NODES.textNode("x"), NODES.arrayNode(), NODES.numberNode(1));
            default -> List.of(NODES.objectNode());
        };
    }

    private static JsonNode nested(int depth) {
        JsonNode n = NODES.arrayNode();
        for (int i = 0; i < depth; i++) {
            n = i % 2 == 0 ? NODES.objectNode().set("a", n) : NODES.arrayNode().add(n);
        }
        return n;
    }

    private String with(ObjectNode base, String name, JsonNode value) throws Exception {
        ObjectNode b = base.deepCopy();
        b.set(name, value);
        return write(b);
    }

    private String write(JsonNode body) throws Exception {
        return json.writeValueAsString(body).replace(SURROGATE, "\\ud800");
    }

    private JsonNode resolveSchema(JsonNode s) {
        for (int i = 0; i < 10 && s.has("$ref"); i++) {
            String ref = s.get("$ref").asText();
            JsonNode target = document.at(ref.substring(1));
            if (s.size() > 1 && target.isObject()) {
                ObjectNode merged = ((ObjectNode) target).deepCopy();
                s.fields().forEachRemaining(e -> {
                    if (!"$ref".equals(e.getKey())) {
                        merged.set(e.getKey(), e.getValue());
                    }
                });
                s = merged;
            } else {
                s = target;
            }
        }
        if (s.has("allOf")) {
            ObjectNode merged = NODES.objectNode();
            for (JsonNode part : s.get("allOf")) {
                merged.setAll((ObjectNode) resolveSchema(part).deepCopy());
            }
            return merged;
        }
        return s;
    }

    private static String type(JsonNode s) {
        JsonNode t = s.path("type");
        if (t.isArray()) {
            for (JsonNode x : t) {
                if (!"null".equals(x.asText())) {
                    return x.asText();
                }
            }
        }
        if (t.isTextual()) {
            return t.asText();
        }
        return s.has("properties") ? "object" : s.has("items") ? "array" : "";
    }

    /** A body that fits the schema as far as the schema tells. */
    private JsonNode sample(JsonNode s, int depth, String name) {
        s = resolveSchema(s);
        String type = type(s);
        switch (type) {
            case "object" -> {
                ObjectNode o = NODES.objectNode();
                if (depth < 4 && s.has("properties")) {
                    s.get("properties").fields().forEachRemaining(e -> o.set(e.getKey(), sample(e.getValue(), depth + 1, e.getKey())));
                }
                return o;
            }
            case "array" -> {
                ArrayNode a = NODES.arrayNode();
                if (depth < 4) {
                    a.add(sample(s.path("items"), depth + 1, name));
                }
                return a;
            }
            case "integer" -> {
                return NODES.numberNode(Math.max(1, s.path("minimum").asInt(1)));
            }
            case "number" -> {
                return NODES.numberNode(1.5);
            }
            case "boolean" -> {
                return NODES.booleanNode(false);
            }
            default -> {
                if (s.has("enum")) {
                    return s.get("enum").get(0);
                }
                String format = s.path("format").asText();
                if ("date-time".equals(format)) {
                    return NODES.textNode(Instant.now().minus(10, ChronoUnit.MINUTES).toString());
                }
                if ("date".equals(format)) {
                    return NODES.textNode(LocalDate.now().plusDays(30).toString());
                }
                if (name != null && ids.containsKey(name)) {
                    return NODES.textNode(ids.get(name));
                }
                if (name != null && name.endsWith("Id")) {
                    return NODES.textNode(UUID.nameUUIDFromBytes(name.getBytes()).toString());
                }
                if (s.path("examples").isArray() && !s.get("examples").isEmpty() && s.get("examples").get(0).isTextual()) {
                    return s.get("examples").get(0);
                }
                return NODES.textNode("模糊测试");
            }
        }
    }

    // ---- reads ------------------------------------------------------------------------------------------

    private void read(String path, JsonNode op) {
        List<Case> cases = new ArrayList<>();
        cases.add(new Case("?zzUnknown=1", null, Map.of("zzUnknown", "1")));
        cases.add(new Case("?fields=zz", null, Map.of("fields", "zz")));
        cases.add(new Case("?fields=id", null, Map.of("fields", "id")));
        cases.add(new Case("NUL in an unknown parameter", null, Map.of("q", "\u0000")));
        for (JsonNode p : op.path("parameters")) {
            JsonNode param = p.has("$ref") ? resolveSchema(p) : p;
            if (!"query".equals(param.path("in").asText())) {
                continue;
            }
            String name = param.get("name").asText();
            for (String bad : new String[] {"abc", "\u0000", "-1", "99999999999999999999", "-99999-01-01T00:00:00Z", ""}) {
                cases.add(new Case("?" + name + "=" + bad, null, Map.of(name, bad)));
            }
        }
        for (Case c : cap(cases, CAP_PER_GET)) {
            send("GET", resolve(path, null), c);
        }
        if (path.contains("{")) {
            send("GET", resolve(path, "not-a-uuid"), new Case("malformed id", null));
            send("GET", resolve(path, UUID.randomUUID().toString()), new Case("unknown id", null));
            send("GET", resolve(path, "%00"), new Case("NUL id", null));
        }
    }

    /** The HTTP layer's own limits answer problem+json too. */
    private void httpLimits() {
        send("GET", "/api/v1/tickets", new Case("a 20 KB query", null, Map.of("customerId", "x".repeat(20_000))));
        send("POST", "/api/v1/units", new Case("a 2 MB body", "{\"code\":\"" + "x".repeat(2 << 20) + "\"}"));
    }

    // ---- sending and judging ------------------------------------------------------------------------------

    private record Case(String what, String body, Map<String, String> query) {
        Case(String what, String body) {
            this(what, body, Map.of());
        }
    }

    private List<Case> cap(List<Case> cases, int cap) {
        if (cases.size() <= cap) {
            return cases;
        }
        List<Case> head = new ArrayList<>(cases.subList(0, 8));
        List<Case> rest = new ArrayList<>(cases.subList(8, cases.size()));
        Collections.shuffle(rest, random);
        head.addAll(rest.subList(0, cap - head.size()));
        return head;
    }

    private void send(String method, String path, Case c) {
        requests++;
        RequestSpecification r = given().urlEncodingEnabled(!path.contains("%")).header("Accept-Language", "en");
        if (c.body != null) {
            r = r.contentType(ContentType.JSON).body(c.body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } else if (!"GET".equals(method)) {
            r = r.contentType(ContentType.JSON);
        }
        for (Map.Entry<String, String> q : c.query.entrySet()) {
            r = r.queryParam(q.getKey(), q.getValue());
        }
        Response res;
        try {
            res = r.request(method, path);
        } catch (Exception e) {
            // Over the body limit the server answers 413 and closes the connection while the client still writes
            if (c.body == null || c.body.length() <= MAX_BODY) {
                failures.add(method + " " + path + " [" + c.what + "]: no answer: " + e);
            }
            return;
        }
        int status = res.statusCode();
        String contentType = res.contentType() == null ? "" : res.contentType();
        String body = res.asString();
        String failure = null;
        if (status >= 500) {
            failure = "status " + status;
        } else if (status == 414 || status == 431) {
            // the HTTP codec refuses an over-long request line or headers before any route runs (docs/errors.md)
            return;
        } else if (status >= 400 && (!contentType.startsWith("application/problem+json") || body.isBlank())) {
            failure = "status " + status + " not problem+json (" + contentType + ")";
        }
        if (failure != null) {
            String sent = c.body == null ? "" : c.body.length() > 200 ? c.body.substring(0, 200) + "…" : c.body;
            failures.add(method + " " + path + " " + c.query + " [" + c.what + "] " + sent + " → " + failure + ": "
                    + (body.length() > 300 ? body.substring(0, 300) : body));
        }
    }
}
