package cn.onepoint.common;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The message files cover what the code names, in both languages. */
class MessagesTest {

    /** {@code notFound("work order", …)}, {@code Ids.parse("unit", …)}, {@code Ids.byIdOrNumber("ticket", …)}. */
    private static final Pattern RESOURCE = Pattern.compile(
            "(?:notFound|Ids\\.parse|Ids\\.ref|Ids\\.byIdOrNumber)\\(\"([^\"]+)\"");

    @Test
    void everyResourceNameTheCodeUsesIsTranslated() throws IOException {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = RESOURCE.matcher(Files.readString(f));
                while (m.find()) {
                    names.add(m.group(1));
                }
            }
        }
        assertTrue(names.containsAll(Set.of("ticket", "work order", "order", "unit")), "scan found " + names);
        for (String name : names) {
            String key = DomainException.resourceName(name).key();
            assertTrue(!Messages.text(Locale.SIMPLIFIED_CHINESE, key).equals(key), "no Chinese text for " + key);
            assertTrue(!Messages.text(Locale.ENGLISH, key).equals(key), "no English text for " + key);
        }
        assertEquals("故障单不存在：FT1", Messages.text(Locale.SIMPLIFIED_CHINESE, "notFound",
                DomainException.resourceName("ticket"), "FT1"));
        assertEquals("work order not found: x", Messages.text(Locale.ENGLISH, "notFound",
                DomainException.resourceName("work order"), "x"));
    }

    @Test
    void bothLanguagesHaveTheSameKeys() throws IOException {
        assertEquals(load("i18n/messages.properties").stringPropertyNames(),
                load("i18n/messages_en.properties").stringPropertyNames());
    }

    @Test
    void acceptLanguageOutsideJaxRsPicksTheSameLanguage() {
        assertEquals(Locale.ENGLISH, Messages.locale("en-GB,en;q=0.8"));
        assertEquals(Locale.ENGLISH, Messages.locale("fr;q=0.9, en;q=0.5"));
        assertEquals(Locale.SIMPLIFIED_CHINESE, Messages.locale("zh-CN,en;q=0.5"));
        assertEquals(Locale.SIMPLIFIED_CHINESE, Messages.locale((String) null));
        assertEquals(Locale.SIMPLIFIED_CHINESE, Messages.locale("*"));
        assertEquals(Locale.SIMPLIFIED_CHINESE, Messages.locale(";;;"));
    }

    private static Properties load(String resource) throws IOException {
        Properties p = new Properties();
        try (InputStream in = MessagesTest.class.getClassLoader().getResourceAsStream(resource)) {
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
