package dev.drydock.vulndb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drydock.DrydockException.InputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the database lives, and the db: section of .drydock.yaml. */
class VulnDbLocationTest {

    @TempDir
    Path dir;

    @Test
    void optionThenDrydockCacheDirThenTheXdgCacheConvention() {
        assertThat(VulnDb.defaultPath(Path.of("/x/my.db"), Map.of("DRYDOCK_CACHE_DIR", "/c"), "/home/u")).isEqualTo(Path.of("/x/my.db"));
        assertThat(VulnDb.defaultPath(null, Map.of("DRYDOCK_CACHE_DIR", "/c", "XDG_CACHE_HOME", "/xdg"), "/home/u"))
                .isEqualTo(Path.of("/c/db/drydock.db"));
        assertThat(VulnDb.defaultPath(null, Map.of("XDG_CACHE_HOME", "/xdg"), "/home/u")).isEqualTo(Path.of("/xdg/drydock/db/drydock.db"));
        assertThat(VulnDb.defaultPath(null, Map.of("DRYDOCK_CACHE_DIR", " "), "/home/u")).isEqualTo(Path.of("/home/u/.cache/drydock/db/drydock.db"));
    }

    @Test
    void configSectionIsReadAndCheckedOptionsAbsentMeansDefaults() throws Exception {
        assertThat(DbConfig.load(null, dir)).isEqualTo(DbConfig.DEFAULT);
        Files.writeString(dir.resolve(".drydock.yaml"), "fail-on: error\ndb:\n  osv-base-url: http://127.0.0.1:9/osv\n  kev-url: none\n"
                + "  ecosystems: [Debian, 'Red Hat']\n");
        assertThat(DbConfig.load(null, dir)).isEqualTo(new DbConfig("http://127.0.0.1:9/osv", null, List.of("Debian", "Red Hat")));
        Files.writeString(dir.resolve(".drydock.yaml"), "db:\n  ecosystems: Debian\n");
        assertThatThrownBy(() -> DbConfig.load(null, dir)).isInstanceOf(InputException.class)
                .hasMessageContaining("db.ecosystems must be a list");
        Files.writeString(dir.resolve(".drydock.yaml"), "db: [1]\n");
        assertThatThrownBy(() -> DbConfig.load(null, dir)).hasMessageContaining("db: must be a mapping");
        assertThatThrownBy(() -> DbConfig.load(dir.resolve("missing.yaml"), dir)).hasMessageContaining("missing.yaml: config file not found");
    }
}
