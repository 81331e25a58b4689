package dev.drydock.image;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;

/**
 * An image platform {@code os/arch[/variant]}, normalised the way containerd's {@code platforms.Normalize} does
 * (github.com/containerd/platforms {@code database.go}): {@code x86_64} → {@code amd64}, {@code aarch64} →
 * {@code arm64} with variant {@code v8} dropped (it is arm64's only variant), {@code arm} without a variant → {@code v7}.
 * {@link #toString()} is the inverse of {@link #parse(String)} for normalised input.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Platform(@JsonProperty("os") String os, @JsonProperty("architecture") String architecture,
                       @JsonProperty("variant") String variant) {

    /** What drydock picks from an index when no {@code --platform} is given. */
    public static final Platform DEFAULT = new Platform("linux", "amd64", "");

    public Platform {
        os = os == null ? "" : os;
        architecture = architecture == null ? "" : architecture;
        variant = variant == null ? "" : variant;
    }

    /**
     * Parses {@code os/arch[/variant]} and normalises it.
     *
     * @throws IllegalArgumentException naming the input and the expected form
     */
    public static Platform parse(String text) {
        String[] parts = text == null ? new String[0] : text.split("/", -1);
        if (parts.length < 2 || parts.length > 3) {
            throw new IllegalArgumentException("invalid platform '" + text + "': expected os/arch[/variant], e.g. linux/arm64");
        }
        for (String p : parts) {
            if (p.isEmpty() || !p.matches("[A-Za-z0-9_.-]+")) {
                throw new IllegalArgumentException("invalid platform '" + text + "': empty or invalid component '" + p
                        + "'; expected os/arch[/variant], e.g. linux/arm64");
            }
        }
        return new Platform(parts[0], parts[1], parts.length == 3 ? parts[2] : "").normalized();
    }

    /** containerd's normalisation; see the class comment. */
    public Platform normalized() {
        String o = os.toLowerCase(Locale.ROOT);
        if (o.equals("macos")) {
            o = "darwin";
        }
        String a = architecture.toLowerCase(Locale.ROOT);
        String v = variant.toLowerCase(Locale.ROOT);
        switch (a) {
            case "i386" -> a = "386";
            case "x86_64", "x86-64", "amd64" -> {
                a = "amd64";
                if (v.equals("v1")) {
                    v = "";
                }
            }
            case "aarch64", "arm64" -> {
                a = "arm64";
                if (v.equals("8") || v.equals("v8")) {
                    v = "";
                }
            }
            case "armhf" -> {
                a = "arm";
                v = "v7";
            }
            case "armel" -> {
                a = "arm";
                v = "v6";
            }
            case "arm" -> {
                if (v.isEmpty() || v.equals("7")) {
                    v = "v7";
                } else if (v.matches("[5-8]")) {
                    v = "v" + v;
                }
            }
            default -> {
            }
        }
        return new Platform(o, a, v);
    }

    /** Whether an image for {@code candidate} is what this (requested) platform asks for, both normalised. */
    public boolean matches(Platform candidate) {
        Platform want = normalized();
        Platform have = candidate.normalized();
        return want.os.equals(have.os) && want.architecture.equals(have.architecture) && want.variant.equals(have.variant);
    }

    @JsonIgnore
    public boolean isEmpty() {
        return os.isEmpty() && architecture.isEmpty();
    }

    @Override
    public String toString() {
        return os + "/" + architecture + (variant.isEmpty() ? "" : "/" + variant);
    }
}
