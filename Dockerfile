# syntax=docker/dockerfile:1.7
# drydock's own image. The build stage compiles with the Maven wrapper; the final image is distroless Java: no shell,
# no package manager, a non-root user, both bases pinned by digest. Scan something mounted into /work:
#   docker run --rm -v "$PWD:/work:ro" drydock dockerfile Dockerfile

FROM eclipse-temurin:17-jdk@sha256:abb3826b404269a005829b63e2e7bd48a7be32115ab7ba9fa0d8cba834360eef AS build
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -ntp -q dependency:go-offline
COPY src/ src/
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -ntp -q -DskipTests package \
    && cp target/drydock.jar /drydock.jar

FROM gcr.io/distroless/java17-debian12:nonroot@sha256:06484c2a9dcc9070aeafbc0fe752cb9f73bc0cea5c311f6a516e9010061998ad
LABEL org.opencontainers.image.title="drydock" \
      org.opencontainers.image.description="Container security: Dockerfile lint, image vulnerabilities, secrets, SBOMs" \
      org.opencontainers.image.licenses="Apache-2.0" \
      org.opencontainers.image.source="https://github.com/drydock-dev/drydock"
COPY --from=build /drydock.jar /opt/drydock/drydock.jar
# A command-line tool, not a service: nothing to probe.
HEALTHCHECK NONE
USER nonroot
WORKDIR /work
ENTRYPOINT ["/usr/bin/java", "-XX:+UseParallelGC", "-Xmx384m", "-jar", "/opt/drydock/drydock.jar"]
CMD ["--help"]
