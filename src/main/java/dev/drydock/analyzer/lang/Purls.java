package dev.drydock.analyzer.lang;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURLBuilder;

/** Package URLs for language packages, built with packageurl-java; a name it refuses gives {@code null}. */
public final class Purls {

    private Purls() {
    }

    /** {@code pkg:TYPE/NAMESPACE/NAME@VERSION}; namespace may be null. */
    public static String of(String type, String namespace, String name, String version) {
        try {
            PackageURLBuilder b = PackageURLBuilder.aPackageURL().withType(type).withName(name);
            if (namespace != null && !namespace.isEmpty()) {
                b.withNamespace(namespace);
            }
            if (version != null && !version.isEmpty()) {
                b.withVersion(version);
            }
            return b.build().canonicalize();
        } catch (MalformedPackageURLException | RuntimeException e) {
            return null;
        }
    }

    /** npm: a scoped name {@code @scope/name} puts the scope in the namespace. */
    public static String npm(String name, String version) {
        int slash = name.indexOf('/');
        if (name.startsWith("@") && slash > 0) {
            return of("npm", name.substring(0, slash), name.substring(slash + 1), version);
        }
        return of("npm", null, name, version);
    }
}
