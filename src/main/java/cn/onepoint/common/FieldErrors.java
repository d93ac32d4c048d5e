package cn.onepoint.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Collects every bad field of a request so the caller hears of all of them at once. */
public final class FieldErrors {

    private final List<Problem.FieldError> errors = new ArrayList<>();

    /** The message is rendered later, in the caller's language. */
    public FieldErrors add(String field, String messageKey, Object... args) {
        errors.add(new Problem.FieldError(field, "{" + messageKey + "}" + join(args)));
        return this;
    }

    /** Parses an optional id field; a malformed one is recorded as a bad field and gives null. */
    public UUID uuid(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(raw);
        } catch (IllegalArgumentException e) {
            add(field, "field.unknownReference", raw);
            return null;
        }
    }

    /** A refusal naming one bad field. */
    public static DomainException single(String field, String messageKey, Object... args) {
        return DomainException.invalidFields(new FieldErrors().add(field, messageKey, args).errors);
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw DomainException.invalidFields(errors);
        }
    }

    private static String join(Object... args) {
        StringBuilder sb = new StringBuilder();
        for (Object a : args) {
            sb.append('\u001f').append(a);
        }
        return sb.toString();
    }

    /** Renders a deferred "{key}\u001farg…" message in the caller's language. */
    static String render(Locale locale, String message) {
        if (message == null || !message.startsWith("{")) {
            return message;
        }
        int close = message.indexOf('}');
        String key = message.substring(1, close);
        String rest = message.substring(close + 1);
        Object[] args = rest.isEmpty() ? new Object[0] : rest.substring(1).split("\u001f", -1);
        return Messages.text(locale, key, args);
    }
}
