package cn.onepoint.common;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import cn.onepoint.common.input.QueryChecks;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Turns every failure into application/problem+json (RFC 9457), in the caller's language. */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);
    static final String TYPE_BASE = "https://onepoint.cn/problems/";

    private final Clock clock;
    private final DatabaseConfig database;
    private final QueryChecks queryChecks;

    public ProblemMapper(Clock clock, DatabaseConfig database, QueryChecks queryChecks) {
        this.clock = clock;
        this.database = database;
        this.queryChecks = queryChecks;
    }

    @ServerExceptionMapper
    public Response domain(DomainException e, HttpHeaders headers) {
        return problem(e, Messages.locale(headers));
    }

    /** The problem+json response of a refusal, for code outside exception mapping (a response filter). */
    public static Response problem(DomainException e, Locale locale) {
        String type = e.kind() != null ? e.kind() : switch (e.status()) {
            case 422 -> "rule-violation";
            case 401 -> "unauthenticated";
            case 403 -> "forbidden";
            case 409 -> "state-conflict";
            case 412 -> "precondition-failed";
            case 404 -> "not-found";
            default -> e.errors() != null ? "validation" : "bad-request";
        };
        String title = e.kind() != null ? Messages.text(locale, "title." + e.kind()) : title(locale, e.status());
        return respond(new Problem(TYPE_BASE + type, title, e.status(),
                Messages.text(locale, e.messageKey(), e.args()), e.code(), e.state(), e.allowedActions(),
                e.errors() == null ? null : e.errors().stream()
                        .map(f -> new Problem.FieldError(f.field(), FieldErrors.render(locale, f.message()))).toList()));
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, HttpHeaders headers) {
        Locale locale = Messages.locale(headers);
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::message))
                .toList();
        return respond(new Problem(TYPE_BASE + "validation", title(locale, 400), 400,
                Messages.text(locale, "validation", errors.size()), "VALIDATION", null, null, errors));
    }

    @ServerExceptionMapper({JsonMappingException.class, MismatchedInputException.class, InvalidFormatException.class,
            ValueInstantiationException.class, UnrecognizedPropertyException.class})
    public Response unreadable(JsonMappingException e, HttpHeaders headers) {
        return unreadable(e, Messages.locale(headers));
    }

    private Response unreadable(JsonMappingException e, Locale locale) {
        String field = e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        String message;
        if (e instanceof InvalidFormatException ife && ife.getTargetType() != null && ife.getTargetType().isEnum()) {
            String allowed = Arrays.stream(ife.getTargetType().getEnumConstants())
                    .map(Object::toString).collect(Collectors.joining(", "));
            message = Messages.text(locale, "unknownEnum", ife.getValue(), allowed);
        } else if (e instanceof UnrecognizedPropertyException) {
            message = Messages.text(locale, "unknownField");
        } else {
            message = Messages.text(locale, "badValue");
        }
        if (field.isEmpty()) {
            return malformed(e, locale);
        }
        List<Problem.FieldError> errors = List.of(new Problem.FieldError(field, message));
        return respond(new Problem(TYPE_BASE + "validation", title(locale, 400), 400,
                Messages.text(locale, "validation", 1), "VALIDATION", null, null, errors));
    }

    @ServerExceptionMapper
    public Response malformed(JsonParseException e, HttpHeaders headers) {
        return malformed(e, Messages.locale(headers));
    }

    private Response malformed(Exception e, Locale locale) {
        String reason = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
        return respond(new Problem(TYPE_BASE + "malformed-json", title(locale, 400), 400,
                Messages.text(locale, "malformedJson", reason), "MALFORMED_JSON", null, null, null));
    }

    @ServerExceptionMapper({OptimisticLockException.class, StaleStateException.class})
    public Response concurrentChange(Exception e, HttpHeaders headers) {
        Locale locale = Messages.locale(headers);
        return respond(new Problem(TYPE_BASE + "version-conflict", title(locale, 409), 409,
                Messages.text(locale, "versionConflict"), "VERSION_CONFLICT", null, null, null));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, HttpHeaders headers, UriInfo uri, Request request,
                        ResourceInfo resource) {
        Locale locale = Messages.locale(headers);
        int status = e.getResponse().getStatus();
        if (e instanceof NotFoundException && e.getCause() != null && !(e.getCause() instanceof WebApplicationException)
                && resource != null && resource.getResourceMethod() != null) {
            // a parameter the framework could not convert: a query parameter is bad input (named), a path one not found
            FieldErrors bad = queryChecks.errors(resource.getResourceMethod(), request.getMethod(),
                    uri.getQueryParameters(true));
            if (!bad.isEmpty()) {
                return problem(bad.exception(), locale);
            }
        }
        for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
            if (c instanceof JsonMappingException jme) {
                return unreadable(jme, locale);
            }
            if (c instanceof JsonParseException jpe) {
                return malformed(jpe, locale);
            }
        }
        String detail = httpDetail(locale, status, headers, uri, request);
        String code = Response.Status.fromStatusCode(status) == null
                ? "HTTP_" + status : Response.Status.fromStatusCode(status).name();
        return respond(new Problem(TYPE_BASE + "http-" + status, title(locale, status), status, detail, code,
                null, null, null));
    }

    /** The framework's own texts are English; these name what the caller sent, in the caller's language. */
    private static String httpDetail(Locale locale, int status, HttpHeaders headers, UriInfo uri, Request request) {
        // the full path, /api/v1 included, as the caller wrote it
        String path = uri.getRequestUri().getRawPath();
        return switch (status) {
            case 404 -> Messages.text(locale, "pathNotFound", path);
            case 405 -> Messages.text(locale, "http.405", request.getMethod(), path);
            case 406 -> Messages.text(locale, "http.406", String.valueOf(headers.getHeaderString(HttpHeaders.ACCEPT)));
            case 413 -> Messages.text(locale, "http.413");
            case 415 -> Messages.text(locale, "http.415", String.valueOf(headers.getHeaderString(HttpHeaders.CONTENT_TYPE)));
            default -> title(locale, status);
        };
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e, HttpHeaders headers) {
        if (DatabaseUnavailable.explains(e)) {
            return databaseUnavailable(e, Messages.locale(headers));
        }
        Optional<DomainException> conflict = DatabaseConflicts.explain(e);
        if (conflict.isPresent()) {
            LOG.debugf("Database conflict answered %d: %s", conflict.get().status(), e);
            return domain(conflict.get(), headers);
        }
        Instant at = clock.instant();
        LOG.errorf(e, "Unhandled failure at %s", at);
        Locale locale = Messages.locale(headers);
        return respond(new Problem(TYPE_BASE + "internal", title(locale, 500), 500,
                Messages.text(locale, "internal", at.toString()), "INTERNAL", null, null, null));
    }

    /** PostgreSQL cannot be reached: the client retries after a while (docs/reliability.md). */
    private Response databaseUnavailable(Throwable e, Locale locale) {
        LOG.warnf("Database unavailable, answering 503: %s", e.toString());
        long seconds = Math.max(1, database.retryAfter().toSeconds());
        Problem p = new Problem(TYPE_BASE + "database-unavailable", title(locale, 503), 503,
                Messages.text(locale, "databaseUnavailable", seconds), "DATABASE_UNAVAILABLE", null, null, null);
        return Response.status(503).type(Problem.MEDIA_TYPE).entity(p).header(HttpHeaders.RETRY_AFTER, seconds).build();
    }

    /**
     * "create.body.reporter.name" → "reporter.name"; "list.limit" → "limit". Request bodies are parameters
     * named {@code body}, paging bean parameters {@code page}: neither is part of the field's name.
     */
    static String fieldOf(ConstraintViolation<?> v) {
        String path = v.getPropertyPath().toString();
        int dot = path.indexOf('.');
        String rest = dot < 0 ? path : path.substring(dot + 1);
        for (String wrapper : new String[] {"body.", "page."}) {
            if (rest.startsWith(wrapper)) {
                return rest.substring(wrapper.length());
            }
        }
        return rest;
    }

    private static String title(Locale locale, int status) {
        String t = Messages.text(locale, "title." + status);
        return t.startsWith("title.") ? "HTTP " + status : t;
    }

    private static Response respond(Problem p) {
        return Response.status(p.status()).type(Problem.MEDIA_TYPE).entity(p).build();
    }
}
