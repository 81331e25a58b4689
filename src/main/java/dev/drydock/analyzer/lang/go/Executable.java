package dev.drydock.analyzer.lang.go;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Just enough of ELF, Mach-O and PE to turn a virtual address into a file offset: their loadable segments
 * (ELF program headers, Mach-O {@code LC_SEGMENT(_64)}, PE section headers). Pre-1.18 Go build info points at its
 * strings by address. Hand-written: the formats are stable and only these few fields are needed.
 */
final class Executable {

    private record Segment(long vaddr, long offset, long size) {
    }

    private final byte[] file;
    private final List<Segment> segments;

    private Executable(byte[] file, List<Segment> segments) {
        this.file = file;
        this.segments = segments;
    }

    /** The address map of an ELF, Mach-O or PE file; null for anything else. */
    static Executable of(byte[] f) throws GoBuildInfo.Corrupt {
        try {
            if (f.length > 64 && f[0] == 0x7f && f[1] == 'E' && f[2] == 'L' && f[3] == 'F') {
                return elf(f);
            }
            if (f.length > 32) {
                int magic = ByteBuffer.wrap(f, 0, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
                if (magic == 0xfeedface || magic == 0xfeedfacf) {
                    return macho(f, magic == 0xfeedfacf);
                }
            }
            if (f.length > 64 && f[0] == 'M' && f[1] == 'Z') {
                return pe(f);
            }
            return null;
        } catch (IndexOutOfBoundsException | java.nio.BufferUnderflowException e) {
            throw new GoBuildInfo.Corrupt("executable headers cut off");
        }
    }

    private static Executable elf(byte[] f) {
        boolean is64 = f[4] == 2;
        ByteBuffer b = ByteBuffer.wrap(f).order(f[5] == 2 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        long phoff = is64 ? b.getLong(0x20) : Integer.toUnsignedLong(b.getInt(0x1c));
        int phentsize = Short.toUnsignedInt(b.getShort(is64 ? 0x36 : 0x2a));
        int phnum = Math.min(Short.toUnsignedInt(b.getShort(is64 ? 0x38 : 0x2c)), 512);
        List<Segment> segs = new ArrayList<>();
        for (int i = 0; i < phnum; i++) {
            int p = (int) (phoff + (long) i * phentsize);
            if (b.getInt(p) != 1) { // PT_LOAD
                continue;
            }
            if (is64) {
                segs.add(new Segment(b.getLong(p + 0x10), b.getLong(p + 0x08), b.getLong(p + 0x20)));
            } else {
                segs.add(new Segment(Integer.toUnsignedLong(b.getInt(p + 0x08)),
                        Integer.toUnsignedLong(b.getInt(p + 0x04)), Integer.toUnsignedLong(b.getInt(p + 0x10))));
            }
        }
        return new Executable(f, segs);
    }

    private static Executable macho(byte[] f, boolean is64) {
        ByteBuffer b = ByteBuffer.wrap(f).order(ByteOrder.LITTLE_ENDIAN);
        int ncmds = Math.min(b.getInt(16), 4096);
        int p = is64 ? 32 : 28;
        List<Segment> segs = new ArrayList<>();
        for (int i = 0; i < ncmds; i++) {
            int cmd = b.getInt(p);
            int size = b.getInt(p + 4);
            if (cmd == 0x19) { // LC_SEGMENT_64
                segs.add(new Segment(b.getLong(p + 24), b.getLong(p + 40), b.getLong(p + 48)));
            } else if (cmd == 0x1) { // LC_SEGMENT
                segs.add(new Segment(Integer.toUnsignedLong(b.getInt(p + 24)), Integer.toUnsignedLong(b.getInt(p + 32)),
                        Integer.toUnsignedLong(b.getInt(p + 36))));
            }
            if (size <= 0) {
                break;
            }
            p += size;
        }
        return new Executable(f, segs);
    }

    private static Executable pe(byte[] f) {
        ByteBuffer b = ByteBuffer.wrap(f).order(ByteOrder.LITTLE_ENDIAN);
        int pe = b.getInt(0x3c);
        int nsections = Short.toUnsignedInt(b.getShort(pe + 6));
        int optSize = Short.toUnsignedInt(b.getShort(pe + 20));
        int opt = pe + 24;
        boolean plus = Short.toUnsignedInt(b.getShort(opt)) == 0x20b;
        long imageBase = plus ? b.getLong(opt + 24) : Integer.toUnsignedLong(b.getInt(opt + 28));
        List<Segment> segs = new ArrayList<>();
        for (int i = 0, s = opt + optSize; i < Math.min(nsections, 256); i++, s += 40) {
            segs.add(new Segment(imageBase + Integer.toUnsignedLong(b.getInt(s + 12)),
                    Integer.toUnsignedLong(b.getInt(s + 20)), Integer.toUnsignedLong(b.getInt(s + 16))));
        }
        return new Executable(f, segs);
    }

    private int offsetOf(long vaddr, long length) throws GoBuildInfo.Corrupt {
        for (Segment s : segments) {
            if (vaddr >= s.vaddr() && vaddr - s.vaddr() + length <= s.size()) {
                long off = s.offset() + (vaddr - s.vaddr());
                if (off >= 0 && off + length <= file.length) {
                    return (int) off;
                }
            }
        }
        throw new GoBuildInfo.Corrupt("address 0x" + Long.toHexString(vaddr) + " is in no loaded segment");
    }

    /** A Go string header ({@code data pointer, length}) at vaddr, and the bytes it points to. */
    String goString(long vaddr, int ptrSize, ByteOrder order) throws GoBuildInfo.Corrupt {
        int header = offsetOf(vaddr, 2L * ptrSize);
        long data = GoBuildInfo.pointer(file, header, ptrSize, order);
        long len = GoBuildInfo.pointer(file, header + ptrSize, ptrSize, order);
        if (len > GoBuildInfo.maxString()) {
            throw new GoBuildInfo.Corrupt("build info string of " + len + " bytes");
        }
        int at = offsetOf(data, len);
        return new String(file, at, (int) len, StandardCharsets.UTF_8);
    }
}
