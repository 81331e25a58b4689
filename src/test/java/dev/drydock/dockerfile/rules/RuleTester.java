package dev.drydock.dockerfile.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.drydock.dockerfile.Dockerfile;
import dev.drydock.dockerfile.DockerfileParser;
import dev.drydock.dockerfile.DockerfileSyntaxException;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs one rule on a Dockerfile snippet, the way Hadolint's rule specs do: {@code assertCatches(rule, "FROM x")}.
 * Snippets without any FROM line get {@code FROM debian:12.5@sha256:…} prepended, so a snippet can be a single line.
 */
public final class RuleTester {

    /** A fully pinned base image that no FROM rule complains about. */
    public static final String PINNED_FROM =
            "FROM debian:12.5@sha256:2fb8f8e2a9b8dd2c7b4f1d5a1b0ab4bb1a25c95b9c2a0e0ea8c1f3b5a8a7e6f1\n";

    /**
     * The settings documented examples run with (RuleInfo failing/passing snippets, RuleCatalogueTest):
     * trusted registries docker.io and gcr.io, a label schema with one label of each type, and strict labels (so
     * that DL3050, which only reports with strict labels, can show its example; only label rules read it).
     */
    public static final LintSettings EXAMPLE_SETTINGS = new LintSettings(
            List.of("docker.io", "gcr.io"),
            java.util.Map.of("title", "text", "source", "url", "maintainer", "email", "version", "semver",
                    "created", "rfc3339", "revision", "hash", "licenses", "spdx"),
            true, List.of("debian:*", "gcr.io/distroless/**"));

    private RuleTester() {
    }

    /**
     * Lints a documented example: {@link #EXAMPLE_SETTINGS}, and an empty build context directory (no
     * .dockerignore, no files).
     */
    public static List<Violation> lintExample(Rule rule, String snippet) {
        try {
            Path ctx = java.nio.file.Files.createTempDirectory("drydock-example-context");
            try {
                return lint(rule, snippet, EXAMPLE_SETTINGS, ctx);
            } finally {
                java.nio.file.Files.deleteIfExists(ctx);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static Dockerfile parse(String snippet) {
        String text = needsFrom(snippet) ? PINNED_FROM + snippet : snippet;
        try {
            return DockerfileParser.parse("Dockerfile", text);
        } catch (DockerfileSyntaxException e) {
            throw new AssertionError("test snippet does not parse: " + e.getMessage() + "\n" + text, e);
        }
    }

    public static List<Violation> lint(Rule rule, String snippet) {
        return lint(rule, snippet, LintSettings.DEFAULT, null);
    }

    public static List<Violation> lint(Rule rule, String snippet, LintSettings settings, Path buildContext) {
        Dockerfile df = parse(snippet);
        Violations out = new Violations(rule.info(), df.name());
        rule.check(new LintContext(df, settings, buildContext), out);
        return out.list();
    }

    /** Asserts the rule reports at least one violation, and returns them. */
    public static List<Violation> assertCatches(Rule rule, String snippet) {
        List<Violation> v = lint(rule, snippet);
        if (v.isEmpty()) {
            fail(rule.info().id() + " should catch:\n" + snippet);
        }
        for (Violation x : v) {
            assertThat(x.id()).isEqualTo(rule.info().id());
        }
        return v;
    }

    public static void assertPasses(Rule rule, String snippet) {
        List<Violation> v = lint(rule, snippet);
        if (!v.isEmpty()) {
            fail(rule.info().id() + " should not catch:\n" + snippet + "\nbut reported: " + v);
        }
    }

    /** Asserts the rule reports exactly on these instruction lines (1-based, counted in the snippet as given). */
    public static void assertCatchesOnLines(Rule rule, String snippet, Integer... lines) {
        int shift = needsFrom(snippet) ? 1 : 0;
        List<Integer> got = lint(rule, snippet).stream().map(x -> x.line() - shift).toList();
        assertThat(got).as(rule.info().id() + " lines on:\n" + snippet).containsExactly(lines);
    }

    /** The snippet's source (without the pinned FROM this class may prepend) after applying every fix of the rule. */
    public static String fixed(Rule rule, String snippet) {
        String source = parse(snippet).source();
        List<Edit> edits = lint(rule, snippet).stream().flatMap(v -> v.fixes().stream())
                .sorted(java.util.Comparator.comparingInt(Edit::start).reversed()).toList();
        StringBuilder sb = new StringBuilder(source);
        for (Edit e : edits) {
            sb.replace(e.start(), e.end(), e.replacement());
        }
        String out = sb.toString();
        return out.startsWith(PINNED_FROM) ? out.substring(PINNED_FROM.length()) : out;
    }

    /** No FROM line anywhere: the snippet is a stage body (it may start with ARG). */
    private static boolean needsFrom(String snippet) {
        for (String line : snippet.split("\n")) {
            String[] words = line.trim().split("\\s+", 2);
            if (words[0].equalsIgnoreCase("FROM")) {
                return false;
            }
        }
        return true;
    }
}
