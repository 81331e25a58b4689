package dev.drydock.layer;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One entry of a layer tar, as recorded by the {@link LayerWalker}.
 *
 * @param path     normalised: relative to the root, no leading {@code /} or {@code ./}, no {@code .} or {@code ..}
 * @param type     what kind of entry
 * @param size     content bytes (0 for everything but regular files)
 * @param mode     permission bits including setuid/setgid/sticky ({@code 07777})
 * @param linkName a symlink's target as written, or a hardlink's normalised target path; empty otherwise
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FileInfo(String path, Type type, long size, int mode, long uid, long gid, String linkName, long modTime) {

    public FileInfo {
        linkName = linkName == null ? "" : linkName;
    }

    public enum Type { FILE, DIRECTORY, SYMLINK, HARDLINK, CHAR_DEVICE, BLOCK_DEVICE, FIFO }

    @JsonIgnore
    public boolean isDirectory() {
        return type == Type.DIRECTORY;
    }

    @JsonIgnore
    public boolean isRegular() {
        return type == Type.FILE;
    }

    /** The base name, e.g. {@code os-release} for {@code etc/os-release}. */
    @JsonIgnore
    public String name() {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }
}
