package dev.drydock.image;

import dev.drydock.DrydockException.InputException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * From the descriptors at the top of a source (an OCI layout's {@code index.json}, a registry's manifest for a tag)
 * to one {@link Image}: follows nested indexes, chooses the manifest for the platform, reads and verifies the
 * manifest and config, and checks the layers against the config's diff_ids. Shared by every descriptor-addressed
 * source so they all choose and fail alike.
 */
public final class ManifestResolver {

    private static final int MAX_DEPTH = 8;
    private static final String REFERENCE_TYPE = "vnd.docker.reference.type";

    private final String source;
    private final BlobStore store;
    private final Predicate<Descriptor> present;

    /**
     * @param source  the source's name, for messages
     * @param store   where blobs come from
     * @param present whether the store holds a blob (foreign layers may be absent); others are assumed present
     */
    public ManifestResolver(String source, BlobStore store, Predicate<Descriptor> present) {
        this.source = source;
        this.store = store;
        this.present = present;
    }

    /**
     * @param roots    the top-level descriptors (manifests or indexes)
     * @param tags     the tags the source knows for the roots, for {@link Image#tags()}
     * @param platform asked for, or null for the default (and a lone image is then taken whatever its platform)
     */
    public Image resolve(List<Descriptor> roots, List<String> tags, Platform platform) throws IOException {
        List<Candidate> candidates = new ArrayList<>();
        for (Descriptor d : roots) {
            collect(d, null, 0, candidates);
        }
        if (candidates.isEmpty()) {
            throw new InputException(source + ": contains no image manifest");
        }
        Platform want = platform == null ? Platform.DEFAULT : platform;
        if (candidates.size() == 1 && candidates.get(0).platform == null) {
            Candidate only = candidates.get(0);
            Image image = load(only.descriptor, tags);
            if (platform != null && !platform.matches(image.platform())) {
                throw new InputException(source + ": no image for platform " + platform + "; available: "
                        + image.platform().normalized() + " (choose it with --platform " + image.platform().normalized() + ")");
            }
            return image;
        }
        Set<String> available = new LinkedHashSet<>();
        for (Candidate c : candidates) {
            Platform p = c.platform;
            ImageConfig config = null;
            if (p == null) {
                // a manifest without a platform in its index entry: its config says
                config = readConfig(readManifest(c.descriptor), c.descriptor);
                p = config.platform();
            }
            available.add(p.normalized().toString());
            if (want.matches(p)) {
                return load(c.descriptor, tags);
            }
        }
        throw new InputException(source + ": no image for platform " + want + "; available: " + String.join(", ", available)
                + " (choose one with --platform)");
    }

    private record Candidate(Descriptor descriptor, Platform platform) {
    }

    private void collect(Descriptor d, Platform inherited, int depth, List<Candidate> out) throws IOException {
        if (depth > MAX_DEPTH) {
            throw new InputException(source + ": indexes nested more than " + MAX_DEPTH + " deep at " + d.digest());
        }
        if ("attestation-manifest".equals(d.annotation(REFERENCE_TYPE))) {
            return; // buildkit provenance/SBOM attestations are not images
        }
        Platform p = d.platform() != null && !d.platform().isEmpty() ? d.platform() : inherited;
        if (MediaTypes.isIndex(d.mediaType())) {
            ImageIndex index = ImageJson.index(readVerified(d, ImageJson.MAX_MANIFEST_BYTES, "index " + d.digest()), what("index", d));
            for (Descriptor child : index.manifests()) {
                collect(child, p, depth + 1, out);
            }
        } else if (MediaTypes.isManifest(d.mediaType()) || d.mediaType() == null) {
            out.add(new Candidate(d, p));
        }
        // other artifacts (signatures, SBOMs attached as OCI artifacts) are not images: skipped
    }

    private Manifest readManifest(Descriptor d) throws IOException {
        byte[] json = readVerified(d, ImageJson.MAX_MANIFEST_BYTES, "manifest " + d.digest());
        String mediaType = ImageJson.mediaTypeOf(json, what("manifest", d));
        if (mediaType != null && MediaTypes.isIndex(mediaType)) {
            throw new InputException(what("manifest", d) + ": is an index, but its descriptor says " + d.mediaType());
        }
        return ImageJson.manifest(json, what("manifest", d));
    }

    private ImageConfig readConfig(Manifest m, Descriptor manifest) throws IOException {
        Descriptor c = m.config();
        byte[] json = readVerified(c, ImageJson.MAX_CONFIG_BYTES, "config " + c.digest() + " of manifest " + manifest.digest());
        return ImageJson.config(json, what("config", c));
    }

    private Image load(Descriptor d, List<String> tags) throws IOException {
        Manifest m = readManifest(d);
        ImageConfig config = readConfig(m, d);
        List<Digest> diffIds = config.diffIds();
        if (diffIds.size() != m.layers().size()) {
            throw new InputException(source + ": manifest " + d.digest() + " lists " + m.layers().size()
                    + " layers but its config has " + diffIds.size() + " diff_ids");
        }
        List<ImageConfig.History> history = config.layerHistory();
        List<Image.Layer> layers = new ArrayList<>();
        for (int i = 0; i < m.layers().size(); i++) {
            Descriptor l = m.layers().get(i);
            boolean here = present.test(l);
            if (!here && !MediaTypes.isForeign(l.mediaType())) {
                throw new InputException(source + ": manifest " + d.digest() + " names layer " + (i + 1) + " " + l.digest()
                        + " which is not in the image");
            }
            if (!MediaTypes.isLayer(l.mediaType())) {
                throw new InputException(source + ": layer " + (i + 1) + " " + l.digest() + " has media type '"
                        + l.mediaType() + "', which is not a layer type drydock knows");
            }
            layers.add(new Image.Layer(i, l, diffIds.get(i), history.get(i), here));
        }
        return new Image(source, d.digest(), m.config().digest(), config, layers, tags, m.annotations());
    }

    private String what(String kind, Descriptor d) {
        return source + ": " + kind + " " + d.digest();
    }

    /** Reads a small blob whole, verifying size and digest. */
    byte[] readVerified(Descriptor d, int max, String what) throws IOException {
        if (d.size() > max) {
            throw new InputException(source + ": " + what + " claims " + d.size() + " bytes; refusing more than " + max);
        }
        try (InputStream raw = store.open(d);
             DigestVerifyingInputStream in = new DigestVerifyingInputStream(raw, d.digest(), d.size() > 0 ? d.size() : -1,
                     source + ": " + what)) {
            byte[] bytes = ImageJson.readBounded(in, max, source + ": " + what);
            in.drainAndVerify();
            return bytes;
        } catch (FileNotFoundException | NoSuchFileException e) {
            throw new InputException(source + ": " + what + " is missing from the image");
        } catch (DigestMismatchException e) {
            throw new InputException(e.getMessage(), e);
        } catch (java.io.EOFException e) {
            throw new InputException(e.getMessage(), e);
        }
    }
}
