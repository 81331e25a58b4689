package dev.drydock.report;

import dev.drydock.DrydockException.UsageException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Where each report goes, from {@code --format} and {@code --output}: {@code --format table} (stdout),
 * {@code --format json --output r.json}, several at once with {@code --format json=out.json,html=out.html} (the
 * option may also repeat), and at most one format without its own file, which goes to {@code --output} or stdout.
 * {@code FORMAT=-} is stdout.
 */
public final class ReportFormats {

    /** One report: its format and its file, or null for stdout. */
    public record Output(ReportFormat format, Path file) {
        public boolean toStdout() {
            return file == null;
        }
    }

    private ReportFormats() {
    }

    /**
     * @param specs  the {@code --format} values as given (each may hold several, comma-separated); none means table
     * @param output the {@code --output} file, or null
     * @throws UsageException naming the value that is wrong and what to write instead
     */
    public static List<Output> parse(List<String> specs, Path output) {
        List<String> items = new ArrayList<>();
        if (specs != null) {
            for (String s : specs) {
                for (String item : s.split(",", -1)) {
                    if (item.isBlank()) {
                        throw new UsageException("--format '" + s + "': empty format name (write e.g. --format json=out.json,html=out.html)");
                    }
                    items.add(item.strip());
                }
            }
        }
        if (items.isEmpty()) {
            items.add(ReportFormat.TABLE.id());
        }
        List<Output> out = new ArrayList<>();
        int withoutFile = 0;
        for (String item : items) {
            int eq = item.indexOf('=');
            String name = eq < 0 ? item : item.substring(0, eq).strip();
            ReportFormat format;
            try {
                format = ReportFormat.parse(name);
            } catch (IllegalArgumentException e) {
                throw new UsageException("--format '" + item + "': " + e.getMessage());
            }
            if (eq < 0) {
                withoutFile++;
                out.add(new Output(format, output));
                continue;
            }
            String file = item.substring(eq + 1).strip();
            if (file.isEmpty()) {
                throw new UsageException("--format '" + item + "': no file after '=' (write " + name + "=FILE, or " + name + "=- for stdout)");
            }
            out.add(new Output(format, file.equals("-") ? null : Path.of(file)));
        }
        if (withoutFile > 1) {
            throw new UsageException("--format " + String.join(",", items) + ": only one format can go to "
                    + (output == null ? "stdout" : output.toString()) + "; give the others a file, e.g. --format table,json=report.json");
        }
        if (output != null && withoutFile == 0) {
            throw new UsageException("--output " + output + " is not used: every --format names its own file");
        }
        Set<Path> files = new HashSet<>();
        int stdout = 0;
        for (Output o : out) {
            if (o.toStdout()) {
                if (++stdout > 1) {
                    throw new UsageException("--format " + String.join(",", items) + ": more than one report would go to stdout");
                }
            } else if (!files.add(o.file().toAbsolutePath().normalize())) {
                throw new UsageException("--format " + String.join(",", items) + ": two reports would be written to " + o.file());
            }
        }
        return List.copyOf(out);
    }
}
