package dev.drydock.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The HTML report's stylesheet and script, kept as resources beside this class so they can be edited as CSS and JS. */
final class HtmlAssets {

    static final String CSS = load("report.css");
    static final String JS = load("report.js");

    private HtmlAssets() {
    }

    private static String load(String name) {
        try (InputStream in = HtmlAssets.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + name + " missing from the drydock jar");
            }
            String s = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (s.contains("</style") || s.contains("</script")) {
                throw new IllegalStateException(name + " must not close its own element");
            }
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + name, e);
        }
    }
}
