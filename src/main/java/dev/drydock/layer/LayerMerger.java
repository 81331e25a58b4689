package dev.drydock.layer;

import dev.drydock.layer.MergedView.LayerChanges;
import dev.drydock.layer.MergedView.Owned;
import dev.drydock.layer.MergedView.Reason;
import dev.drydock.layer.MergedView.Removed;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Stacks layers into the final filesystem, a pure function of the walked layers. For each layer, in the order the OCI
 * image spec's {@code layer.md} implies: opaque directories hide everything lower layers put in them, whiteouts delete a
 * path and everything under it, then the layer's entries are laid on top (a file replacing a directory replaces its
 * whole tree; a directory over a directory only updates it). Whatever is hidden is recorded, with the layer that hid it.
 */
public final class LayerMerger {

    private final NavigableMap<String, Owned> tree = new TreeMap<>();
    private final List<Removed> removed = new ArrayList<>();
    private final Efficiency.Accumulator efficiency = new Efficiency.Accumulator();

    private int added;
    private int modified;
    private int deleted;
    private long addedBytes;
    private long modifiedBytes;
    private long deletedBytes;

    private LayerMerger() {
    }

    public static MergedView merge(List<LayerContents> layers) {
        LayerMerger m = new LayerMerger();
        List<LayerChanges> changes = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            changes.add(m.apply(layers.get(i), i));
        }
        return new MergedView(Collections.unmodifiableNavigableMap(m.tree), List.copyOf(m.removed), List.copyOf(changes),
                m.efficiency.result(layers));
    }

    private LayerChanges apply(LayerContents layer, int index) {
        added = 0;
        modified = 0;
        deleted = 0;
        addedBytes = 0;
        modifiedBytes = 0;
        deletedBytes = 0;
        // dive weighs a whiteout by what it deletes in the layers below, before anything of this layer applies
        for (String w : layer.whiteouts()) {
            Owned o = tree.get(w);
            efficiency.node(w, o != null && o.info().isDirectory() ? subtreeBytes(w) : 0);
        }
        for (String dir : layer.opaqueDirs()) {
            removeUnder(dir, index, Reason.OPAQUE_DIRECTORY);
        }
        for (String w : layer.whiteouts()) {
            Owned o = tree.remove(w);
            if (o != null) {
                hide(o, index, Reason.DELETED);
            }
            removeUnder(w, index, Reason.DELETED);
        }
        for (FileInfo f : layer.files()) {
            lay(f, index);
            if (!f.isDirectory()) {
                efficiency.node(f.path(), f.size());
            }
        }
        return new LayerChanges(index, added, modified, deleted, addedBytes, modifiedBytes, deletedBytes);
    }

    private void lay(FileInfo f, int index) {
        // a non-directory on the way down (a file where this entry needs a directory) is replaced
        String parent = LayerPaths.parent(f.path());
        while (!parent.isEmpty()) {
            Owned p = tree.get(parent);
            if (p != null && !p.info().isDirectory()) {
                tree.remove(parent);
                hide(p, index, Reason.OVERWRITTEN);
            }
            parent = LayerPaths.parent(parent);
        }
        Owned old = tree.put(f.path(), new Owned(f, index));
        if (old == null) {
            if (!f.isDirectory()) {
                added++;
                addedBytes += f.size();
            }
            return;
        }
        if (old.info().isDirectory() && f.isDirectory()) {
            return; // a directory re-declared: metadata only
        }
        if (old.info().isDirectory()) {
            removeUnder(f.path(), index, Reason.OVERWRITTEN);
        } else {
            removed.add(new Removed(old.info(), old.layer(), index, Reason.OVERWRITTEN));
        }
        if (!f.isDirectory()) {
            modified++;
            modifiedBytes += f.size();
        }
    }

    private void removeUnder(String dir, int index, Reason reason) {
        Map<String, Owned> under = dir.isEmpty() ? tree : tree.subMap(dir + "/", true, dir + "0", false);
        List<Owned> gone = new ArrayList<>(under.values());
        under.clear();
        for (Owned o : gone) {
            hide(o, index, reason);
        }
    }

    private void hide(Owned o, int index, Reason reason) {
        if (o.info().isDirectory()) {
            return;
        }
        removed.add(new Removed(o.info(), o.layer(), index, reason));
        if (reason != Reason.OVERWRITTEN) {
            deleted++;
            deletedBytes += o.info().size();
        }
    }

    private long subtreeBytes(String dir) {
        long sum = 0;
        for (Owned o : tree.subMap(dir + "/", true, dir + "0", false).values()) {
            sum += o.info().size();
        }
        return sum;
    }
}
