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
# /data holds an H2 database file when SPRING_DATASOURCE_URL points there (a single instance without PostgreSQL).
VOLUME /data
# Production unless told otherwise: the camunda profile; and the local profile (embedded engine without
# authentication, demo staff users) refuses to start in this image even if someone asks for it.
ENV SPRING_PROFILES_ACTIVE=camunda
ENV CSO_PRODUCTION_IMAGE=true
EXPOSE 8080
# JVM options can be added through JAVA_TOOL_OPTIONS.
ENTRYPOINT ["java", "-jar", "/app/cso-onboarding.jar"]
