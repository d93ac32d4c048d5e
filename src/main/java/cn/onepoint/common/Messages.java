package cn.onepoint.common;

import jakarta.ws.rs.core.HttpHeaders;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Human-facing texts: Chinese by default, English when Accept-Language prefers it. */
public final class Messages {

    private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    private Messages() {
    }

    public static Locale locale(HttpHeaders headers) {
        if (headers == null) {
            return CHINESE;
        }
        List<Locale> accepted = headers.getAcceptableLanguages();
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
        return new MessageFormat(pattern, locale).format(args);
    }
}
