package cn.onepoint.common;

import cn.onepoint.common.input.InstantWindow;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.UUID;

/** Collects every bad field of a request so the caller hears of all of them at once. */
public final class FieldErrors {

    private final List<Problem.FieldError> errors = new ArrayList<>();

    /** The message is rendered later, in the caller's language. */
    public FieldErrors add(String field, String messageKey, Object... args) {
        errors.add(new Problem.FieldError(field, "{" + messageKey + "}" + join(args)));
        return this;
    }

    /** A message already in the caller's language (a Bean Validation finding). */
    public FieldErrors addText(String field, String message) {
        errors.add(new Problem.FieldError(field, message));
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

    /**
     * Loads an optional reference by id in the caller's session; one that is given but missing is recorded on the
     * field with {@code messageKey} (e.g. field.unknownPerson). Null item when absent or missing.
     */
    public <E> Uni<E> find(String field, Class<E> type, UUID id, String messageKey) {
        if (id == null) {
            return Uni.createFrom().nullItem();
        }
        return Panache.getSession().chain(s -> s.find(type, id)).invoke(e -> {
            if (e == null) {
                add(field, messageKey, id);
            }
        });
    }

    /** Parses an optional ISO-8601 instant (a list filter); a malformed one is recorded as a bad field and gives null. */
    public Instant instant(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return within(field, Instant.parse(raw));
        } catch (DateTimeParseException e) {
            add(field, "field.badInstant", raw);
            return null;
        }
    }

    /**
     * Records {@code field} as bad when the instant lies outside the range the API accepts
     * ({@link InstantWindow}, onepoint.input.*); gives the instant either way.
     */
    public Instant within(String field, Instant value) {
        InstantWindow window = InstantWindow.current();
        if (window != null) {
            window.check(this, field, value);
        }
        return value;
    }

    /**
     * Parses a TMF630 {@code sort} ("attr" ascending, "-attr" descending) over the attributes allowed and gives the
     * order clause; absent: {@code otherwise}; an attribute not allowed is recorded as a bad field {@code sort}.
     */
    public String sort(String raw, List<String> attributes, String otherwise) {
        if (raw == null || raw.isBlank()) {
            return otherwise;
        }
        boolean desc = raw.startsWith("-");
        String attr = desc ? raw.substring(1) : raw;
        if (!attributes.contains(attr)) {
            add("sort", "unknownEnum", raw, String.join(", ", attributes) + " (- for descending)");
            return otherwise;
        }
        return attr + (desc ? " desc" : " asc");
    }

    /**
     * Parses a repeatable, comma-separable enum filter (TMF630 "attr=a,b"); every unknown value is recorded as a bad
     * field, with the values allowed. Wire names (inProgress) and Java names (IN_PROGRESS) are both accepted.
     */
    public <E extends Enum<E>> List<E> enums(String field, List<String> raw, Class<E> type) {
        List<E> out = new ArrayList<>();
        for (String s : Ids.values(raw)) {
            E found = null;
            for (E e : type.getEnumConstants()) {
                if (e.name().equals(s) || (e instanceof WireEnum w && w.wire().equals(s))) {
                    found = e;
                }
            }
            if (found == null) {
                add(field, "unknownEnum", s, Arrays.stream(type.getEnumConstants())
                        .map(e -> e instanceof WireEnum w ? w.wire() : e.name()).collect(Collectors.joining(", ")));
            } else {
                out.add(found);
            }
        }
        return out;
    }

    /** A refusal naming one bad field. */
    public static DomainException single(String field, String messageKey, Object... args) {
        return DomainException.invalidFields(new FieldErrors().add(field, messageKey, args).errors);
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    /** The refusal naming every field recorded. */
    public DomainException exception() {
        return DomainException.invalidFields(errors);
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
