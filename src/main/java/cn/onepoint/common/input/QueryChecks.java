package cn.onepoint.common.input;

import cn.onepoint.common.FieldErrors;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MultivaluedMap;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The query string of every request, checked against what the matched operation declares, before anything runs:
 * <ul>
 *   <li>a parameter the operation does not take is refused (a misspelt filter would otherwise silently return
 *   everything); {@code fields} (attribute selection, {@link FieldSelection}) is taken by every GET;</li>
 *   <li>a value that does not convert to the declared type (a number, true/false, an enum value, an id, an
 *   ISO-8601 instant or date) is refused with the parameter named, instead of the framework's 404;</li>
 *   <li>no value or name may hold a control character ({@link Text}), and a typed instant must lie in the accepted
 *   range ({@link InstantWindow}).</li>
 * </ul>
 * Every bad parameter is named at once (code VALIDATION).
 */
public class QueryChecks {

    /** Taken by every GET (API.md: attribute selection). */
    public static final String FIELDS = "fields";

    private final InstantWindow window;
    private final Map<Method, Map<String, Type>> declared = new ConcurrentHashMap<>();

    public QueryChecks(InstantWindow window) {
        this.window = window;
    }

    // Before the Idempotency-Key claim: a refused request must not hold a key.
    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    public void check(ContainerRequestContext request, ResourceInfo resource) {
        Method method = resource == null ? null : resource.getResourceMethod();
        if (method == null) {
            return;
        }
        FieldErrors errors = errors(method, request.getMethod(), request.getUriInfo().getQueryParameters(true));
        errors.throwIfAny();
    }

    /** Every bad parameter of {@code query} for {@code method}; also used to name the one a converter refused. */
    public FieldErrors errors(Method method, String httpMethod, MultivaluedMap<String, String> query) {
        FieldErrors errors = new FieldErrors();
        Map<String, Type> params = declared.computeIfAbsent(method, QueryChecks::declaredBy);
        for (Map.Entry<String, List<String>> e : new TreeMap<>(query).entrySet()) {
            String name = e.getKey();
            if (!Text.check(errors, Text.printable(name), name)) {
                continue;
            }
            boolean fields = FIELDS.equals(name) && HttpMethod.GET.equals(httpMethod);
            if (!params.containsKey(name) && !fields) {
                errors.add(name, "field.unknownParameter", params.isEmpty() ? "—"
                        : String.join(", ", params.keySet()) + (HttpMethod.GET.equals(httpMethod) ? ", " + FIELDS : ""));
                continue;
            }
            for (String value : e.getValue()) {
                if (value != null && Text.check(errors, name, value) && !fields) {
                    convert(errors, name, params.get(name), value);
                }
            }
        }
        return errors;
    }

    private void convert(FieldErrors errors, String name, Type type, String value) {
        Class<?> raw = raw(type);
        if (raw == null || raw == String.class) {
            return;
        }
        if (Collection.class.isAssignableFrom(raw) || raw == java.util.Optional.class) {
            if (type instanceof ParameterizedType p && p.getActualTypeArguments().length == 1) {
                convert(errors, name, p.getActualTypeArguments()[0], value);
            }
            return;
        }
        String v = value.trim();
        try {
            if (raw == int.class || raw == Integer.class) {
                Integer.parseInt(v);
            } else if (raw == long.class || raw == Long.class) {
                Long.parseLong(v);
            } else if (raw == short.class || raw == Short.class) {
                Short.parseShort(v);
            } else if (raw == boolean.class || raw == Boolean.class) {
                if (!"true".equalsIgnoreCase(v) && !"false".equalsIgnoreCase(v)) {
                    errors.add(name, "field.boolean", value);
                }
            } else if (raw.isEnum()) {
                if (Arrays.stream(raw.getEnumConstants()).map(c -> ((Enum<?>) c).name()).noneMatch(value::equals)) {
                    errors.add(name, "unknownEnum", value, Arrays.stream(raw.getEnumConstants())
                            .map(c -> ((Enum<?>) c).name()).collect(Collectors.joining(", ")));
                }
            } else if (raw == UUID.class) {
                UUID.fromString(v);
            } else if (raw == Instant.class) {
                try {
                    window.check(errors, name, Instant.parse(value));
                } catch (DateTimeParseException ex) {
                    errors.add(name, "field.badInstant", value);
                }
            } else if (raw == LocalDate.class) {
                try {
                    LocalDate.parse(value);
                } catch (DateTimeParseException ex) {
                    errors.add(name, "field.date", value);
                }
            }
        } catch (NumberFormatException ex) {
            errors.add(name, "field.integer", value);
        } catch (IllegalArgumentException ex) {
            errors.add(name, "field.unknownReference", value);
        }
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c) {
            return c;
        }
        return null;
    }

    /** The query parameters a resource method takes: its own, its bean parameters', its class's. */
    private static Map<String, Type> declaredBy(Method method) {
        Map<String, Type> out = new TreeMap<>();
        for (Parameter p : method.getParameters()) {
            QueryParam q = p.getAnnotation(QueryParam.class);
            if (q != null) {
                out.put(q.value(), p.getParameterizedType());
            } else if (p.isAnnotationPresent(BeanParam.class)) {
                fields(p.getType(), out);
            }
        }
        fields(method.getDeclaringClass(), out);
        return Map.copyOf(out);
    }

    private static void fields(Class<?> type, Map<String, Type> out) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers())) {
                    continue;
                }
                QueryParam q = f.getAnnotation(QueryParam.class);
                if (q != null) {
                    out.put(q.value(), f.getGenericType());
                } else if (f.isAnnotationPresent(BeanParam.class)) {
                    fields(f.getType(), out);
                }
            }
        }
    }
}
