package dev.drydock.report;

import dev.drydock.scan.ScanReport;
import java.io.IOException;
import java.io.Writer;

/** Writes a {@link ScanReport} in one format; one implementation per {@link ReportFormat}. */
public interface ReportWriter {

    void write(ScanReport report, Writer out) throws IOException;
}
