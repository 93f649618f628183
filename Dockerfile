# The Infisical container action. The GitHub runner builds this file with the repository root as the
# context (`docker build -f Dockerfile .`) when action.yml says `image: Dockerfile` (the main branch, forks,
# `uses: ./`); release tags point action.yml at the image that .github/workflows/release.yml built from
# this same file and pushed (docs/container.md).
# Stages: poms (the POMs alone) -> build (Maven, JDK 17) -> jre (jlink from JDK 25)
#         -> rootfs (Debian: the files the JVM loads, collected with ldd) -> final (FROM scratch).
# Base images are pinned by digest (multi-platform index digests; Dependabot moves tag and digest
# together, .github/dependabot.yml). The tag before the digest is for readers and Dependabot only.

# ---------------------------------------------------------------------------------------------------
# poms and build run on the builder's own platform ($BUILDPLATFORM; the jar is the same for every target):
# a multi-platform release build runs Maven once, natively, not under emulation.
FROM --platform=$BUILDPLATFORM maven:3.9-eclipse-temurin-17@sha256:a8746f15d5bb26b5b8bacb056cc76211553850f4c71d16aff845cfa004cbc197 AS poms
# Every pom.xml of the context, at its path: Maven reads all modules of the reactor even with -pl (the
# default profile lists the offline Jenkins modules too), and a new module needs no change here.
COPY . /ctx
RUN mkdir /poms && cd /ctx && find . -name pom.xml -not -path '*/target*' -exec cp -p --parents {} /poms \;

# ---------------------------------------------------------------------------------------------------
FROM --platform=$BUILDPLATFORM maven:3.9-eclipse-temurin-17@sha256:a8746f15d5bb26b5b8bacb056cc76211553850f4c71d16aff845cfa004cbc197 AS build
WORKDIR /src

# 1. Dependency layer: only the POMs, then a package run over the empty modules the action needs
#    (-pl github-action -am), which resolves their dependencies and build plugins. Its cache key is the
#    POMs' content: rebuilt only when a POM changes.
COPY --from=poms /poms ./
RUN mvn -B -ntp -q -pl github-action -am -Dmaven.test.skip=true package \
 && find . -name target -type d -prune -exec rm -rf {} +

# 2. The sources (.dockerignore keeps target*/ and .git out), packaged offline: the run above fetched all
#    that is needed. No tests here; CI runs them. The jar is reproducible (project.build.outputTimestamp).
COPY . .
RUN mvn -B -ntp -o -pl github-action -am -Dmaven.test.skip=true package \
 && cp github-action/target/infisical-action.jar /infisical-action.jar

# ---------------------------------------------------------------------------------------------------
# The jar alone (`--target jar --output type=local,dest=DIR`): the release attaches these exact bytes for
# the portable action. Not part of the image below.
FROM scratch AS jar
COPY --from=build /infisical-action.jar /infisical-action.jar

# ---------------------------------------------------------------------------------------------------
FROM eclipse-temurin:25-jdk@sha256:68868d04fa9cfd5f5c6abec0b5cef86d8de2bf9c62c37c7d3e4f0f80f5cfd7ff AS jre
# The modules OkHttp, Jackson and the JDK TLS stack need. jdeps on the shaded jar also names java.sql,
# java.xml and java.desktop: only Jackson's optional handlers for those types (java.sql.Timestamp, DOM
# nodes, java.beans annotations) use them and Jackson loads them only on demand; leaving them out
# saves 10 MB and the action's self-check and end-to-end run pass without them. jdk.crypto.ec is empty
# on JDK 25 (EC lives in java.base now) and kept for older bases. java.base brings lib/security/cacerts:
# TLS to Infisical Cloud needs no Debian ca-certificates; a private CA goes in the `ca-certificate` input.
# --compress=zip-6 halves lib/modules (26 -> 12 MB); start-up does not notice, as the classes the action
# uses come from the AOT cache. keytool (java.base's second launcher) is not needed at run time.
# No java.xml: the AWS SDK needs it only for web-identity credentials (STS answers in XML), and a container
# action never sees a web-identity token file (the runner passes the container the workflow's env, not the
# host's, and does not mount the host's token file); environment credentials and IMDS work without it.
# strip --strip-unneeded drops the native symbol tables (libjvm.so 29.8 -> 24.8 MB); the dynamic symbols
# stay, so only native frame names in a crash report are lost. Temurin's JDK images ship binutils.
RUN jlink --add-modules java.base,java.logging,java.naming,jdk.crypto.ec \
      --strip-debug --no-man-pages --no-header-files --compress=zip-6 --output /opt/jre \
 && rm /opt/jre/bin/keytool \
 && find /opt/jre -name '*.so' -exec strip --strip-unneeded {} +

# ---------------------------------------------------------------------------------------------------
FROM debian:bookworm-slim@sha256:f06537653ac770703bc45b4b113475bd402f451e85223f0f2837acbf89ab020a AS rootfs
# The final image's whole file system, under /rootfs: the JRE, and from Debian only what the JVM and
# /usr/bin/env load — the shared libraries `ldd` names for them (glibc's), libgcc_s (glibc loads it at
# thread exit/cancel), their copyright files and dpkg records (so SBOM scanners see the packages). No
# shell, no package manager.
# JVM flags for a short-lived CLI: serial GC, small initial heap, UTF-8 stdout (masking compares bytes).
# The 1 GB cap is not for the usual case (peak RSS 70-77 MB up to 2,000 short secrets) but for large
# ones: 2,000 values of 8 KB need about 530 MB and fail with 256 MB (benchmarks/startup, --value-length).
# /app/jvm.options holds them (AOT training, benchmarks/startup reads this line too); /app/action.args
# adds the AOT cache and the jar: the one command line of the entrypoint and the post step.
ARG JVM_FLAGS="-XX:+UseSerialGC -Xms16m -Xmx1g -XX:TieredStopAtLevel=1 -XX:-UsePerfData -Dstdout.encoding=UTF-8 -Dstderr.encoding=UTF-8"
# AOT_FLAGS go with the AOT cache only (/app/action.args; benchmarks/startup reads this line too): the cache
# also holds the training run's profiles and compile records, and by default the JVM "replays" them,
# compiling ahead on the C1 thread what the training run compiled. With C2 off (TieredStopAtLevel=1) the
# profiles serve nothing, and the replay costs 0.1 s of CPU and 6-7 MB of peak RSS per run for methods
# this run may never call (benchmarks/README.md, start-up). The classes stay in the cache as before.
ARG AOT_FLAGS="-XX:+UnlockDiagnosticVMOptions -XX:-AOTReplayTraining"
COPY --from=jre /opt/jre /rootfs/opt/java/openjdk
RUN set -eu; \
    mkdir -p /rootfs/app /rootfs/tmp /rootfs/usr/bin /rootfs/etc /rootfs/var/lib/dpkg/status.d; \
    chmod 1777 /rootfs/tmp; \
    cp -p /usr/bin/env /rootfs/usr/bin/env; \
    libs=$(find /rootfs/opt/java/openjdk /rootfs/usr/bin -type f \( -name '*.so' -o -perm -u+x \) \
             -exec ldd {} \; 2>/dev/null \
           | awk '$2 == "=>" && $3 ~ /^\// {print $3} $1 ~ /^\// && $2 ~ /^\(/ {print $1}' \
           | grep -v '^/rootfs/' | sort -u); \
    libdir=$(dirname "$(echo "$libs" | grep '/libc\.so\.6$')"); \
    for lib in $libs "$libdir/libgcc_s.so.1"; do cp -L --parents "$lib" /rootfs; done; \
    for pkg in libc6 libgcc-s1 coreutils; do \
      dpkg-query -s "$pkg" > "/rootfs/var/lib/dpkg/status.d/$pkg"; \
      mkdir -p "/rootfs/usr/share/doc/$pkg"; cp "/usr/share/doc/$pkg/copyright" "/rootfs/usr/share/doc/$pkg/"; \
    done; \
    printf '%s\n' 'root:x:0:0:root:/root:/usr/sbin/nologin' > /rootfs/etc/passwd; \
    printf '%s\n' 'root:x:0:' > /rootfs/etc/group; \
    printf '%s\n' $JVM_FLAGS > /rootfs/app/jvm.options; \
    { cat /rootfs/app/jvm.options; printf '%s\n' $AOT_FLAGS -XX:AOTCache=/app/infisical-action.aot -jar /app/infisical-action.jar; } \
      > /rootfs/app/action.args; \
    printf '%s\n' '#!/usr/bin/env -S -u JAVA_TOOL_OPTIONS -u JDK_JAVA_OPTIONS -u _JAVA_OPTIONS /opt/java/openjdk/bin/java @/app/action.args post' \
      > /rootfs/app/post; \
    chmod 755 /rootfs/app/post; \
    echo "runtime libraries:" $libs "$libdir/libgcc_s.so.1"

# ---------------------------------------------------------------------------------------------------
FROM scratch
ENV JAVA_HOME=/opt/java/openjdk \
    LANG=C.UTF-8 \
    PATH=/opt/java/openjdk/bin:/usr/bin
COPY --from=rootfs /rootfs /
COPY --from=build /infisical-action.jar /app/infisical-action.jar
# Runs as root on purpose: the runner mounts its file-command folder writable by root only.
# AOT cache (JDK 25, JEP 483/514) from an offline training run; valid only for this JVM and this jar. The
# second run fails the build unless the cache loads. Exec form throughout: the image has no shell.
RUN ["/opt/java/openjdk/bin/java", "@/app/jvm.options", "-XX:AOTCacheOutput=/app/infisical-action.aot", "-jar", "/app/infisical-action.jar", "--self-check"]
RUN ["/opt/java/openjdk/bin/java", "-XX:AOTMode=on", "@/app/action.args", "--self-check"]
# The main step: java with /app/action.args, started by env(1) without JAVA_TOOL_OPTIONS, JDK_JAVA_OPTIONS
# and _JAVA_OPTIONS, so that such a variable set by an earlier step of the job (which the runner passes
# into the container) cannot load an agent or change flags in the JVM that holds the secrets. env keeps
# every other variable as it is, the runner's hyphenated INPUT_ names included (dash would drop them).
# The post step (action.yml's post-entrypoint) is /app/post: a script whose #! line runs the same command
# with the argument `post`, through the kernel alone (no shell). A test keeps the two equal.
ENTRYPOINT ["/usr/bin/env", "-u", "JAVA_TOOL_OPTIONS", "-u", "JDK_JAVA_OPTIONS", "-u", "_JAVA_OPTIONS", "/opt/java/openjdk/bin/java", "@/app/action.args"]
