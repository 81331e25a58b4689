package dev.drydock.analyzer.ospkg.rpm;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import dev.drydock.analyzer.Package;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads an rpm header blob as the databases store it: the header structure without lead and magic, {@code il}
 * (index entries) and {@code dl} (data bytes) as big-endian int32, then {@code il} 16-byte entries (tag, type, offset,
 * count), then the data store. See rpm's {@code lib/header.c} and the format description at
 * https://rpm-software-management.github.io/rpm/manual/format_v4.html. Hand-written: no Java library reads rpm headers.
 * Every count and offset is checked against the blob before use; a bad one is a {@link BadHeaderException}.
 */
public final class RpmHeader {

    /** The neutral ecosystem: the inventory step replaces it with the detected distribution. */
    public static final String ECOSYSTEM = "rpm";

    static final int NAME = 1000, VERSION = 1001, RELEASE = 1002, EPOCH = 1003, VENDOR = 1011, LICENSE = 1014,
            ARCH = 1022, OLDFILENAMES = 1027, SOURCERPM = 1044, DIRINDEXES = 1116, BASENAMES = 1117, DIRNAMES = 1118,
            MODULARITYLABEL = 5096;
    static final int TYPE_INT32 = 4, TYPE_STRING = 6, TYPE_STRING_ARRAY = 8, TYPE_I18NSTRING = 9;
    /** rpm's own limits (lib/header.c: hdrchkTags, hdrchkData). */
    static final int MAX_TAGS = 0xffff, MAX_DATA = 0x0fffffff;

    /** A header that cannot be read; becomes a diagnostic. */
    public static final class BadHeaderException extends Exception {
        BadHeaderException(String message) {
            super(message);
        }
    }

    private record Entry(int tag, int type, int offset, int count) {
    }

    private final ByteBuffer data;
    private final Map<Integer, Entry> entries;

    private RpmHeader(ByteBuffer data, Map<Integer, Entry> entries) {
        this.data = data;
        this.entries = entries;
    }

    public static RpmHeader parse(byte[] blob) throws BadHeaderException {
        if (blob.length < 8) {
            throw new BadHeaderException("header of " + blob.length + " bytes is too short");
        }
        ByteBuffer b = ByteBuffer.wrap(blob).order(ByteOrder.BIG_ENDIAN);
        int il = b.getInt(0);
        int dl = b.getInt(4);
        if (il < 1 || il > MAX_TAGS || dl < 0 || dl > MAX_DATA) {
            throw new BadHeaderException("header claims " + il + " tags and " + dl + " data bytes");
        }
        long dataStart = 8L + 16L * il;
        if (dataStart + dl > blob.length) {
            throw new BadHeaderException("header claims " + (dataStart + dl) + " bytes but has " + blob.length);
        }
        ByteBuffer data = ByteBuffer.wrap(blob, (int) dataStart, dl).slice().order(ByteOrder.BIG_ENDIAN);
        Map<Integer, Entry> entries = new HashMap<>();
        for (int i = 0; i < il; i++) {
            int at = 8 + 16 * i;
            Entry e = new Entry(b.getInt(at), b.getInt(at + 4), b.getInt(at + 8), b.getInt(at + 12));
            if (e.offset < 0 || e.offset > dl || e.count < 0 || e.count > dl + 1) {
                throw new BadHeaderException("tag " + e.tag + ": offset " + e.offset + " count " + e.count
                        + " outside the " + dl + " data bytes");
            }
            entries.putIfAbsent(e.tag, e);
        }
        return new RpmHeader(data, entries);
    }

    String string(int tag) throws BadHeaderException {
        Entry e = entries.get(tag);
        if (e == null) {
            return null;
        }
        if (e.type != TYPE_STRING && e.type != TYPE_I18NSTRING && e.type != TYPE_STRING_ARRAY) {
            throw new BadHeaderException("tag " + tag + " has type " + e.type + ", not a string");
        }
        return cString(e.offset, tag);
    }

    List<String> strings(int tag) throws BadHeaderException {
        Entry e = entries.get(tag);
        if (e == null) {
            return List.of();
        }
        if (e.type != TYPE_STRING_ARRAY && e.type != TYPE_STRING) {
            throw new BadHeaderException("tag " + tag + " has type " + e.type + ", not a string array");
        }
        List<String> out = new ArrayList<>(Math.min(e.count, 1 << 16));
        int at = e.offset;
        for (int i = 0; i < e.count; i++) {
            String s = cString(at, tag);
            out.add(s);
            at += s.getBytes(StandardCharsets.UTF_8).length + 1;
        }
        return out;
    }

    int[] ints(int tag) throws BadHeaderException {
        Entry e = entries.get(tag);
        if (e == null) {
            return new int[0];
        }
        if (e.type != TYPE_INT32) {
            throw new BadHeaderException("tag " + tag + " has type " + e.type + ", not int32");
        }
        if ((long) e.offset + 4L * e.count > data.limit()) {
            throw new BadHeaderException("tag " + tag + ": " + e.count + " int32 at " + e.offset + " pass the end");
        }
        int[] out = new int[e.count];
        for (int i = 0; i < e.count; i++) {
            out[i] = data.getInt(e.offset + 4 * i);
        }
        return out;
    }

    private String cString(int at, int tag) throws BadHeaderException {
        int end = at;
        while (end < data.limit() && data.get(end) != 0) {
            end++;
        }
        if (end >= data.limit()) {
            throw new BadHeaderException("tag " + tag + ": string at " + at + " is not terminated");
        }
        byte[] bytes = new byte[end - at];
        data.get(at, bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** The installed package this header describes; {@code path} is the database file. */
    public Package toPackage(String path) throws BadHeaderException {
        String name = string(NAME);
        String version = string(VERSION);
        String release = string(RELEASE);
        if (name == null || version == null || release == null) {
            throw new BadHeaderException("header without NAME, VERSION or RELEASE");
        }
        int[] epochs = ints(EPOCH);
        Integer epoch = epochs.length > 0 ? epochs[0] : null;
        String arch = string(ARCH);
        String evr = (epoch == null ? "" : epoch + ":") + version + "-" + release;
        String sourceName = null;
        String sourceVersion = null;
        String srpm = string(SOURCERPM);
        if (srpm != null && !srpm.isEmpty() && !srpm.equals("(none)")) {
            String[] nv = splitSourceRpm(srpm);
            sourceName = nv[0];
            sourceVersion = nv[1] == null ? null : (epoch == null ? "" : epoch + ":") + nv[1];
            if (evr.equals(sourceVersion)) {
                sourceVersion = null;
            }
        }
        String license = string(LICENSE);
        return new Package(ECOSYSTEM, name, evr, purl(name, version + "-" + release, epoch, arch, string(VENDOR),
                string(MODULARITYLABEL)), sourceName, sourceVersion, arch,
                license == null || license.isBlank() ? List.of() : List.of(license), path, null, false, List.of(),
                files());
    }

    /** {@code foo-1.2-3.el9.src.rpm} → {@code [foo, 1.2-3.el9]}. */
    static String[] splitSourceRpm(String srpm) {
        String s = srpm;
        for (String suffix : List.of(".src.rpm", ".nosrc.rpm")) {
            if (s.endsWith(suffix)) {
                s = s.substring(0, s.length() - suffix.length());
            }
        }
        int rel = s.lastIndexOf('-');
        int ver = rel > 0 ? s.lastIndexOf('-', rel - 1) : -1;
        if (ver <= 0) {
            return new String[] {s, null};
        }
        return new String[] {s.substring(0, ver), s.substring(ver + 1)};
    }

    /** Owned files: DIRNAMES[DIRINDEXES[i]] + BASENAMES[i] (or the old flat OLDFILENAMES), without the leading /. */
    List<String> files() throws BadHeaderException {
        List<String> base = strings(BASENAMES);
        List<String> out = new ArrayList<>(base.size());
        if (base.isEmpty()) {
            for (String f : strings(OLDFILENAMES)) {
                out.add(strip(f));
            }
            return out;
        }
        List<String> dirs = strings(DIRNAMES);
        int[] idx = ints(DIRINDEXES);
        if (idx.length != base.size()) {
            throw new BadHeaderException(base.size() + " BASENAMES but " + idx.length + " DIRINDEXES");
        }
        for (int i = 0; i < idx.length; i++) {
            if (idx[i] < 0 || idx[i] >= dirs.size()) {
                throw new BadHeaderException("DIRINDEXES[" + i + "] = " + idx[i] + " outside " + dirs.size() + " DIRNAMES");
            }
            out.add(strip(dirs.get(idx[i]) + base.get(i)));
        }
        return out;
    }

    private static String strip(String p) {
        return p.startsWith("/") ? p.substring(1) : p;
    }

    static String purl(String name, String versionRelease, Integer epoch, String arch, String vendor, String module) {
        try {
            TreeMap<String, String> q = new TreeMap<>();
            if (arch != null && !arch.isEmpty()) {
                q.put("arch", arch);
            }
            if (epoch != null && epoch != 0) {
                q.put("epoch", Integer.toString(epoch));
            }
            if (module != null && !module.isEmpty()) {
                q.put("modularitylabel", module);
            }
            return new PackageURL("rpm", null, name, versionRelease, q.isEmpty() ? null : q, null).canonicalize();
        } catch (MalformedPackageURLException e) {
            return null;
        }
    }
}
