package cn.onepoint.common;

import jakarta.ws.rs.core.HttpHeaders;

import java.text.MessageFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Human-facing texts: Chinese by default, English when Accept-Language prefers it. */
public final class Messages {

    private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    private Messages() {
    }

    /**
     * A word rendered in the message's language: {@code notFound} with {@code new Term("resource.ticket")} reads
     * "故障单 不存在" in Chinese and "ticket not found" in English.
     */
    public record Term(String key) {
    }

    public static Locale locale(HttpHeaders headers) {
        return headers == null ? CHINESE : locale(headers.getAcceptableLanguages());
    }

    /** The same choice from a raw {@code Accept-Language} header (outside JAX-RS). */
    public static Locale locale(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return CHINESE;
        }
        try {
            return locale(Locale.LanguageRange.parse(acceptLanguage).stream()
                    .filter(r -> !"*".equals(r.getRange()))
                    .map(r -> Locale.forLanguageTag(r.getRange())).toList());
        } catch (IllegalArgumentException e) {
            return CHINESE;
        }
    }

    private static Locale locale(List<Locale> accepted) {
        for (Locale l : accepted) {
            if ("en".equals(l.getLanguage())) {
                return Locale.ENGLISH;
            }
            if ("zh".equals(l.getLanguage())) {
                return CHINESE;
            }
        }
        return CHINESE;
    }

    public static String text(Locale locale, String key, Object... args) {
        ResourceBundle bundle = ResourceBundle.getBundle("i18n.messages",
                Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.ROOT,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        Object[] rendered = args == null ? null : Arrays.stream(args)
                .map(a -> a instanceof Term t ? text(locale, t.key()) : a).toArray();
        return new MessageFormat(pattern, locale).format(rendered);
    }
}
