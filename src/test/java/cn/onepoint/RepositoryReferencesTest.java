package cn.onepoint;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the repository points to is in the repository: every rule id the code cites is defined in docs/rules.md,
 * every relative link of the README and docs/ resolves to a file (and heading) inside the repository, and the
 * docs speak about the service, not about how it was made.
 */
class RepositoryReferencesTest {

    private static final Path ROOT = Path.of("").toAbsolutePath().normalize();
    /** A rule id as the code cites it: T8, P9, A2 (organisation, customers, tickets, provisioning, …). */
    private static final Pattern RULE_ID = Pattern.compile("\\b[OCTPSWA][0-9]{1,2}\\b");
    private static final Pattern RULE_DEFINED = Pattern.compile("(?m)^- \\*\\*([OCTPSWA][0-9]{1,2})\\*\\* ");
    private static final Pattern LINK = Pattern.compile("\\[[^\\]]*]\\(([^)\\s]+)\\)");
    private static final Pattern HEADING = Pattern.compile("(?m)^#{1,6} (.+)$");

    @Test
    void everyRuleIdCitedInTheCodeIsDefinedInRulesMd() throws IOException {
        String rules = Files.readString(ROOT.resolve("docs/rules.md"));
        Set<String> defined = new TreeSet<>();
        Matcher d = RULE_DEFINED.matcher(rules);
        while (d.find()) {
            defined.add(d.group(1));
        }
        assertTrue(defined.containsAll(Set.of("O1", "C1", "T1", "T17", "P9", "S4", "W1", "A3")), "defined: " + defined);

        Set<String> cited = new TreeSet<>();
        List<String> undefined = new ArrayList<>();
        for (Path f : files(ROOT.resolve("src/main"))) {
            String text = Files.readString(f);
            Matcher m = RULE_ID.matcher(text);
            while (m.find()) {
                cited.add(m.group());
                if (!defined.contains(m.group())) {
                    undefined.add(ROOT.relativize(f) + ": " + m.group());
                }
            }
        }
        assertTrue(cited.size() > 30, "the scan finds the rule ids the code cites: " + cited);
        assertEquals(List.of(), undefined, "rule ids cited in src/main that docs/rules.md does not define");
    }

    @Test
    void relativeLinksOfTheReadmeAndDocsResolveInsideTheRepository() throws IOException {
        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (Path doc : documents()) {
            Matcher m = LINK.matcher(Files.readString(doc));
            while (m.find()) {
                String target = m.group(1);
                if (target.matches("(?i)[a-z][a-z0-9+.-]*:.*")) {
                    continue; // http:, https:, mailto:
                }
                checked++;
                int hash = target.indexOf('#');
                String file = hash < 0 ? target : target.substring(0, hash);
                String anchor = hash < 0 ? null : target.substring(hash + 1);
                Path resolved = file.isEmpty() ? doc : doc.getParent().resolve(file).normalize();
                String where = ROOT.relativize(doc) + " → " + target;
                if (!resolved.startsWith(ROOT)) {
                    broken.add(where + " (outside the repository)");
                } else if (!Files.exists(resolved)) {
                    broken.add(where + " (no such file)");
                } else if (anchor != null && resolved.toString().endsWith(".md") && !anchors(resolved).contains(anchor)) {
                    broken.add(where + " (no such heading)");
                }
            }
        }
        assertTrue(checked > 20, "links checked: " + checked);
        assertEquals(List.of(), broken, "links of README.md and docs/ that do not resolve");
    }

    @Test
    void theDocsDoNotTalkAboutIssuesOrHelpers() throws IOException {
        Pattern internal = Pattern.compile("(?i)\\bissues?\\s+#?[0-9]+|\\bhelpers?\\b|\\.\\./shared/");
        List<String> found = new ArrayList<>();
        for (Path doc : documents()) {
            List<String> lines = Files.readAllLines(doc);
            for (int i = 0; i < lines.size(); i++) {
                if (internal.matcher(lines.get(i)).find()) {
                    found.add(ROOT.relativize(doc) + ":" + (i + 1) + ": " + lines.get(i).trim());
                }
            }
        }
        assertEquals(List.of(), found);
    }

    /** README.md, k8s/README.md and everything in docs/. */
    private static List<Path> documents() throws IOException {
        List<Path> out = new ArrayList<>(List.of(ROOT.resolve("README.md"), ROOT.resolve("k8s/README.md")));
        out.addAll(files(ROOT.resolve("docs")).stream().filter(p -> p.toString().endsWith(".md")).toList());
        return out;
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            // key files are base64 text in which a "T0" is chance, not a citation
            return s.filter(Files::isRegularFile).filter(f -> !f.toString().endsWith(".pem")).sorted().toList();
        }
    }

    /** GitHub's anchors of a Markdown file's headings: lower case, punctuation dropped, spaces to hyphens. */
    static Set<String> anchors(Path md) throws IOException {
        Set<String> out = new TreeSet<>();
        Matcher m = HEADING.matcher(Files.readString(md));
        while (m.find()) {
            out.add(m.group(1).trim().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-'));
        }
        return out;
    }
}
