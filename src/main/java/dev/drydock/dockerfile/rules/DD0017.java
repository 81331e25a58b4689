package dev.drydock.dockerfile.rules;

import dev.drydock.dockerfile.Instruction;
import dev.drydock.dockerfile.Word;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** {@code COPY . .} while the .dockerignore is missing or lets secrets and VCS history through. */
final class DD0017 implements Rule {

    private static final Set<String> WHOLE_CONTEXT = Set.of(".", "/", "*");
    private static final int SHOWN = 5;

    static final RuleInfo INFO = new RuleInfo("DD0017", Severity.WARNING,
            "Exclude .git, .env and keys with a .dockerignore before copying the whole build context",
            "`COPY . .` copies everything in the build context that .dockerignore does not exclude: the .git "
                    + "history (with every secret ever committed), `.env` files, private keys, `.npmrc` and cloud "
                    + "credentials end up in a layer that anyone who can pull the image can read, even if a later "
                    + "RUN deletes them. A large context also slows every build and busts the layer cache.",
            "Add a `.dockerignore` next to the build context (or `<Dockerfile>.dockerignore` beside the "
                    + "Dockerfile) with at least `.git`, `**/.env`, `**/*.pem`, `**/id_rsa`, `**/.npmrc` and `.aws`, "
                    + "or copy only what the build needs (`COPY src/ ./src/`).",
            List.of(),
            "WORKDIR /app\nCOPY . .\n",
            "WORKDIR /app\nCOPY package.json server.js ./\n",
            false);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(LintContext ctx, Violations out) {
        Optional<Path> context = ctx.buildContext();
        if (context.isEmpty()) {
            return;
        }
        String problem = null;
        for (Instruction i : ctx.dockerfile().instructions()) {
            Optional<Word> whole = wholeContextSource(i);
            if (whole.isPresent()) {
                if (problem == null) {
                    problem = problem(context.get(), ignoreFile(ctx, context.get()));
                }
                if (!problem.isEmpty()) {
                    out.report(i, whole.get().position(), i.keyword() + " " + whole.get().text() + " " + problem);
                }
            }
        }
    }

    private static Optional<Word> wholeContextSource(Instruction i) {
        if (!(i.is("COPY") || i.is("ADD")) || i.hasFlag("from") || i.args().size() < 2) {
            return Optional.empty();
        }
        return i.args().subList(0, i.args().size() - 1).stream()
                .filter(w -> WHOLE_CONTEXT.contains(DockerIgnore.clean(w.text()))).findFirst();
    }

    /** What is wrong with the context's ignore file for a whole-context copy; "" when nothing is. */
    private static String problem(Path context, Optional<Path> ignoreFile) {
        DockerIgnore ignore;
        try {
            ignore = ignoreFile.isPresent() ? DockerIgnore.parse(Files.readString(ignoreFile.get())) : null;
        } catch (IOException | RuntimeException e) {
            return "";
        }
        ContextSecrets.Found found = ContextSecrets.walk(context);
        List<String> copied = found.paths().stream().filter(p -> ignore == null || !ignore.excludes(p)).toList();
        String list = String.join(", ", copied.subList(0, Math.min(SHOWN, copied.size())))
                + (copied.size() > SHOWN ? " and " + (copied.size() - SHOWN) + " more" : "");
        if (ignore == null) {
            return copied.isEmpty()
                    ? "copies the whole build context and there is no .dockerignore; add one that excludes .git, "
                            + ".env, key files (*.pem, id_rsa), .npmrc and .aws"
                    : "copies " + list + " into the image: there is no .dockerignore";
        }
        if (!copied.isEmpty()) {
            return "copies " + list + " into the image: " + ignoreFile.get().getFileName() + " does not exclude "
                    + (copied.size() == 1 ? "it" : "them");
        }
        if (found.complete()) {
            return "";
        }
        List<String> missing = ContextSecrets.PROBES.stream().filter(p -> !ignore.excludes(p)).toList();
        return missing.isEmpty() ? "" : "copies the whole build context and " + ignoreFile.get().getFileName()
                + " does not exclude " + String.join(", ", missing);
    }

    /** BuildKit's choice: {@code <Dockerfile>.dockerignore} beside the Dockerfile, else the context's .dockerignore. */
    private static Optional<Path> ignoreFile(LintContext ctx, Path context) {
        String name = ctx.dockerfile().name();
        try {
            if (!name.equals("-") && !name.isBlank()) {
                Path df = Path.of(name);
                String specific = df.getFileName() + ".dockerignore";
                for (Path candidate : List.of(df.resolveSibling(specific), context.resolve(specific))) {
                    if (Files.isRegularFile(candidate)) {
                        return Optional.of(candidate);
                    }
                }
            }
        } catch (InvalidPathException e) {
            // a name that is no path (an editor buffer): only the context's .dockerignore applies
        }
        Path plain = context.resolve(".dockerignore");
        return Files.isRegularFile(plain) ? Optional.of(plain) : Optional.empty();
    }
}
