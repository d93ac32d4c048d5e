package cn.onepoint.common.input;

import cn.onepoint.common.FieldErrors;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.Priority;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;

/**
 * The checks every JSON request body goes through, whatever the endpoint, with every bad field named at once by
 * its JSON path ({@code reporter.name}, {@code findings[2].text}, {@code roles[0]}):
 * <ul>
 *   <li>no control character (other than tab, line feed, carriage return) and no unpaired surrogate in any string or
 *   member name ({@link Text});</li>
 *   <li>no {@code null} inside an array: a list holds values, a missing one is a mistake, never "all";</li>
 *   <li>every instant of the bound body inside the accepted range ({@link InstantWindow}).</li>
 * </ul>
 * The first two look at the JSON as sent, the last at the body as bound (an instant may be written as a string or
 * as a number). A body that is not JSON is left to the reader, which reports it.
 */
@Provider
@Priority(Priorities.USER - 100) // outside every other body interceptor: they reuse its parse (TREE)
public class BodyChecks implements ReaderInterceptor {

    /**
     * The interceptor-context property holding the body as parsed here (a {@link JsonNode}), so that an inner
     * interceptor which needs the tree does not parse the body again; absent when the body is not JSON.
     */
    public static final String TREE = "onepoint.body.tree";

    /** Deeper than any body of the API; the walk stops there (the parser's own nesting limit still applies). */
    private static final int MAX_DEPTH = 200;

    private final ObjectMapper json;
    private final InstantWindow window;
    private final Validator validator;

    public BodyChecks(ObjectMapper json, InstantWindow window, Validator validator) {
        this.json = json;
        this.window = window;
        this.validator = validator;
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        MediaType type = context.getMediaType();
        if (type == null || !(type.isCompatible(MediaType.APPLICATION_JSON_TYPE) || type.getSubtype().endsWith("+json"))) {
            return context.proceed();
        }
        byte[] bytes = context.getInputStream().readAllBytes();
        context.setInputStream(new ByteArrayInputStream(bytes));
        FieldErrors errors = new FieldErrors();
        JsonNode tree = null;
        try {
            tree = bytes.length == 0 ? null : json.readTree(bytes);
        } catch (JsonProcessingException e) {
            // not JSON: the reader says so
        }
        if (tree != null) {
            text(tree, "", errors, 0);
            context.setProperty(TREE, tree);
        }
        Object body;
        try {
            body = context.proceed();
        } catch (IOException | RuntimeException e) {
            errors.throwIfAny();
            throw e;
        }
        instants(body, "", errors, 0);
        if (!errors.isEmpty() && body != null) {
            // refused here, before the endpoint's own validation runs: name its findings too, all at once
            for (ConstraintViolation<Object> v : validator.validate(body)) {
                errors.addText(v.getPropertyPath().toString(), v.getMessage());
            }
        }
        errors.throwIfAny();
        return body;
    }

    private static void text(JsonNode node, String path, FieldErrors errors, int depth) {
        if (depth > MAX_DEPTH) {
            return;
        }
        if (node.isTextual()) {
            Text.check(errors, path.isEmpty() ? "body" : path, node.textValue());
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                JsonNode element = node.get(i);
                String at = path + "[" + i + "]";
                if (element.isNull()) {
                    errors.add(at, "field.nullElement");
                } else {
                    text(element, at, errors, depth + 1);
                }
            }
        } else if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                String at = (path.isEmpty() ? "" : path + ".") + Text.printable(f.getKey());
                if (Text.check(errors, at, f.getKey())) {
                    text(f.getValue(), at, errors, depth + 1);
                }
            }
        }
    }

    /** Walks the bound body (records of the API, lists, maps) for instants. */
    private void instants(Object value, String path, FieldErrors errors, int depth) {
        if (value == null || depth > MAX_DEPTH) {
            return;
        }
        if (value instanceof Instant i) {
            window.check(errors, path.isEmpty() ? "body" : path, i);
        } else if (value instanceof Record r && r.getClass().getName().startsWith("cn.onepoint.")) {
            for (RecordComponent c : r.getClass().getRecordComponents()) {
                instants(component(r, c), (path.isEmpty() ? "" : path + ".") + c.getName(), errors, depth + 1);
            }
        } else if (value instanceof Collection<?> c) {
            int i = 0;
            for (Object element : c) {
                instants(element, path + "[" + i++ + "]", errors, depth + 1);
            }
        } else if (value instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                instants(e.getValue(), (path.isEmpty() ? "" : path + ".") + e.getKey(), errors, depth + 1);
            }
        } else if (value.getClass().isArray() && !value.getClass().getComponentType().isPrimitive()) {
            for (int i = 0; i < Array.getLength(value); i++) {
                instants(Array.get(value, i), path + "[" + i + "]", errors, depth + 1);
            }
        }
    }

    private static Object component(Record r, RecordComponent c) {
        try {
            var accessor = c.getAccessor();
            accessor.setAccessible(true);
            return accessor.invoke(r);
        } catch (IllegalAccessException | InvocationTargetException | RuntimeException e) {
            return null;
        }
    }
}
