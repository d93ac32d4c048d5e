package cn.onepoint.common;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

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

    /** Parses a reference given in a request body; a malformed one is reported as unknown. */
    public static UUID ref(String resource, String id) {
        if (id == null) {
            return null;
        }
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw DomainException.badRequest("UNKNOWN_REFERENCE", "unknownReference", resource, id);
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
