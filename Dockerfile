# syntax=docker/dockerfile:1
# Image of the web app (jar webapp/target/cso-onboarding.jar); used by docker-compose.yml.
# The build stage runs the Maven wrapper on the whole reactor (bpmn, workers, webapp); the
# runtime stage holds only a JRE and the jar.

FROM eclipse-temurin:21-jdk AS build
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
COPY bpmn/ bpmn/
COPY workers/ workers/
COPY webapp/ webapp/
# The cache mount keeps downloaded dependencies between builds (BuildKit, the default builder).
RUN --mount=type=cache,target=/root/.m2 \
    chmod +x mvnw && ./mvnw -B -DskipTests package

FROM eclipse-temurin:21-jre
RUN groupadd --system cso && useradd --system --gid cso --home-dir /app --no-create-home cso \
    && mkdir -p /app /data && chown cso:cso /data
WORKDIR /app
COPY --from=build /src/webapp/target/cso-onboarding.jar /app/cso-onboarding.jar
USER cso
# /data holds the H2 database file (a named volume in docker-compose.yml).
VOLUME /data
EXPOSE 8080
# JVM options can be added through JAVA_TOOL_OPTIONS.
ENTRYPOINT ["java", "-jar", "/app/cso-onboarding.jar"]
