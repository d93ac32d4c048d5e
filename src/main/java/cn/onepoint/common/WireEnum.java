package cn.onepoint.common;

/** An enum whose wire name (TMF camelCase, e.g. inProgress) differs from its Java constant. */
public interface WireEnum {
    String wire();

    /** Finds a constant by wire name or by Java name; null when absent (callers treat it as a bad value). */
    static <E extends Enum<E> & WireEnum> E parse(Class<E> type, String s) {
        if (s == null) {
            return null;
        }
        for (E e : type.getEnumConstants()) {
            if (e.wire().equals(s) || e.name().equals(s)) {
                return e;
            }
        }
        throw new IllegalArgumentException("Unknown " + type.getSimpleName() + ": " + s);
    }
}
