package cn.onepoint.auth;

import cn.onepoint.common.DomainException;
import cn.onepoint.common.input.BodyChecks;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The token is the actor (docs/security.md): before a request body is read, its {@link ActingPerson} fields are
 * filled with the caller's person id, or checked against it. AUTH-ACTOR: a body may not name someone else, and a
 * service account may not act as a person.
 */
@Provider
@Priority(Priorities.USER) // inside BodyChecks, whose parse it reuses
public class ActingPersonReader implements ReaderInterceptor {

    private static final ClassValue<List<String>> FIELDS = new ClassValue<>() {
        @Override
        protected List<String> computeValue(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            return components == null ? List.of() : Arrays.stream(components)
                    .filter(c -> c.isAnnotationPresent(ActingPerson.class)).map(RecordComponent::getName).toList();
        }
    };

    private final Actors actors;
    private final ObjectMapper json;

    public ActingPersonReader(Actors actors, ObjectMapper json) {
        this.actors = actors;
        this.json = json;
    }

    /** The fields of a body type that name who acts. */
    public static List<String> fieldsOf(Class<?> type) {
        return FIELDS.get(type);
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException, WebApplicationException {
        List<String> fields = fieldsOf(context.getType());
        Actor actor = fields.isEmpty() ? null : actors.current();
        if (actor == null) {
            return context.proceed();
        }
        // the body as BodyChecks parsed it; not JSON (or not an object): the body reader reports it as for every request
        if (!(context.getProperty(BodyChecks.TREE) instanceof ObjectNode body)) {
            return context.proceed();
        }
        for (String field : fields) {
            JsonNode given = body.get(field);
            boolean absent = given == null || given.isNull() || given.isTextual() && given.asText().isBlank();
            if (!actor.isPerson()) {
                throw DomainException.forbidden("AUTH-ACTOR", "auth.servicePerson", actor.client());
            }
            if (absent) {
                body.put(field, actor.personId().toString());
            } else if (!sameId(given, actor.personId())) {
                throw DomainException.forbidden("AUTH-ACTOR", "auth.actorMismatch", field, actor.personId());
            }
        }
        context.setInputStream(new ByteArrayInputStream(json.writeValueAsBytes(body)));
        return context.proceed();
    }

    private static boolean sameId(JsonNode given, UUID person) {
        try {
            return given.isTextual() && UUID.fromString(given.asText().trim()).equals(person);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
