package dev.drydock.report;

import java.io.IOException;
import java.io.Writer;

/** Writes a lint report in one format. */
public interface LintWriter {

    void write(LintReport report, Writer out) throws IOException;

    /** The lint output formats. */
    enum Format {
        TABLE, JSON, SARIF, CHECKSTYLE;

        public LintWriter writer(boolean color) {
            return switch (this) {
                case TABLE -> new LintTableWriter(color);
                case JSON -> new LintJsonWriter();
                case SARIF -> new LintSarifWriter();
                case CHECKSTYLE -> new LintCheckstyleWriter();
            };
        }
    }
}
