# The Infisical container action. The GitHub runner builds this file with the repository root as the
# context (`docker build -f Dockerfile .`) and runs it as a container action (see action.yml).
# Stages: poms (the POMs alone) -> build (Maven, JDK 17) -> jre (jlink from JDK 25)
#         -> runtime (debian slim + that JRE + jar + AOT cache).

# ---------------------------------------------------------------------------------------------------
FROM maven:3.9-eclipse-temurin-17 AS poms
# Every pom.xml of the context, at its path: Maven reads all modules of the reactor even with -pl (the
# default profile lists the offline Jenkins modules too), and a new module needs no change here.
COPY . /ctx
RUN mkdir /poms && cd /ctx && find . -name pom.xml -not -path '*/target*' -exec cp -p --parents {} /poms \;

# ---------------------------------------------------------------------------------------------------
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src

# 1. Dependency layer: only the POMs, then a package run over the empty modules the action needs
#    (-pl github-action -am), which resolves their dependencies and build plugins. Its cache key is the
#    POMs' content: rebuilt only when a POM changes.
COPY --from=poms /poms ./
RUN mvn -B -ntp -q -pl github-action -am -Dmaven.test.skip=true package \
 && find . -name target -type d -prune -exec rm -rf {} +

# 2. The sources (.dockerignore keeps target*/ and .git out), packaged offline: the run above fetched all
#    that is needed. No tests here; CI runs them.
COPY . .
RUN mvn -B -ntp -o -pl github-action -am -Dmaven.test.skip=true package \
 && cp github-action/target/infisical-action.jar /infisical-action.jar

# ---------------------------------------------------------------------------------------------------
FROM eclipse-temurin:25-jdk AS jre
# The modules OkHttp, Jackson and the JDK TLS stack need. jdeps on the shaded jar also names java.sql,
# java.xml and java.desktop: only Jackson's optional handlers for those types (java.sql.Timestamp, DOM
# nodes, java.beans annotations) use them and Jackson loads them only on demand; leaving them out
# saves 10 MB and the action's self-check and end-to-end run pass without them. jdk.crypto.ec is empty
# on JDK 25 (EC lives in java.base now) and kept for older bases. java.base brings lib/security/cacerts:
# TLS to Infisical Cloud needs no Debian ca-certificates; a private CA goes in the `ca-certificate` input.
# --compress=zip-6 halves lib/modules (26 -> 12 MB); start-up does not notice, as the classes the action
# uses come from the AOT cache.
RUN jlink --add-modules java.base,java.logging,java.naming,jdk.crypto.ec \
      --strip-debug --no-man-pages --no-header-files --compress=zip-6 --output /opt/jre

# ---------------------------------------------------------------------------------------------------
FROM debian:bookworm-slim
# JVM flags for a short-lived CLI: serial GC, small initial heap, UTF-8 stdout (masking compares bytes).
# The 1 GB cap is not for the usual case (peak RSS 70-77 MB up to 2,000 short secrets) but for large
# ones: 2,000 values of 8 KB need about 530 MB and fail with 256 MB (benchmarks/startup, --value-length).
# Kept in one argument file that the entrypoint, the post step and the AOT training run all use;
# benchmarks/startup reads this line too.
ARG JVM_FLAGS="-XX:+UseSerialGC -Xms16m -Xmx1g -XX:TieredStopAtLevel=1 -XX:-UsePerfData -Dstdout.encoding=UTF-8 -Dstderr.encoding=UTF-8"
ENV JAVA_HOME=/opt/java/openjdk \
    LANG=C.UTF-8
ENV PATH=$JAVA_HOME/bin:$PATH
COPY --from=jre /opt/jre $JAVA_HOME
COPY --from=build /infisical-action.jar /app/infisical-action.jar
# Runs as root on purpose: the runner mounts its file-command folder writable by root only.
# AOT cache (JDK 25, JEP 483/514) from an offline training run; valid only for this JVM and this jar.
RUN printf '%s\n' $JVM_FLAGS > /app/jvm.options \
 && java @/app/jvm.options -XX:AOTCacheOutput=/app/infisical-action.aot \
      -jar /app/infisical-action.jar --self-check \
 && java @/app/jvm.options -XX:AOTCache=/app/infisical-action.aot -XX:AOTMode=on \
      -jar /app/infisical-action.jar --self-check >/dev/null
# Exec form: no shell in between (dash would drop the runner's hyphenated INPUT_ names).
ENTRYPOINT ["/opt/java/openjdk/bin/java", "@/app/jvm.options", "-XX:AOTCache=/app/infisical-action.aot", "-jar", "/app/infisical-action.jar"]
# action.yml's post-entrypoint: the ENTRYPOINT command with the argument `post`. bash (not dash) passes
# the hyphenated INPUT_ names through to java unchanged.
RUN printf '%s\n' '#!/bin/bash' \
      'exec /opt/java/openjdk/bin/java @/app/jvm.options -XX:AOTCache=/app/infisical-action.aot -jar /app/infisical-action.jar post "$@"' \
      > /app/post \
 && chmod 755 /app/post
