package cn.onepoint.common;

import java.util.List;

/**
 * A refusal the API reports as problem+json. {@code messageKey} names a text in
 * {@code i18n/messages*.properties}, so the detail follows the caller's language.
 */
public class DomainException extends RuntimeException {

    private final int status;
    private final String code;
    private final String messageKey;
    private final transient Object[] args;
    private final String state;
    private final List<String> allowedActions;
    private List<Problem.FieldError> errors;
    private String kind;

    protected DomainException(int status, String code, String messageKey, String state,
                              List<String> allowedActions, Object... args) {
        super(code + ": " + messageKey);
        this.status = status;
        this.code = code;
        this.messageKey = messageKey;
        this.args = args;
        this.state = state;
        this.allowedActions = allowedActions;
    }

    /** 404: no resource with that id; {@code resource} is the English name, e.g. "work order". */
    public static DomainException notFound(String resource, Object id) {
        return new DomainException(404, "NOT_FOUND", "notFound", null, null, resourceName(resource), id);
    }

    /** The resource's name in the caller's language: key {@code resource.work-order} of the message files. */
    static Messages.Term resourceName(String resource) {
        return new Messages.Term("resource." + resource.replace(' ', '-'));
    }

    /** 422: a rule of the manual refuses the request; {@code rule} is its id in docs/rules.md (e.g. T7). */
    public static DomainException rule(String rule, String messageKey, Object... args) {
        return new DomainException(422, rule, messageKey, null, null, args);
    }

    /**
     * 403: the caller may not do this (who-may rules such as T10, T8, T11, P8); {@code rule} is the rule id, or
     * {@code AUTH-ACTOR} when a body names another actor than the token's (docs/security.md).
     */
    public static DomainException forbidden(String rule, String messageKey, Object... args) {
        return new DomainException(403, rule, messageKey, null, null, args);
    }

    /** 401: no valid token; the HTTP layer answers most of these, this is for the rest. */
    public static DomainException unauthenticated() {
        return new DomainException(401, "UNAUTHENTICATED", "auth.unauthenticated", null, null);
    }

    /** 409: the action is not allowed in the resource's current state. */
    public static DomainException stateConflict(String state, List<String> allowedActions, String action) {
        return new DomainException(409, "STATE_CONFLICT", "stateConflict", state, allowedActions,
                action, state, String.join(", ", allowedActions));
    }

    /** 409: something else is in the way (a duplicate key, a concurrent change). */
    public static DomainException conflict(String code, String messageKey, Object... args) {
        return new DomainException(409, code, messageKey, null, null, args);
    }

    /** 412: the If-Match version is not the current one. */
    public static DomainException preconditionFailed(long current, String given) {
        return new DomainException(412, "PRECONDITION_FAILED", "preconditionFailed", null, null, given, current);
    }

    /**
     * A refusal about the {@code Idempotency-Key} itself, not the resource (409 still in use, 422 reused for
     * another request): its own problem type, so that it is not mistaken for a state conflict or a rule.
     */
    public static DomainException idempotencyKey(int status, String code, String messageKey, Object... args) {
        DomainException e = new DomainException(status, code, messageKey, null, null, args);
        e.kind = "idempotency-key";
        return e;
    }

    /** 400: a request that is well-formed JSON but refers to things that do not fit. */
    public static DomainException badRequest(String code, String messageKey, Object... args) {
        return new DomainException(400, code, messageKey, null, null, args);
    }

    /** 400: fields that are well-formed but refer to nothing, or do not fit together; all named at once. */
    public static DomainException invalidFields(List<Problem.FieldError> errors) {
        DomainException e = new DomainException(400, "VALIDATION", "validation", null, null, errors.size());
        e.errors = List.copyOf(errors);
        return e;
    }

    public List<Problem.FieldError> errors() { return errors; }
    /** The problem type when the status alone does not tell it; null otherwise. */
    public String kind() { return kind; }
    public int status() { return status; }
    public String code() { return code; }
    public String messageKey() { return messageKey; }
    public Object[] args() { return args; }
    public String state() { return state; }
    public List<String> allowedActions() { return allowedActions; }
}
