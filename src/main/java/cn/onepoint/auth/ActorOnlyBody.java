package cn.onepoint.auth;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.io.ByteArrayInputStream;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The token is the actor, so a command whose body would only name who acts ({"personId"} and optional fields) needs
 * no body: a request without one gets {@code {}}, which {@link ActingPersonReader} then fills with the caller (or
 * refuses, for a service account). A body that is sent is left as it is.
 */
public class ActorOnlyBody {

    private static final byte[] EMPTY_OBJECT = "{}".getBytes();
    private final Map<Method, Boolean> namesActor = new ConcurrentHashMap<>();

    /**
     * Before matching: a bodiless command has nothing to be refused as 415 for, whatever type its client labelled
     * the nothing with (some label it a form); it is JSON.
     */
    @ServerRequestFilter(preMatching = true)
    public void typeless(ContainerRequestContext request) {
        if (bodiless(request) && !"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
            request.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
        }
    }

    @ServerRequestFilter
    public void supply(ContainerRequestContext request, ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        if (method == null || !bodiless(request) || !namesActor.computeIfAbsent(method, ActorOnlyBody::takesActingBody)) {
            return;
        }
        request.setEntityStream(new ByteArrayInputStream(EMPTY_OBJECT));
        request.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
        request.getHeaders().putSingle(HttpHeaders.CONTENT_LENGTH, String.valueOf(EMPTY_OBJECT.length));
    }

    /** No body: no length or length 0, and not chunked (a stream's length is unknown until read). */
    private static boolean bodiless(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        return request.getHeaderString("Transfer-Encoding") == null && (length == null || "0".equals(length.trim()));
    }

    private static boolean takesActingBody(Method method) {
        return Arrays.stream(method.getParameterTypes()).anyMatch(t -> !ActingPersonReader.fieldsOf(t).isEmpty());
    }
}
