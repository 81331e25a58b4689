package dev.drydock.dockerfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed Dockerfile.
 *
 * @param name          what the file is called in messages (its path, or {@code -} for stdin)
 * @param source        the whole source text
 * @param directives    parser directives
 * @param escape        the active escape character ({@code \} or {@code `})
 * @param globalArgs    ARG instructions before the first FROM
 * @param instructions  every instruction in order, including global ARGs and FROMs
 * @param stages        the build stages
 * @param comments      every comment line that is not a directive
 */
public record Dockerfile(String name, String source, List<Directive> directives, char escape,
                         List<Instruction> globalArgs, List<Instruction> instructions, List<Stage> stages,
                         List<Comment> comments) {

    public Dockerfile {
        directives = List.copyOf(directives);
        globalArgs = List.copyOf(globalArgs);
        instructions = List.copyOf(instructions);
        stages = List.copyOf(stages);
        comments = List.copyOf(comments);
    }

    public Optional<Directive> directive(String name) {
        return directives.stream().filter(d -> d.name().equalsIgnoreCase(name)).findFirst();
    }

    /** The last stage, the one {@code docker build} produces without {@code --target}; empty for no FROM. */
    public Optional<Stage> finalStage() {
        return stages.isEmpty() ? Optional.empty() : Optional.of(stages.get(stages.size() - 1));
    }

    /** The stage with that name (case-insensitive) or numeric index. */
    public Optional<Stage> stage(String nameOrIndex) {
        for (Stage s : stages) {
            if (s.name() != null && s.name().equalsIgnoreCase(nameOrIndex)) {
                return Optional.of(s);
            }
        }
        if (nameOrIndex != null && nameOrIndex.matches("\\d{1,6}")) {
            int i = Integer.parseInt(nameOrIndex);
            if (i < stages.size()) {
                return Optional.of(stages.get(i));
            }
        }
        return Optional.empty();
    }

    /** Lines of the source (without line terminators), for showing the offending line. */
    public List<String> lines() {
        return List.of(source.split("\r?\n", -1));
    }

    /** The instructions of one keyword across the whole file. */
    public List<Instruction> all(String keyword) {
        List<Instruction> out = new ArrayList<>();
        for (Instruction i : instructions) {
            if (i.is(keyword)) {
                out.add(i);
            }
        }
        return out;
    }

    /** Global ARG defaults. */
    public Map<String, String> globalArgDefaults() {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (Instruction i : globalArgs) {
            for (KeyValue kv : i.pairs()) {
                out.put(kv.key(), kv.value());
            }
        }
        return out;
    }
}
