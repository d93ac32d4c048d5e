package cn.onepoint.common.input;

import cn.onepoint.common.FieldErrors;

/**
 * What free text may contain: no control character U+0000–U+001F other than tab, line feed and carriage return (PostgreSQL
 * cannot store NUL at all, and the others are never meaningful in a name, a note or a finding), and no unpaired
 * UTF-16 surrogate (not a character, cannot be encoded).
 */
final class Text {

    private Text() {
    }

    /** Records {@code field} when {@code s} holds a character it may not; true when it was clean. */
    static boolean check(FieldErrors errors, String field, String s) {
        int bad = firstBad(s);
        if (bad < 0) {
            return true;
        }
        errors.add(field, "field.controlCharacter", String.format("U+%04X", (int) s.charAt(bad)), bad + 1);
        return false;
    }

    /** The index of the first character not allowed, or -1. */
    static int firstBad(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                return i;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return i;
            }
            if (Character.isLowSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    /** A name as it may appear in a field path: the characters not allowed written as \\uXXXX. */
    static String printable(String s) {
        if (firstBad(s) < 0) {
            return s;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || Character.isSurrogate(c)) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
