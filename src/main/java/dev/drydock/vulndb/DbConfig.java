package dev.drydock.vulndb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.drydock.DrydockException.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The {@code db:} section of {@code .drydock.yaml} (docs/configuration.md):
 * <pre>
 * db:
 *   osv-base-url: https://mirror.example.com/osv   # default: osv.dev's bucket
 *   kev-url: https://mirror.example.com/kev.json    # "none" leaves KEV out
 *   ecosystems: [Debian, npm]                      # what db update downloads when not told
 * </pre>
 * Command-line options win over it.
 */
public record DbConfig(String osvBaseUrl, String kevUrl, List<String> ecosystems) {

    private static final Set<String> KEYS = Set.of("osv-base-url", "kev-url", "ecosystems");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    public static final DbConfig DEFAULT = new DbConfig(DbUpdater.DEFAULT_BASE_URL, DbUpdater.DEFAULT_KEV_URL, List.of());

    public DbConfig {
        ecosystems = ecosystems == null ? List.of() : List.copyOf(ecosystems);
    }

    /** {@code explicit} ({@code --config}) when given, else {@code .drydock.yaml}/{@code .yml} in {@code workDir} if present. */
    public static DbConfig load(Path explicit, Path workDir) {
        Path file = explicit;
        if (file == null) {
            for (String n : List.of(".drydock.yaml", ".drydock.yml")) {
                if (Files.isRegularFile(workDir.resolve(n))) {
                    file = workDir.resolve(n);
                    break;
                }
            }
            if (file == null) {
                return DEFAULT;
            }
        } else if (!Files.isRegularFile(file)) {
            throw new InputException(file + ": config file not found");
        }
        JsonNode root;
        try {
            if (Files.size(file) > 1024 * 1024) {
                throw new InputException(file + ": config file is larger than 1 MiB");
            }
            root = YAML.readTree(file.toFile());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new InputException(file + ": invalid YAML: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InputException(file + ": cannot read config file: " + e.getMessage(), e);
        }
        JsonNode db = root == null ? null : root.get("db");
        if (db == null || db.isNull()) {
            return DEFAULT;
        }
        if (!db.isObject()) {
            throw new InputException(file + ": db: must be a mapping (osv-base-url, kev-url, ecosystems)");
        }
        for (Iterator<String> it = db.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!KEYS.contains(k)) {
                throw new InputException(file + ": unknown key db." + k + " (known: osv-base-url, kev-url, ecosystems)");
            }
        }
        String base = db.hasNonNull("osv-base-url") ? db.get("osv-base-url").asText() : DEFAULT.osvBaseUrl();
        String kev = db.hasNonNull("kev-url") ? db.get("kev-url").asText() : DEFAULT.kevUrl();
        if ("none".equalsIgnoreCase(kev)) {
            kev = null;
        }
        List<String> ecos = List.of();
        JsonNode e = db.get("ecosystems");
        if (e != null && !e.isNull()) {
            if (!e.isArray()) {
                throw new InputException(file + ": db.ecosystems must be a list of osv.dev ecosystem names");
            }
            ecos = OsvRecords.strings(e);
        }
        return new DbConfig(base, kev, ecos);
    }
}
