package dev.drydock.cli;

import dev.drydock.DrydockException.UsageException;
import dev.drydock.dockerfile.rules.Rule;
import dev.drydock.dockerfile.rules.RuleInfo;
import dev.drydock.dockerfile.rules.Rules;
import dev.drydock.dockerfile.rules.RulesDocument;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code drydock rules [ID...]}: list the Dockerfile rules, or explain some. */
@Command(name = "rules", mixinStandardHelpOptions = true,
        description = {"Lists the Dockerfile rules, or explains the ones named (drydock rules DL3008 DD0001)."})
final class RulesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "ID", description = "Rule ids to explain.")
    List<String> ids = List.of();

    @Option(names = "--markdown", description = "Print the full rule reference as Markdown (this is docs/rules.md).")
    boolean markdown;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (markdown) {
            out.print(RulesDocument.markdown(Rules.all()));
            out.flush();
            return ExitCodes.OK;
        }
        if (ids.isEmpty()) {
            for (Rule r : Rules.all()) {
                RuleInfo i = r.info();
                out.printf("%-7s %-8s %s%s%n", i.id(), i.severity().label(), i.title(), i.fixable() ? " [fixable]" : "");
            }
            out.flush();
            return ExitCodes.OK;
        }
        for (String id : ids) {
            RuleInfo i = Rules.byId(id).map(Rule::info)
                    .orElseThrow(() -> new UsageException("unknown rule id '" + id + "' (drydock rules lists them)"));
            out.println(i.id() + " (" + i.severity().label() + "): " + i.title());
            if (!i.aliases().isEmpty()) {
                out.println("Aliases: " + String.join(", ", i.aliases()));
            }
            out.println();
            out.println(i.rationale());
            out.println();
            out.println("Fix: " + i.fix());
            out.println();
            out.println("Reported:");
            i.failing().strip().lines().forEach(l -> out.println("    " + l));
            out.println("Not reported:");
            i.passing().strip().lines().forEach(l -> out.println("    " + l));
            out.println("Docs: " + i.docsUrl());
            out.println();
        }
        out.flush();
        return ExitCodes.OK;
    }
}
