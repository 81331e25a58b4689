package dev.drydock.imageconfig;

import dev.drydock.analyzer.LayerResult;
import dev.drydock.layer.MergedView;
import java.util.List;
import java.util.Optional;

/**
 * The image's final account databases, each empty when the image has no such file.
 */
public record Accounts(List<Account> passwd, List<Account> shadow, List<Account> group) {

    public static final Accounts NONE = new Accounts(List.of(), List.of(), List.of());

    public Accounts {
        passwd = List.copyOf(passwd);
        shadow = List.copyOf(shadow);
        group = List.copyOf(group);
    }

    /** The final copies, from the results of {@code analyzer} in each layer. */
    public static Accounts of(AccountsAnalyzer analyzer, MergedView view, List<LayerResult> layers) {
        return new Accounts(read(analyzer, AccountFile.Kind.PASSWD, view, layers),
                read(analyzer, AccountFile.Kind.SHADOW, view, layers), read(analyzer, AccountFile.Kind.GROUP, view, layers));
    }

    private static List<Account> read(AccountsAnalyzer a, AccountFile.Kind kind, MergedView view, List<LayerResult> layers) {
        return a.finalCopy(kind, view, layers).map(AccountFile::accounts).orElse(List.of());
    }

    /** The passwd entry of a user name. */
    public Optional<Account> user(String name) {
        return passwd.stream().filter(a -> a.name().equals(name)).findFirst();
    }
}
