package cn.onepoint.common;

import io.smallrye.mutiny.Uni;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

/** Resource ids are opaque strings on the wire and UUIDs in the database. */
public final class Ids {

    private Ids() {
    }

    /** Parses an id from a path; an id that cannot exist is simply not found. */
    public static UUID parse(String resource, String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw DomainException.notFound(resource, id);
        }
    }

    /** A human number as {@link Numbers} makes them: prefix, local date, daily sequence (FT202611250001). */
    private static final Pattern NUMBER = Pattern.compile("[A-Za-z]{1,8}[0-9]{12,}");

    /**
     * Looks a resource up by the path segment people use: its id, or its human number, which is what is quoted on
     * the phone. Anything else, or nothing found, is a 404.
     */
    public static <T> Uni<T> byIdOrNumber(String resource, String raw, Function<UUID, Uni<T>> byId,
                                          Function<String, Uni<T>> byNumber) {
        Uni<T> found;
        try {
            found = byId.apply(UUID.fromString(raw));
        } catch (IllegalArgumentException | NullPointerException e) {
            String number = raw == null ? "" : raw.trim();
            found = NUMBER.matcher(number).matches() ? byNumber.apply(number.toUpperCase(Locale.ROOT))
                    : Uni.createFrom().nullItem();
        }
        return found.onItem().ifNull().failWith(() -> DomainException.notFound(resource, raw));
    }

    /** Parses a reference given in a request body; a malformed one is reported as unknown. */
    public static UUID ref(String resource, String id) {
        if (id == null) {
            return null;
        }
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw DomainException.badRequest("UNKNOWN_REFERENCE", "unknownReference",
                    DomainException.resourceName(resource), id);
        }
    }

    /** Splits repeated or comma-separated filter values. */
    public static List<String> values(List<String> raw) {
        if (raw == null) {
            return List.of();
        }
        return raw.stream().flatMap(s -> Arrays.stream(s.split(","))).map(String::trim)
                .filter(s -> !s.isEmpty()).toList();
    }
}
