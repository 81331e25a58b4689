package dev.drydock.dockerfile.rules;

import dev.drydock.dockerfile.Stage;
import dev.drydock.image.ImageReference;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** A base image, or the distribution in its tag, that is past end of life. */
final class DD0024 implements Rule {

    static final RuleInfo INFO = new RuleInfo("DD0024", Severity.INFO,
            "Do not build on end-of-life base images",
            "Once a distribution or language runtime reaches end of life, nobody publishes security fixes for it "
                    + "any more: every new vulnerability in its packages stays open for good, scanners report a "
                    + "growing list you cannot fix by rebuilding, and package mirrors eventually disappear and "
                    + "break the build. The openjdk image was deprecated on Docker Hub in 2022 and gets no updates.",
            "Move to a supported release (e.g. `debian:12`, `ubuntu:24.04`, `python:3.13`, `node:22`, "
                    + "`alpine:3.22`, `golang:1.25`); for CentOS use `rockylinux`, `almalinux` or a UBI image, "
                    + "for openjdk use `eclipse-temurin` or `amazoncorretto`.",
            List.of(),
            "FROM python:3.7-slim-buster\n",
            "FROM python:3.13-slim-bookworm\n",
            false);

    private final Clock clock;

    DD0024() {
        this(Clock.systemUTC());
    }

    /** With a fixed clock, for tests whose expectations depend on the date. */
    DD0024(Clock clock) {
        this.clock = clock;
    }

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(LintContext ctx, Violations out) {
        LocalDate today = LocalDate.now(clock);
        for (Stage s : ctx.dockerfile().stages()) {
            String image = s.imageExpanded();
            if (s.buildsOnStage() || s.isScratch() || image == null || image.contains("$")) {
                continue;
            }
            Optional<ImageReference> ref = ImageReference.tryParse(image);
            if (ref.isEmpty()) {
                continue;
            }
            List<EndOfLife.Finding> found = EndOfLife.of(shortName(ref.get()), ref.get().tag(), today);
            if (!found.isEmpty()) {
                out.report(s.from(), s.from().args().isEmpty() ? s.from().start() : s.from().args().get(0).position(),
                        image + ": " + found.stream().map(Object::toString).collect(Collectors.joining("; "))
                                + "; it gets no security updates");
            }
        }
    }

    /** {@code python} for Docker Hub's official image and its mirrors ({@code public.ecr.aws/docker/library/python}). */
    static String shortName(ImageReference ref) {
        String repo = ref.repository();
        int lib = repo.lastIndexOf("library/");
        if (lib == 0 || lib > 0 && repo.charAt(lib - 1) == '/') {
            return repo.substring(lib + "library/".length());
        }
        return repo.equals("centos/centos") ? "centos" : repo;
    }
}
