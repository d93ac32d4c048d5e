package cn.onepoint.feed;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What a connection asked for ({@code since}, {@code topics}, {@code unit}, {@code customer}, {@code province};
 * repeat a parameter or separate values by commas for OR) and what it is granted. Empty set = no restriction.
 */
public record FeedFilter(Long since, Set<String> topics, Set<UUID> units, Set<UUID> customers,
                         Set<String> provinces, UUID rootId, FeedGrant grant) {

    /** A request parameter that cannot be understood; the connection closes with 4400 naming it. */
    public static final class BadParameter extends RuntimeException {
        final String parameter;
        final String value;

        BadParameter(String parameter, String value) {
            super(parameter + "=" + value);
            this.parameter = parameter;
            this.value = value;
        }
    }

    static final Set<String> TOPICS = Arrays.stream(Outbox.Topic.values()).map(Enum::name)
            .collect(Collectors.toUnmodifiableSet());

    /** Parses the raw query string of the handshake; {@code rootId} is set for one ticket's feed. */
    public static FeedFilter parse(String query, UUID rootId) {
        Map<String, List<String>> params = params(query);
        Long since = null;
        List<String> sinceValues = params.getOrDefault("since", List.of());
        if (sinceValues.size() > 1) {
            throw new BadParameter("since", String.join(",", sinceValues));
        }
        if (sinceValues.size() == 1 && !sinceValues.get(0).isBlank()) {
            String s = sinceValues.get(0).trim();
            try {
                since = Long.parseLong(s);
            } catch (NumberFormatException e) {
                throw new BadParameter("since", s);
            }
            if (since < 0) {
                throw new BadParameter("since", s);
            }
        }
        Set<String> topics = values(params, "topics");
        for (String t : topics) {
            if (!TOPICS.contains(t)) {
                throw new BadParameter("topics", t);
            }
        }
        return new FeedFilter(since, topics, uuids(params, "unit"), uuids(params, "customer"),
                values(params, "province"), rootId, FeedGrant.ALL);
    }

    public FeedFilter withGrant(FeedGrant g) {
        return new FeedFilter(since, topics, units, customers, provinces, rootId, g);
    }

    public boolean matches(FeedEvent e) {
        return grant.allows(e)
                && (rootId == null || rootId.equals(e.rootId()))
                && among(topics, e.topic())
                && among(units, e.unitId())
                && among(customers, e.customerId())
                && among(provinces, e.province());
    }

    /** No restriction, or the value is one of the set (an event without the value does not match). */
    private static <T> boolean among(Set<T> allowed, T value) {
        // Set.of(...).contains(null) throws: test for null first.
        return allowed.isEmpty() || (value != null && allowed.contains(value));
    }

    private static Map<String, List<String>> params(String query) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (query == null || query.isEmpty()) {
            return out;
        }
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            out.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
        return out;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new BadParameter("query", s);
        }
    }

    private static Set<String> values(Map<String, List<String>> params, String name) {
        Set<String> out = new HashSet<>();
        for (String v : params.getOrDefault(name, List.of())) {
            for (String part : v.split(",")) {
                if (!part.isBlank()) {
                    out.add(part.trim());
                }
            }
        }
        return Set.copyOf(out);
    }

    private static Set<UUID> uuids(Map<String, List<String>> params, String name) {
        Set<UUID> out = new HashSet<>();
        for (String v : values(params, name)) {
            try {
                out.add(UUID.fromString(v));
            } catch (IllegalArgumentException e) {
                throw new BadParameter(name, v);
            }
        }
        return Set.copyOf(out);
    }
}
