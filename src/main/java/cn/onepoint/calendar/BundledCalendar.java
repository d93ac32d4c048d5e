package cn.onepoint.calendar;

import cn.onepoint.calendar.dto.YearBody;
import cn.onepoint.common.DomainException;
import cn.onepoint.common.FieldErrors;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The arrangements shipped in {@code src/main/resources/calendar/cn/YYYY.json}. Dropping a new
 * {@code YYYY.json} there is all it takes to bundle a year; no index to update.
 */
@ApplicationScoped
public class BundledCalendar {

    static final String DIR = "calendar/cn/";
    /** Years probed for a bundled file. */
    static final int FIRST = 2000;
    static final int LAST = 2100;

    /** A bundled year and the checksum of its content (start-up refreshes an untouched bundled year when it moves). */
    public record Bundled(int year, String source, boolean provisional, List<YearArrangement.Entry> entries,
                          String checksum) {
    }

    private final ObjectMapper json;

    public BundledCalendar(ObjectMapper json) {
        this.json = json;
    }

    public List<Bundled> years() {
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        List<Bundled> out = new ArrayList<>();
        for (int year = FIRST; year <= LAST; year++) {
            String path = DIR + year + ".json";
            try (InputStream in = cl.getResourceAsStream(path)) {
                if (in != null) {
                    out.add(parse(year, path, json.readValue(in, YearBody.class)));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read bundled calendar " + path, e);
            }
        }
        return out;
    }

    static Bundled parse(int year, String path, YearBody body) {
        FieldErrors errors = new FieldErrors();
        List<YearArrangement.Entry> entries = YearValidator.entries(year, body, errors);
        try {
            errors.throwIfAny();
        } catch (DomainException e) {
            // A broken bundled file is a build defect: refuse to start rather than compute with it.
            throw new IllegalStateException("Bundled calendar " + path + " is invalid: " + e.errors().stream()
                    .map(f -> f.field() + " " + f.message().replace('\u001f', ' '))
                    .collect(Collectors.joining("; ")));
        }
        boolean provisional = Boolean.TRUE.equals(body.provisional());
        return new Bundled(year, body.source(), provisional, entries,
                checksum(year, body.source(), provisional, entries));
    }

    static String checksum(int year, String source, boolean provisional, List<YearArrangement.Entry> entries) {
        StringBuilder sb = new StringBuilder().append(year).append('|').append(source).append('|');
        if (provisional) {
            // only when set, so that the checksums of the years shipped before the flag existed stay the same
            sb.append("provisional|");
        }
        entries.stream().sorted((a, b) -> a.date().compareTo(b.date()))
                .forEach(e -> sb.append(e.date()).append(',').append(e.name()).append(',').append(e.offDay()).append(';'));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(sb.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
