package dev.drydock.dockerfile.rules;

import dev.drydock.dockerfile.Flag;
import dev.drydock.dockerfile.Instruction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Which JavaScript lock files a COPY/ADD or a RUN bind mount brings into a stage (DD0014). */
final class Lockfiles {

    static final List<String> NAMES = List.of("package-lock.json", "npm-shrinkwrap.json", "yarn.lock",
            "pnpm-lock.yaml");

    private Lockfiles() {
    }

    /**
     * Lock files among the sources of a COPY/ADD: matched by name or glob ({@code package*.json}), or, for a copied
     * directory ({@code .}, {@code app/}) from the build context, present in that directory.
     */
    static Set<String> copiedBy(Instruction i, Optional<Path> context) {
        Set<String> out = new LinkedHashSet<>();
        if (!(i.is("COPY") || i.is("ADD")) || i.args().size() < 2) {
            return out;
        }
        boolean fromContext = !i.hasFlag("from");
        for (String src : i.argTexts().subList(0, i.args().size() - 1)) {
            out.addAll(matching(src));
            if (fromContext && context.isPresent() && !src.contains("*") && !src.contains("$")) {
                for (String name : NAMES) {
                    Path dir = context.get().resolve(src.startsWith("/") ? src.substring(1) : src).normalize();
                    if (dir.startsWith(context.get()) && Files.isRegularFile(dir.resolve(name))) {
                        out.add(name);
                    }
                }
            }
        }
        return out;
    }

    /** Lock files bind-mounted into a RUN ({@code --mount=type=bind,source=package-lock.json,target=…}). */
    static Set<String> mountedBy(Instruction run) {
        Set<String> out = new LinkedHashSet<>();
        for (Flag f : run.flags("mount")) {
            if (f.mountType().equals("bind")) {
                String src = f.options().getOrDefault("source", f.options().getOrDefault("src", ""));
                out.addAll(matching(src));
            }
        }
        return out;
    }

    /** Lock file names the last path component of {@code source} matches (a glob as COPY reads it). */
    static List<String> matching(String source) {
        String base = source.endsWith("/") ? "" : source.substring(source.lastIndexOf('/') + 1);
        List<String> out = new ArrayList<>();
        if (base.isEmpty()) {
            return out;
        }
        Pattern glob = Pattern.compile(glob(base));
        for (String name : NAMES) {
            if (glob.matcher(name).matches()) {
                out.add(name);
            }
        }
        return out;
    }

    private static String glob(String g) {
        StringBuilder re = new StringBuilder();
        for (char ch : g.toCharArray()) {
            switch (ch) {
                case '*' -> re.append("[^/]*");
                case '?' -> re.append("[^/]");
                case '[', ']' -> re.append(ch);
                default -> re.append(Pattern.quote(String.valueOf(ch)));
            }
        }
        return re.toString();
    }
}
