package dev.drydock.analyzer.os;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The distribution an image is built on, from {@code os-release(5)}.
 *
 * @param id        {@code ID}, e.g. {@code debian}, {@code alpine}
 * @param versionId {@code VERSION_ID}, e.g. {@code 12}, {@code 3.20.1}; empty for rolling releases
 * @param idLike    {@code ID_LIKE}, e.g. {@code [rhel, fedora]}
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record OsRelease(String id, String versionId, String versionCodename, String prettyName, List<String> idLike) {

    public OsRelease {
        versionId = versionId == null ? "" : versionId;
        versionCodename = versionCodename == null ? "" : versionCodename;
        prettyName = prettyName == null ? "" : prettyName;
        idLike = idLike == null ? List.of() : List.copyOf(idLike);
    }

    @Override
    public String toString() {
        return versionId.isEmpty() ? id : id + " " + versionId;
    }
}
