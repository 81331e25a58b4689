package dev.drydock.image.registry;

import dev.drydock.image.Descriptor;
import dev.drydock.image.Digest;
import dev.drydock.image.DigestVerifyingInputStream;
import dev.drydock.image.Image;
import dev.drydock.image.ImageReference;
import dev.drydock.image.ImageSource;
import dev.drydock.image.ManifestResolver;
import dev.drydock.image.MediaTypes;
import dev.drydock.image.Platform;
import dev.drydock.image.Progress;
import dev.drydock.image.SourceOptions;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A registry reference {@code [registry/]repo[:tag][@digest]}, pulled over the OCI distribution API v2. The manifest
 * for the tag (or digest) is the root handed to the {@link ManifestResolver}, which walks indexes and picks the
 * platform as for every other source; nested manifests come from the manifests endpoint, configs and layers from the
 * blobs endpoint. Every blob is verified while it streams, and blobs are cached on disk by digest ({@link BlobCache}).
 */
public final class RegistrySource implements ImageSource.Registry {

    /** Docker Hub's API host; {@code docker.io} itself only redirects browsers. */
    static final String DOCKER_HUB_API = "registry-1.docker.io";

    private final String name;
    private final ImageReference ref;
    private final RegistryClient client;
    private final ManifestPuller manifests;
    private final BlobPuller blobs;
    private final BlobCache cache;
    private final Progress progress;
    private final Map<Digest, byte[]> pulledManifests = new ConcurrentHashMap<>();

    RegistrySource(String name, ImageReference ref, RegistryClient client, BlobCache cache, Progress progress) {
        this.name = name;
        this.ref = ref;
        this.client = client;
        this.manifests = new ManifestPuller(client);
        this.blobs = new BlobPuller(client);
        this.cache = cache;
        this.progress = progress;
    }

    public static RegistrySource open(String name, ImageReference ref, SourceOptions options) {
        String apiHost = ref.isDockerHub() ? DOCKER_HUB_API : ref.registry();
        String flagUser = options.username();
        String flagPassword = options.password();
        DockerConfig config = DockerConfig.of(options.env(), options.userHome());
        RegistryClient client = new RegistryClient(ref.registry(), apiHost, ref.repository(), () -> {
            if (flagUser != null) {
                return Optional.of(Credentials.basic(flagUser, flagPassword == null ? "" : flagPassword, "--username"));
            }
            return config.lookup(ref.registry());
        }, options.timeout(), options.insecure(), options.env(), Thread::sleep);
        BlobCache cache = options.blobCacheDir() == null || options.blobCacheMax() <= 0 ? null
                : new BlobCache(options.blobCacheDir(), options.blobCacheMax());
        return new RegistrySource(name, ref, client, cache, options.progress());
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Image resolve(Platform platform) throws IOException {
        String reference = ref.hasDigest() ? ref.digest() : ref.hasTag() ? ref.tag() : "latest";
        ManifestPuller.Pulled root = manifests.pull(reference, name);
        pulledManifests.put(root.descriptor().digest(), root.bytes());
        List<String> tags = ref.hasTag() || !ref.hasDigest() ? List.of(ref.fullName() + ":" + (ref.hasTag() ? ref.tag() : "latest"))
                : List.of();
        ManifestResolver resolver = new ManifestResolver(name, this::openSmall, d -> !MediaTypes.isForeign(d.mediaType()));
        return resolver.resolve(List.of(root.descriptor()), tags, platform);
    }

    /** Manifests, indexes and configs for the resolver, which verifies them. */
    private InputStream openSmall(Descriptor d) throws IOException {
        byte[] known = pulledManifests.get(d.digest());
        if (known != null) {
            return new ByteArrayInputStream(known);
        }
        if (MediaTypes.isIndex(d.mediaType()) || MediaTypes.isManifest(d.mediaType())) {
            ManifestPuller.Pulled m = manifests.pull(d.digest().toString(), name);
            return new ByteArrayInputStream(m.bytes());
        }
        Optional<Path> hit = cache == null ? Optional.empty() : cache.get(d.digest());
        if (hit.isPresent()) {
            return Files.newInputStream(hit.get());
        }
        String what = name + ": blob " + d.digest();
        InputStream raw = counted(blobs.open(d, what));
        return cache == null ? raw : cache.caching(d.digest(), d.size(),
                new DigestVerifyingInputStream(raw, d.digest(), d.size() > 0 ? d.size() : -1, what));
    }

    @Override
    public InputStream openLayer(Image.Layer layer) throws IOException {
        Descriptor d = layer.blob();
        String what = name + ": layer " + (layer.index() + 1);
        Optional<Path> hit = cache == null ? Optional.empty() : cache.get(d.digest());
        if (hit.isPresent()) {
            return new DigestVerifyingInputStream(Files.newInputStream(hit.get()), d.digest(), d.size(), what + " (cached)");
        }
        InputStream verified = new DigestVerifyingInputStream(counted(blobs.open(d, what + " " + d.digest())), d.digest(),
                d.size(), what);
        return cache == null ? verified : cache.caching(d.digest(), d.size(), verified);
    }

    private InputStream counted(InputStream in) {
        if (!progress.enabled()) {
            return in;
        }
        return new FilterInputStream(in) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n > 0) {
                    progress.pulled(n);
                }
                return n;
            }
        };
    }

    @Override
    public void close() {
        pulledManifests.clear();
    }
}
