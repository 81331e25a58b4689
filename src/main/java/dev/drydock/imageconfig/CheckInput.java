package dev.drydock.imageconfig;

import dev.drydock.analyzer.Analysis;
import dev.drydock.analyzer.os.OperatingSystem;
import dev.drydock.image.Image;
import dev.drydock.image.ImageConfig;
import dev.drydock.layer.MergedView;
import dev.drydock.scan.Inventory;
import dev.drydock.secret.SecretRules;
import dev.drydock.secret.SecretScanner;
import java.time.Clock;
import java.util.List;

/**
 * Everything the image checks read: nothing here is extracted to disk.
 *
 * @param image     the resolved image: config (runtime settings, history), layers, the tags the source knows
 * @param reference the REF as the user wrote it ({@code nginx:latest}, {@code docker-archive:app.tar}), for the tag
 *                  check; may be null
 * @param view      the merged final filesystem: modes, sizes, owners of every path
 * @param inventory the packages, each with the files it owns; may be null (then tools are reported without owners)
 * @param os        the detected OS, or null
 * @param accounts  the final passwd, shadow and group databases ({@link AccountsAnalyzer})
 * @param secrets   the shared secret engine, for secrets in ENV and labels
 * @param clock     today, for end-of-life
 */
public record CheckInput(Image image, String reference, MergedView view, Inventory inventory, OperatingSystem os,
                         Accounts accounts, SecretScanner secrets, Clock clock) {

    public CheckInput {
        accounts = accounts == null ? Accounts.NONE : accounts;
        secrets = secrets == null ? BuiltInSecrets.SCANNER : secrets;
        clock = clock == null ? Clock.systemUTC() : clock;
        if (os == null && inventory != null) {
            os = inventory.os();
        }
    }

    /**
     * The input for an analysed image whose analyzers included {@code accounts}; the OS comes from the inventory.
     *
     * @param secrets the secret engine the scan uses (null: the built-in rules)
     */
    public static CheckInput of(Analysis analysis, String reference, Inventory inventory, AccountsAnalyzer accounts,
                                SecretScanner secrets, Clock clock) {
        return new CheckInput(analysis.image(), reference, analysis.view(), inventory,
                inventory == null ? null : inventory.os(), Accounts.of(accounts, analysis.view(), analysis.layers()),
                secrets, clock);
    }

    public ImageConfig.ContainerConfig config() {
        return image.config().config();
    }

    public List<ImageConfig.History> history() {
        return image.config().history();
    }

    /** The index of the layer history entry {@code i} made, or null for an empty-layer step. */
    Integer layerOf(int historyIndex) {
        List<ImageConfig.History> h = history();
        if (h.get(historyIndex).emptyLayer()) {
            return null;
        }
        int layer = 0;
        for (int i = 0; i < historyIndex; i++) {
            if (!h.get(i).emptyLayer()) {
                layer++;
            }
        }
        return layer < image.layers().size() ? layer : null;
    }

    /** The built-in secret rules, loaded once. */
    private static final class BuiltInSecrets {
        static final SecretScanner SCANNER = new SecretScanner(SecretRules.builtIn());
    }
}
