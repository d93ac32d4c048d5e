package cn.onepoint.common.input;

import cn.onepoint.common.FieldErrors;
import cn.onepoint.common.Messages;
import cn.onepoint.common.ProblemMapper;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code fields=a,b} on every GET (API.md, TMF630 attribute selection): the answer keeps only the attributes
 * listed, and {@code id} always; on a list, in every element. Top-level attributes only. An attribute the resource
 * does not have is a 400 naming {@code fields}, with the attributes it has. Absent or blank: the whole resource.
 */
public class FieldSelection {

    private final ObjectMapper json;

    public FieldSelection(ObjectMapper json) {
        this.json = json;
    }

    @ServerResponseFilter
    public void select(ContainerRequestContext request, ContainerResponseContext response, ResourceInfo resource) {
        if (!HttpMethod.GET.equals(request.getMethod()) || response.getStatus() / 100 != 2 || !response.hasEntity()) {
            return;
        }
        List<String> raw = request.getUriInfo().getQueryParameters().get(QueryChecks.FIELDS);
        if (raw == null) {
            return;
        }
        Set<String> wanted = new LinkedHashSet<>(cn.onepoint.common.Ids.values(raw));
        if (wanted.isEmpty()) {
            return;
        }
        JsonNode tree = json.valueToTree(response.getEntity());
        Set<String> known = new TreeSet<>();
        if (tree instanceof ObjectNode o) {
            known.addAll(properties(response.getEntity().getClass()));
            o.fieldNames().forEachRemaining(known::add);
        } else if (tree instanceof ArrayNode a) {
            Object entity = response.getEntity();
            Class<?> element = entity instanceof Collection<?> c && !c.isEmpty() && c.iterator().next() != null
                    ? c.iterator().next().getClass() : declaredElement(resource);
            if (element != null) {
                known.addAll(properties(element));
            }
            a.forEach(e -> e.fieldNames().forEachRemaining(known::add));
            if (element == null && a.isEmpty()) {
                return; // nothing to select from, nothing to check against
            }
        } else {
            return;
        }
        List<String> unknown = wanted.stream().filter(f -> !known.contains(f)).toList();
        if (!unknown.isEmpty()) {
            FieldErrors errors = new FieldErrors();
            errors.add(QueryChecks.FIELDS, "field.unknownAttribute", String.join(", ", unknown), String.join(", ", known));
            Response problem = ProblemMapper.problem(errors.exception(), Messages.locale(request.getHeaderString("Accept-Language")));
            response.setStatus(problem.getStatus());
            response.getHeaders().remove("ETag");
            response.getHeaders().remove("X-Total-Count");
            response.getHeaders().remove("X-Result-Count");
            response.setEntity(problem.getEntity(), new Annotation[0], MediaType.valueOf(problem.getMediaType().toString()));
            return;
        }
        wanted.add("id");
        if (tree instanceof ObjectNode o) {
            o.retain(wanted);
        } else {
            tree.forEach(e -> {
                if (e instanceof ObjectNode o) {
                    o.retain(wanted);
                }
            });
        }
        response.setEntity(tree, new Annotation[0], MediaType.APPLICATION_JSON_TYPE);
    }

    private Set<String> properties(Class<?> type) {
        Set<String> out = new TreeSet<>();
        for (BeanPropertyDefinition p : json.getSerializationConfig().introspect(json.constructType(type)).findProperties()) {
            if (p.couldSerialize()) {
                out.add(p.getName());
            }
        }
        return out;
    }

    /** The element type a list operation documents (its 200 schema), or its return type says. */
    private static Class<?> declaredElement(ResourceInfo resource) {
        Method m = resource == null ? null : resource.getResourceMethod();
        if (m == null) {
            return null;
        }
        for (APIResponse r : m.getAnnotationsByType(APIResponse.class)) {
            if (r.responseCode().startsWith("2")) {
                for (Content c : r.content()) {
                    if (c.schema().implementation() != Void.class) {
                        return c.schema().implementation();
                    }
                }
            }
        }
        Type t = m.getGenericReturnType();
        while (t instanceof ParameterizedType p && p.getActualTypeArguments().length == 1) {
            t = p.getActualTypeArguments()[0];
        }
        return t instanceof Class<?> c && c != jakarta.ws.rs.core.Response.class && c != Object.class ? c : null;
    }
}
