package dev.drydock.dockerfile;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Parses Dockerfiles the way BuildKit's frontend does (moby/buildkit {@code frontend/dockerfile/parser}).
 */
public final class DockerfileParser {

    /** Files larger than this are refused (BuildKit itself has no limit, but a Dockerfile this big is not one). */
    public static final long MAX_SIZE = 8L * 1024 * 1024;

    private DockerfileParser() {
    }

    /** Parses source text; {@code name} is used in error messages and findings. */
    public static Dockerfile parse(String name, String source) throws DockerfileSyntaxException {
        throw new UnsupportedOperationException("implemented by the parser work");
    }
}
