package dev.drydock.analyzer.lang.go;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The build information the Go linker embeds in every binary since Go 1.13, read as Go's own
 * {@code debug/buildinfo} reads it (https://go.dev/src/debug/buildinfo/buildinfo.go); hand-written because no Java
 * library does. A 32-byte header starting {@code \xff Go buildinf:} (16-byte aligned) holds the pointer size and
 * flags; from Go 1.18 (flag 2) the Go version and module information follow as two varint-length strings, before
 * that as two pointers to Go string headers, which need the executable's address map ({@link Executable}).
 *
 * @param goVersion e.g. {@code go1.21.5}
 * @param modules   the main module ({@code mod}) first, then every {@code dep}, each with its replacement if any
 */
record GoBuildInfo(String goVersion, String path, List<Module> modules) {

    record Module(String path, String version, String sum, boolean main, Module replacement) {
    }

    static final byte[] MAGIC = "\u00ff Go buildinf:".getBytes(StandardCharsets.ISO_8859_1);
    private static final int MAX_STRING = 1 << 22;

    /** Thrown for a Go binary whose build information cannot be read. */
    static final class Corrupt extends IOException {
        Corrupt(String message) {
            super(message);
        }
    }

    /** The build info in a binary, or null when it has none (not a Go binary). */
    static GoBuildInfo read(byte[] file) throws Corrupt {
        int at = find(file);
        if (at < 0) {
            return null;
        }
        if (at + 32 > file.length) {
            throw new Corrupt("build info header cut off at byte " + at);
        }
        int ptrSize = file[at + 14];
        int flags = file[at + 15];
        String version;
        String mod;
        if ((flags & 2) != 0) {
            int[] pos = {at + 32};
            version = varintString(file, pos);
            mod = varintString(file, pos);
        } else {
            if (ptrSize != 4 && ptrSize != 8) {
                throw new Corrupt("build info pointer size " + ptrSize);
            }
            ByteOrder order = (flags & 1) != 0 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
            Executable exe = Executable.of(file);
            if (exe == null) {
                throw new Corrupt("pre-1.18 build info in a file that is not ELF, Mach-O or PE");
            }
            version = exe.goString(pointer(file, at + 16, ptrSize, order), ptrSize, order);
            mod = exe.goString(pointer(file, at + 16 + ptrSize, ptrSize, order), ptrSize, order);
        }
        if (version == null || !version.startsWith("go")) {
            throw new Corrupt("build info without a Go version");
        }
        // the module text is framed by two 16-byte sentinels
        if (mod.length() >= 33 && mod.charAt(mod.length() - 17) == '\n') {
            mod = mod.substring(16, mod.length() - 16);
        } else {
            mod = "";
        }
        return parse(version, mod);
    }

    static GoBuildInfo parse(String version, String mod) {
        String path = null;
        List<Module> modules = new ArrayList<>();
        for (String line : mod.split("\n")) {
            String[] f = line.split("\t");
            switch (f[0]) {
                case "path" -> path = f.length > 1 ? f[1] : null;
                case "mod", "dep" -> {
                    if (f.length >= 3) {
                        modules.add(new Module(f[1], f[2], f.length > 3 ? f[3] : "", f[0].equals("mod"), null));
                    }
                }
                case "=>" -> {
                    if (f.length >= 2 && !modules.isEmpty()) {
                        Module last = modules.remove(modules.size() - 1);
                        modules.add(new Module(last.path(), last.version(), last.sum(), last.main(),
                                new Module(f[1], f.length > 2 ? f[2] : "", f.length > 3 ? f[3] : "", false, null)));
                    }
                }
                default -> { }
            }
        }
        return new GoBuildInfo(version, path, modules);
    }

    private static int find(byte[] file) {
        outer:
        for (int i = 0; i + MAGIC.length <= file.length; i += 16) {
            for (int j = 0; j < MAGIC.length; j++) {
                if (file[i + j] != MAGIC[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static String varintString(byte[] file, int[] pos) throws Corrupt {
        long len = 0;
        int shift = 0;
        while (true) {
            if (pos[0] >= file.length || shift > 63) {
                throw new Corrupt("build info string length cut off");
            }
            int b = file[pos[0]++] & 0xff;
            len |= (long) (b & 0x7f) << shift;
            if (b < 0x80) {
                break;
            }
            shift += 7;
        }
        if (len > MAX_STRING || pos[0] + len > file.length) {
            throw new Corrupt("build info string of " + len + " bytes runs past the end of the file");
        }
        String s = new String(file, pos[0], (int) len, StandardCharsets.UTF_8);
        pos[0] += (int) len;
        return s;
    }

    static long pointer(byte[] file, int at, int ptrSize, ByteOrder order) throws Corrupt {
        if (at < 0 || at + ptrSize > file.length) {
            throw new Corrupt("pointer at " + at + " runs past the end of the file");
        }
        ByteBuffer b = ByteBuffer.wrap(file, at, ptrSize).order(order);
        return ptrSize == 8 ? b.getLong() : Integer.toUnsignedLong(b.getInt());
    }

    static int maxString() {
        return MAX_STRING;
    }
}
