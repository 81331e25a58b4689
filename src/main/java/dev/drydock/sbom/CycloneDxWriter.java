package dev.drydock.sbom;

import dev.drydock.Version;
import dev.drydock.analyzer.Package;
import dev.drydock.analyzer.os.OperatingSystem;
import dev.drydock.scan.Inventory;
import dev.drydock.scan.Subject;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.cyclonedx.generators.BomGeneratorFactory;
import org.cyclonedx.model.Bom;
import org.cyclonedx.model.Component;
import org.cyclonedx.model.Dependency;
import org.cyclonedx.model.Evidence;
import org.cyclonedx.model.License;
import org.cyclonedx.model.LicenseChoice;
import org.cyclonedx.model.Metadata;
import org.cyclonedx.model.Property;
import org.cyclonedx.model.component.evidence.Occurrence;
import org.cyclonedx.model.license.Expression;
import org.cyclonedx.model.metadata.ToolInformation;

/**
 * CycloneDX 1.6 JSON (https://cyclonedx.org/docs/1.6/json/) through cyclonedx-core-java: the image (or directory) as
 * the metadata component, the OS as an {@code operating-system} component, one {@code library} component per package
 * with its purl, licences, and where it was found as evidence occurrences and {@code drydock:} properties; dependencies
 * where the package format tells them. The timestamp is left out unless {@link SbomModel#created()} gives one.
 */
final class CycloneDxWriter {

    static final String ROOT_REF = "drydock:subject";
    static final String OS_REF = "drydock:os";

    private CycloneDxWriter() {
    }

    static void write(SbomModel model, Writer out) throws IOException {
        Inventory inv = model.inventory();
        Bom bom = new Bom();
        bom.setSerialNumber("urn:uuid:" + model.uuid());
        bom.setVersion(1);
        Metadata metadata = new Metadata();
        metadata.setTimestamp(model.created() == null ? null : Date.from(model.created())); // the library sets now
        Component tool = new Component();
        tool.setType(Component.Type.APPLICATION);
        tool.setName("drydock");
        tool.setVersion(Version.get());
        ToolInformation tools = new ToolInformation();
        tools.setComponents(List.of(tool));
        metadata.setToolChoice(tools);
        metadata.setComponent(subject(inv.subject()));
        bom.setMetadata(metadata);

        List<Component> components = new ArrayList<>();
        List<Dependency> dependencies = new ArrayList<>();
        Dependency root = new Dependency(ROOT_REF);
        Dependency os = null;
        if (inv.os() != null) {
            components.add(os(inv.os()));
            os = new Dependency(OS_REF);
            root.addDependency(new Dependency(OS_REF));
        }
        for (SbomModel.Entry e : model.entries()) {
            components.add(component(e));
            if (os != null && model.isOs(e)) {
                os.addDependency(new Dependency(e.ref()));
            } else {
                root.addDependency(new Dependency(e.ref()));
            }
        }
        dependencies.add(root);
        if (os != null) {
            dependencies.add(os);
        }
        for (SbomModel.Entry e : model.entries()) {
            Dependency d = new Dependency(e.ref());
            e.dependsOn().forEach(ref -> d.addDependency(new Dependency(ref)));
            dependencies.add(d);
        }
        bom.setComponents(components);
        bom.setDependencies(dependencies);
        try {
            out.write(BomGeneratorFactory.createJson(org.cyclonedx.Version.VERSION_16, bom).toJsonString());
        } catch (org.cyclonedx.exception.GeneratorException e) {
            throw new IOException("cannot write CycloneDX: " + e.getMessage(), e);
        }
        out.write("\n");
    }

    private static Component subject(Subject s) {
        Component c = new Component();
        c.setBomRef(ROOT_REF);
        c.setName(s.name());
        if (s.isDirectory()) {
            c.setType(Component.Type.FILE);
            return c;
        }
        c.setType(Component.Type.CONTAINER);
        c.setVersion(s.digest());
        List<Property> props = new ArrayList<>();
        props.add(new Property("drydock:image:digest", s.digest()));
        props.add(new Property("drydock:image:id", s.imageId()));
        s.tags().forEach(t -> props.add(new Property("drydock:image:tag", t)));
        if (s.platform() != null) {
            props.add(new Property("drydock:image:platform", s.platform()));
        }
        c.setProperties(props);
        return c;
    }

    private static Component os(OperatingSystem os) {
        Component c = new Component();
        c.setBomRef(OS_REF);
        c.setType(Component.Type.OPERATING_SYSTEM);
        c.setName(os.id());
        if (os.versionId() != null && !os.versionId().isEmpty()) {
            c.setVersion(os.versionId());
        }
        if (os.name() != null && !os.name().isEmpty()) {
            c.setDescription(os.name());
        }
        return c;
    }

    private static Component component(SbomModel.Entry e) {
        Package p = e.pkg();
        Component c = new Component();
        c.setBomRef(e.ref());
        c.setType(Component.Type.LIBRARY);
        String name = p.name();
        if ("Maven".equals(p.ecosystem()) && name.indexOf(':') > 0) {
            c.setGroup(name.substring(0, name.indexOf(':')));
            name = name.substring(name.indexOf(':') + 1);
        }
        c.setName(name);
        if (p.version() != null && !p.version().isEmpty()) {
            c.setVersion(p.version());
        }
        if (p.purl() != null) {
            c.setPurl(p.purl());
        }
        if (p.dev()) {
            c.setScope(Component.Scope.EXCLUDED);
        }
        LicenseChoice licences = licences(p.licenses());
        if (licences != null) {
            c.setLicenses(licences);
        }
        List<Property> props = new ArrayList<>();
        props.add(new Property("drydock:ecosystem", p.ecosystem()));
        if (p.layer() != null) {
            props.add(new Property("drydock:layer", p.layer()));
        }
        if (p.path() != null) {
            props.add(new Property("drydock:path", "/" + p.path()));
        }
        if (p.arch() != null) {
            props.add(new Property("drydock:arch", p.arch()));
        }
        if (p.sourceName() != null) {
            props.add(new Property("drydock:source:name", p.sourceName()));
        }
        if (p.sourceVersion() != null) {
            props.add(new Property("drydock:source:version", p.sourceVersion()));
        }
        if (p.dev()) {
            props.add(new Property("drydock:dev", "true"));
        }
        c.setProperties(props);
        if (p.path() != null) {
            Occurrence o = new Occurrence();
            o.setLocation("/" + p.path());
            if (p.layer() != null) {
                o.setAdditionalContext("layer " + p.layer());
            }
            Evidence ev = new Evidence();
            ev.setOccurrences(List.of(o));
            c.setEvidence(ev);
        }
        return c;
    }

    /**
     * One SPDX expression alone goes in {@code expression} (the schema allows one expression or a list of licences,
     * never both); otherwise each licence is an SPDX {@code id} when the list knows it, else a {@code name}.
     */
    static LicenseChoice licences(List<String> declared) {
        List<String> ls = declared.stream().filter(l -> l != null && !l.isBlank()).map(String::strip).distinct().toList();
        if (ls.isEmpty()) {
            return null;
        }
        LicenseChoice choice = new LicenseChoice();
        if (ls.size() == 1 && SpdxLicenses.id(ls.get(0)) == null && SpdxLicenses.expression(ls.get(0)) != null) {
            choice.setExpression(new Expression(SpdxLicenses.expression(ls.get(0))));
            return choice;
        }
        for (String l : ls) {
            License license = new License();
            String id = SpdxLicenses.id(l);
            if (id != null && !id.endsWith("+")) {
                license.setId(id);
            } else {
                license.setName(l);
            }
            choice.addLicense(license);
        }
        return choice;
    }
}
