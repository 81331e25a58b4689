package dev.drydock.cli;

import dev.drydock.DrydockException.InputException;
import dev.drydock.dockerfile.DockerfileParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** Turns PATH arguments into Dockerfile inputs: files, directories searched for Dockerfiles, and stdin. */
final class Inputs {

    /** How deep a directory argument is searched, and how many files at most, so a wrong argument cannot hang. */
    static final int MAX_DEPTH = 8;
    static final int MAX_FILES = 10_000;

    private Inputs() {
    }

    static List<Input> expand(List<String> args) {
        List<Input> out = new ArrayList<>();
        for (String a : args) {
            if (a.equals("-")) {
                out.add(new Input.Stdin());
                continue;
            }
            Path p = Path.of(a);
            if (Files.isDirectory(p)) {
                List<Path> found = find(p);
                if (found.isEmpty()) {
                    throw new InputException(a + ": no Dockerfile found in this directory (looked for Dockerfile, Containerfile,"
                            + " *.Dockerfile, Dockerfile.*)");
                }
                found.forEach(f -> out.add(new Input.File(f.toString(), f)));
            } else {
                out.add(new Input.File(a, p));
            }
        }
        return out;
    }

    static boolean looksLikeDockerfile(String fileName) {
        String n = fileName.toLowerCase(Locale.ROOT);
        if (n.endsWith(".dockerignore") || n.endsWith(".md") || n.endsWith(".txt")) {
            return false;
        }
        return n.equals("dockerfile") || n.equals("containerfile") || n.endsWith(".dockerfile") || n.endsWith(".containerfile")
                || n.startsWith("dockerfile.") || n.startsWith("containerfile.");
    }

    private static List<Path> find(Path dir) {
        try (Stream<Path> s = Files.walk(dir, MAX_DEPTH, new FileVisitOption[0])) {
            return s.filter(p -> !p.toString().contains("/.git/") && !p.toString().contains("/node_modules/"))
                    .filter(p -> looksLikeDockerfile(p.getFileName().toString()))
                    .filter(Files::isRegularFile)
                    .limit(MAX_FILES)
                    .sorted()
                    .toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new InputException(dir + ": cannot search directory: " + e.getMessage());
        }
    }

    /** Decodes bytes as a text Dockerfile: UTF-8, no NUL bytes, bounded size. */
    static String decode(String name, byte[] bytes) {
        if (bytes.length > DockerfileParser.MAX_SIZE) {
            throw new InputException(name + ": file is " + bytes.length / (1024 * 1024) + " MiB; Dockerfiles larger than "
                    + DockerfileParser.MAX_SIZE / (1024 * 1024) + " MiB are refused (is this really a Dockerfile?)");
        }
        for (int i = 0; i < Math.min(bytes.length, 8192); i++) {
            if (bytes[i] == 0) {
                throw new InputException(name + ": not a text file (NUL byte at offset " + i + "); is this really a Dockerfile?");
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new InputException(name + ": not valid UTF-8 text; Dockerfiles must be UTF-8");
        }
    }

    static byte[] readBounded(String name, InputStream in) throws IOException {
        byte[] b = in.readNBytes((int) DockerfileParser.MAX_SIZE + 1);
        if (b.length > DockerfileParser.MAX_SIZE) {
            throw new InputException(name + ": more than " + DockerfileParser.MAX_SIZE / (1024 * 1024)
                    + " MiB; Dockerfiles that large are refused (is this really a Dockerfile?)");
        }
        return b;
    }

    /** One Dockerfile to lint. */
    sealed interface Input {
        String name();

        String read();

        Path defaultContext();

        void write(String text) throws IOException;

        record File(String name, Path path) implements Input {
            @Override
            public String read() {
                try {
                    if (!Files.exists(path)) {
                        throw new InputException(name + ": no such file");
                    }
                    if (!Files.isRegularFile(path)) {
                        throw new InputException(name + ": not a regular file");
                    }
                    if (Files.size(path) > DockerfileParser.MAX_SIZE) {
                        throw new InputException(name + ": file is " + Files.size(path) / (1024 * 1024) + " MiB; Dockerfiles larger than "
                                + DockerfileParser.MAX_SIZE / (1024 * 1024) + " MiB are refused (is this really a Dockerfile?)");
                    }
                    try (InputStream in = Files.newInputStream(path)) {
                        return decode(name, readBounded(name, in));
                    }
                } catch (IOException e) {
                    throw new InputException(name + ": cannot read: " + e.getMessage());
                }
            }

            @Override
            public Path defaultContext() {
                Path parent = path.toAbsolutePath().getParent();
                return parent;
            }

            @Override
            public void write(String text) throws IOException {
                Path tmp = path.resolveSibling("." + path.getFileName() + ".drydock-fix");
                Files.writeString(tmp, text, StandardCharsets.UTF_8);
                Files.move(tmp, path, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            }
        }

        record Stdin() implements Input {
            @Override
            public String name() {
                return "-";
            }

            @Override
            public String read() {
                try {
                    return decode("-", readBounded("-", System.in));
                } catch (IOException e) {
                    throw new InputException("stdin: cannot read: " + e.getMessage());
                }
            }

            @Override
            public Path defaultContext() {
                return null;
            }

            @Override
            public void write(String text) {
                throw new IllegalStateException("stdin cannot be written");
            }
        }
    }
}
