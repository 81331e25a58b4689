package dev.drydock.analyzer.lang.rust;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drydock.analyzer.AnalysisInput;
import dev.drydock.analyzer.Analyzer;
import dev.drydock.analyzer.Package;
import dev.drydock.analyzer.PackageList;
import dev.drydock.layer.FileInfo;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.InflaterInputStream;

/**
 * Rust binaries built with cargo-auditable (https://github.com/rust-secure-code/cargo-auditable): the ELF section
 * {@code .dep-v0} holds the dependency tree as zlib-compressed JSON ({@code packages[]}: name, version, source,
 * kind, dependencies by index, root). Only ELF is read (the form found in Linux images); the section table is parsed
 * by hand for the one section wanted. Build-only dependencies are left out: they are not in the binary.
 */
public final class AuditableBinaryAnalyzer implements Analyzer<PackageList> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_JSON = 8 << 20;

    @Override
    public String type() {
        return "cargo-auditable";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public Class<PackageList> resultType() {
        return PackageList.class;
    }

    @Override
    public boolean required(String path, FileInfo info) {
        String lower = path.toLowerCase(Locale.ROOT);
        return info != null && info.size() >= 1024 && (info.mode() & 0111) != 0 && !lower.endsWith(".sh")
                && !lower.endsWith(".py") && !lower.endsWith(".so");
    }

    @Override
    public long maxFileSize() {
        return 256L << 20;
    }

    @Override
    public PackageList analyze(AnalysisInput input) throws IOException {
        byte[] head = input.content().readNBytes(4);
        if (head.length < 4 || head[0] != 0x7f || head[1] != 'E' || head[2] != 'L' || head[3] != 'F') {
            return null;
        }
        byte[] rest = input.content().readAllBytes();
        byte[] file = new byte[4 + rest.length];
        System.arraycopy(head, 0, file, 0, 4);
        System.arraycopy(rest, 0, file, 4, rest.length);
        long[] section;
        try {
            section = elfSection(file, ".dep-v0");
        } catch (IndexOutOfBoundsException e) {
            return new PackageList(List.of(), List.of("/" + input.path() + ": ELF section headers cut off"));
        }
        if (section == null) {
            return null;
        }
        JsonNode root;
        try (var in = new InflaterInputStream(new ByteArrayInputStream(file, (int) section[0], (int) section[1]))) {
            byte[] json = in.readNBytes(MAX_JSON + 1);
            if (json.length > MAX_JSON) {
                throw new IOException("more than " + MAX_JSON + " bytes of JSON");
            }
            root = JSON.readTree(json);
        } catch (IOException e) {
            return new PackageList(List.of(), List.of("/" + input.path() + ": .dep-v0: " + e.getMessage()));
        }
        JsonNode packages = root == null ? null : root.get("packages");
        if (packages == null || !packages.isArray()) {
            return new PackageList(List.of(), List.of("/" + input.path() + ": .dep-v0 without packages"));
        }
        List<Package> out = new ArrayList<>();
        for (JsonNode p : packages) {
            if (p.path("kind").asText("runtime").equals("build") || p.path("root").asBoolean(false)
                    && !p.path("source").asText("").equals("crates.io")) {
                continue; // build scripts' dependencies, and the binary's own crate
            }
            List<String> deps = new ArrayList<>();
            for (JsonNode i : p.path("dependencies")) {
                JsonNode d = packages.get(i.asInt(-1));
                if (d != null) {
                    deps.add(d.path("name").asText());
                }
            }
            out.add(CargoLockAnalyzer.crate(p.path("name").asText(), p.path("version").asText(), input.path(), deps));
        }
        return PackageList.of(out);
    }

    /** Offset and size of the named section of an ELF file, or null. */
    static long[] elfSection(byte[] f, String wanted) {
        boolean is64 = f[4] == 2;
        ByteBuffer b = ByteBuffer.wrap(f).order(f[5] == 2 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        long shoff = is64 ? b.getLong(0x28) : Integer.toUnsignedLong(b.getInt(0x20));
        int shentsize = Short.toUnsignedInt(b.getShort(is64 ? 0x3a : 0x2e));
        int shnum = Math.min(Short.toUnsignedInt(b.getShort(is64 ? 0x3c : 0x30)), 4096);
        int shstrndx = Short.toUnsignedInt(b.getShort(is64 ? 0x3e : 0x32));
        if (shoff == 0 || shnum == 0 || shstrndx >= shnum) {
            return null;
        }
        long[] names = header(b, (int) (shoff + (long) shstrndx * shentsize), is64);
        for (int i = 0; i < shnum; i++) {
            int h = (int) (shoff + (long) i * shentsize);
            long[] s = header(b, h, is64);
            int nameAt = (int) (names[0] + Integer.toUnsignedLong(b.getInt(h)));
            int end = nameAt;
            while (end < f.length && f[end] != 0 && end - nameAt < 256) {
                end++;
            }
            if (new String(f, nameAt, end - nameAt, StandardCharsets.ISO_8859_1).equals(wanted)) {
                if (s[0] < 0 || s[1] < 0 || s[0] + s[1] > f.length) {
                    throw new IndexOutOfBoundsException();
                }
                return s;
            }
        }
        return null;
    }

    private static long[] header(ByteBuffer b, int h, boolean is64) {
        return is64 ? new long[] {b.getLong(h + 0x18), b.getLong(h + 0x20)}
                : new long[] {Integer.toUnsignedLong(b.getInt(h + 0x10)), Integer.toUnsignedLong(b.getInt(h + 0x14))};
    }
}
