package dev.drydock.image;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An image configuration (github.com/opencontainers/image-spec {@code config.md}; Docker's is the same shape):
 * what the container runs, and the layers' uncompressed digests ({@code rootfs.diff_ids}) with their history.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ImageConfig(String architecture, String os, String variant, String created, String author,
                          ContainerConfig config, RootFs rootfs, List<History> history) {

    public ImageConfig {
        config = config == null ? new ContainerConfig(null, null, null, null, null, null, null, null, null, null, null) : config;
        rootfs = rootfs == null ? new RootFs("layers", List.of()) : rootfs;
        history = history == null ? List.of() : List.copyOf(history);
    }

    public Platform platform() {
        return new Platform(os, architecture, variant);
    }

    /** The uncompressed layer digests, base first. */
    public List<Digest> diffIds() {
        return rootfs.diffIds();
    }

    /**
     * The history entry of each layer: history lists every build step, and those marked {@code empty_layer} made no
     * layer, so they are skipped. A layer without a matching entry (history shorter than the layers) gets null.
     */
    public List<History> layerHistory() {
        List<History> out = new ArrayList<>();
        for (History h : history) {
            if (!h.emptyLayer()) {
                out.add(h);
            }
        }
        while (out.size() < diffIds().size()) {
            out.add(null);
        }
        return out.subList(0, diffIds().size());
    }

    /** The runtime part of the config (capitalised keys, as Docker writes them). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record ContainerConfig(@JsonProperty("User") String user,
                                  @JsonProperty("ExposedPorts") Map<String, Object> exposedPorts,
                                  @JsonProperty("Env") List<String> env,
                                  @JsonProperty("Entrypoint") List<String> entrypoint,
                                  @JsonProperty("Cmd") List<String> cmd,
                                  @JsonProperty("Volumes") Map<String, Object> volumes,
                                  @JsonProperty("WorkingDir") String workingDir,
                                  @JsonProperty("Labels") Map<String, String> labels,
                                  @JsonProperty("StopSignal") String stopSignal,
                                  @JsonProperty("Healthcheck") Healthcheck healthcheck,
                                  @JsonProperty("Shell") List<String> shell) {

        public ContainerConfig {
            exposedPorts = exposedPorts == null ? Map.of() : exposedPorts;
            env = env == null ? List.of() : List.copyOf(env);
            entrypoint = entrypoint == null ? List.of() : entrypoint;
            cmd = cmd == null ? List.of() : cmd;
            volumes = volumes == null ? Map.of() : volumes;
            labels = labels == null ? Map.of() : labels;
            shell = shell == null ? List.of() : shell;
        }
    }

    /** {@code HEALTHCHECK}; durations in nanoseconds. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Healthcheck(@JsonProperty("Test") List<String> test, @JsonProperty("Interval") Long interval,
                              @JsonProperty("Timeout") Long timeout, @JsonProperty("StartPeriod") Long startPeriod,
                              @JsonProperty("Retries") Integer retries) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RootFs(String type, @JsonProperty("diff_ids") List<Digest> diffIds) {
        public RootFs {
            diffIds = diffIds == null ? List.of() : List.copyOf(diffIds);
        }
    }

    /** One build step. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record History(String created, @JsonProperty("created_by") String createdBy, String author, String comment,
                          @JsonProperty("empty_layer") boolean emptyLayer) {
    }
}
