package dev.drydock.vulndb;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The stored form of a record: the {@link Advisory}'s fields in a compact binary form, compressed with raw DEFLATE and
 * a per-feed preset dictionary. Binary rather than JSON because lookups decode thousands of records per scan and
 * this decodes several times faster than a JSON parser binding records; the layout (FORMAT 1) is:
 *
 * <pre>
 * advisory := FORMAT(1 byte) id aliases:strs summary details published modified withdrawn severity:sevs
 *             sourceSeverity affected:(n affected...) references:strs source
 * affected := ecosystem name purl ranges:(n range...) versions:strs severity:sevs sourceSeverity status
 * range    := type repo events:(n event...)      event := mask(1 byte: 1 introduced, 2 fixed, 4 last_affected, 8 limit) str...
 * sevs     := n (type score)...                  strs := n str...
 * str      := varint(length + 1) UTF-8 bytes (0: null)     n := varint     instant := varint(0: null, else 1) varlong seconds varint nanos
 * </pre>
 *
 * {@code knownExploited} is never stored: it comes from the {@code kev} column when the record is read. Changing the
 * layout means bumping {@link Schema#VERSION}.
 */
final class AdvisoryCodec {

    static final int FORMAT = 1;

    private AdvisoryCodec() {
    }

    // ---- encoding

    static byte[] encode(Advisory a) {
        Out o = new Out();
        o.out.write(FORMAT);
        o.str(a.id());
        o.strs(a.aliases());
        o.str(a.summary());
        o.str(a.details());
        o.instant(a.published());
        o.instant(a.modified());
        o.instant(a.withdrawn());
        o.sevs(a.severity());
        o.str(a.sourceSeverity());
        o.varint(a.affected().size());
        for (Advisory.Affected af : a.affected()) {
            o.str(af.ecosystem());
            o.str(af.name());
            o.str(af.purl());
            o.varint(af.ranges().size());
            for (Advisory.Range r : af.ranges()) {
                o.str(r.type());
                o.str(r.repo());
                o.varint(r.events().size());
                for (Advisory.Event e : r.events()) {
                    int mask = (e.introduced() != null ? 1 : 0) | (e.fixed() != null ? 2 : 0) | (e.lastAffected() != null ? 4 : 0)
                            | (e.limit() != null ? 8 : 0);
                    o.out.write(mask);
                    for (String s : new String[] {e.introduced(), e.fixed(), e.lastAffected(), e.limit()}) {
                        if (s != null) {
                            o.str(s);
                        }
                    }
                }
            }
            o.strs(af.versions());
            o.sevs(af.severity());
            o.str(af.sourceSeverity());
            o.str(af.status());
        }
        o.strs(a.references());
        o.str(a.source());
        return o.out.toByteArray();
    }

    private static final class Out {
        final ByteArrayOutputStream out = new ByteArrayOutputStream(1024);

        void varint(long v) {
            while ((v & ~0x7FL) != 0) {
                out.write((int) ((v & 0x7F) | 0x80));
                v >>>= 7;
            }
            out.write((int) v);
        }

        void str(String s) {
            if (s == null) {
                varint(0);
                return;
            }
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            varint(b.length + 1L);
            out.write(b, 0, b.length);
        }

        void strs(List<String> l) {
            varint(l.size());
            l.forEach(this::str);
        }

        void sevs(List<Advisory.Severity> l) {
            varint(l.size());
            for (Advisory.Severity s : l) {
                str(s.type());
                str(s.score());
            }
        }

        void instant(Instant t) {
            if (t == null) {
                varint(0);
                return;
            }
            varint(1);
            varint(t.getEpochSecond() - Instant.MIN.getEpochSecond()); // non-negative for any Instant
            varint(t.getNano());
        }
    }

    // ---- decoding

    static Advisory decode(byte[] blob, byte[] dictionary, boolean knownExploited) {
        In in = new In(inflate(blob, dictionary));
        if (in.b[0] != FORMAT) {
            throw new IllegalStateException("stored record has format " + in.b[0] + ", expected " + FORMAT);
        }
        in.pos = 1;
        String id = in.str();
        List<String> aliases = in.strs();
        String summary = in.str();
        String details = in.str();
        Instant published = in.instant();
        Instant modified = in.instant();
        Instant withdrawn = in.instant();
        List<Advisory.Severity> severity = in.sevs();
        String sourceSeverity = in.str();
        int n = in.count();
        List<Advisory.Affected> affected = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String eco = in.str();
            String name = in.str();
            String purl = in.str();
            int nr = in.count();
            List<Advisory.Range> ranges = new ArrayList<>(nr);
            for (int r = 0; r < nr; r++) {
                String type = in.str();
                String repo = in.str();
                int ne = in.count();
                List<Advisory.Event> events = new ArrayList<>(ne);
                for (int e = 0; e < ne; e++) {
                    int mask = in.b[in.pos++];
                    events.add(new Advisory.Event((mask & 1) != 0 ? in.str() : null, (mask & 2) != 0 ? in.str() : null,
                            (mask & 4) != 0 ? in.str() : null, (mask & 8) != 0 ? in.str() : null));
                }
                ranges.add(new Advisory.Range(type, repo, events));
            }
            affected.add(new Advisory.Affected(eco, name, purl, ranges, in.strs(), in.sevs(), in.str(), in.str()));
        }
        List<String> references = in.strs();
        String source = in.str();
        return new Advisory(id, aliases, summary, details, published, modified, withdrawn, severity, sourceSeverity, affected,
                references, source, knownExploited);
    }

    private static final class In {
        final byte[] b;
        int pos;

        In(byte[] b) {
            this.b = b;
        }

        long varint() {
            long v = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                byte x = b[pos++];
                v |= (long) (x & 0x7F) << shift;
                if (x >= 0) {
                    return v;
                }
            }
            throw new IllegalStateException("stored record is corrupt: varint too long");
        }

        int count() {
            long v = varint();
            if (v > b.length) {
                throw new IllegalStateException("stored record is corrupt: count " + v);
            }
            return (int) v;
        }

        String str() {
            int len = count();
            if (len == 0) {
                return null;
            }
            String s = new String(b, pos, len - 1, StandardCharsets.UTF_8);
            pos += len - 1;
            return s;
        }

        List<String> strs() {
            int n = count();
            if (n == 0) {
                return List.of();
            }
            String[] out = new String[n];
            for (int i = 0; i < n; i++) {
                out[i] = str();
            }
            return Arrays.asList(out);
        }

        List<Advisory.Severity> sevs() {
            int n = count();
            List<Advisory.Severity> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(new Advisory.Severity(str(), str()));
            }
            return out;
        }

        Instant instant() {
            if (varint() == 0) {
                return null;
            }
            long s = varint() + Instant.MIN.getEpochSecond();
            return Instant.ofEpochSecond(s, varint());
        }
    }

    // ---- compression

    /**
     * A preset DEFLATE dictionary for one feed, made of the start of its first records: records of one feed share most
     * of their text (ecosystem, URL prefixes, distribution and package names), so each small record compresses to
     * about half of what it would alone.
     */
    static byte[] dictionary(List<byte[]> samples) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] s : samples) {
            out.write(s, 0, Math.min(s.length, 1024));
        }
        byte[] all = out.toByteArray();
        int max = 32 * 1024; // DEFLATE's window: only the last 32 KiB of a dictionary are used
        return all.length <= max ? all : Arrays.copyOfRange(all, all.length - max, all.length);
    }

    static byte[] deflate(byte[] data, byte[] dictionary) {
        Deflater d = new Deflater(6, true);
        try {
            if (dictionary != null && dictionary.length > 0) {
                d.setDictionary(dictionary);
            }
            d.setInput(data);
            d.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 3 + 64);
            byte[] buf = new byte[8192];
            while (!d.finished()) {
                out.write(buf, 0, d.deflate(buf));
            }
            return out.toByteArray();
        } finally {
            d.end();
        }
    }

    /** One inflater per thread, reset between records: creating one per record costs more than inflating a small record. */
    private static final ThreadLocal<Inflater> INFLATERS = ThreadLocal.withInitial(() -> new Inflater(true));

    private static byte[] inflate(byte[] blob, byte[] dictionary) {
        Inflater inf = INFLATERS.get();
        inf.reset();
        try {
            if (dictionary != null && dictionary.length > 0) {
                inf.setDictionary(dictionary); // raw DEFLATE carries no dictionary id: set it before inflating
            }
            inf.setInput(blob);
            byte[] out = new byte[Math.max(256, blob.length * 4)];
            int len = 0;
            while (!inf.finished()) {
                if (len == out.length) {
                    out = Arrays.copyOf(out, out.length * 2);
                }
                int n = inf.inflate(out, len, out.length - len);
                if (n == 0 && (inf.needsInput() || inf.needsDictionary())) {
                    throw new IllegalStateException("stored record is truncated");
                }
                len += n;
            }
            return len == out.length ? out : Arrays.copyOf(out, len);
        } catch (DataFormatException e) {
            throw new IllegalStateException("stored record is corrupt: " + e.getMessage(), e);
        }
    }
}
