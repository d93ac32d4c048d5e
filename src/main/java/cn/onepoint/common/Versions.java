package cn.onepoint.common;

import jakarta.ws.rs.core.EntityTag;

/** ETag / If-Match on versioned resources: the ETag is the row version. */
public final class Versions {

    private Versions() {
    }

    public static EntityTag etag(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** Throws 412 unless {@code ifMatch} is absent, "*" or names {@code current}. */
    public static void check(String ifMatch, long current) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return;
        }
        for (String tag : ifMatch.split(",")) {
            String t = tag.trim();
            if (t.startsWith("W/")) {
                t = t.substring(2);
            }
            t = t.replace("\"", "");
            if (t.equals(Long.toString(current))) {
                return;
            }
        }
        throw DomainException.preconditionFailed(current, ifMatch);
    }
}
