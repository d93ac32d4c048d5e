package cn.onepoint.it;

import cn.onepoint.TestTokens;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * One instance of the packaged service ({@code java -jar target/quarkus-app/quarkus-run.jar}) in a process of
 * its own, on a free port of the loopback address, its output in {@code target/it-instance-<name>.log}, with the
 * development token issuer on (the tests' tokens verify against it).
 */
public final class ServiceProcess implements AutoCloseable {

    public static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar").toAbsolutePath();

    public final String name;
    public final int port;
    public final Path log;
    private final Process process;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private ServiceProcess(String name, int port, Path log, Process process) {
        this.name = name;
        this.port = port;
        this.log = log;
        this.process = process;
    }

    /** Starts the jar with {@code env} added to this JVM's environment; does not wait for it. */
    public static ServiceProcess start(String name, Map<String, String> env) throws IOException {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR + " is missing: run ./mvnw verify (failsafe runs after package)");
        }
        int port = freePort();
        Path log = Path.of("target", "it-instance-" + name + ".log").toAbsolutePath();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // C1 only and a serial collector: the instances start in a fraction of the CPU time on a shared machine;
        // what the tests observe does not depend on the JIT.
        ProcessBuilder pb = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar",
                JAR.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // Auth on, as shipped, with the development issuer so that the tests' tokens (cn.onepoint.Tokens, signed
        // with its key) verify; REST Assured requests get them from the TestTokens filter, ItHttp's from ItHttp.
        pb.environment().put("ONEPOINT_AUTH_DEV_ISSUER_ENABLED", "true");
        TestTokens.register();
        pb.environment().putAll(env);
        pb.environment().put("QUARKUS_HTTP_HOST", "127.0.0.1");
        pb.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        Process process = pb.start();
        // Also when this JVM is stopped before @AfterAll runs (Ctrl-C, a build timeout).
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, "it-stop-" + name));
        return new ServiceProcess(name, port, log, process);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** Waits for {@code /q/health/ready} to answer 200; fails with the end of the log otherwise. */
    public void awaitReady(Duration within) {
        try {
            await().atMost(within).pollInterval(Duration.ofMillis(250)).until(() -> {
                if (!process.isAlive()) {
                    throw new AssertionError("instance " + name + " exited with " + process.exitValue());
                }
                return status("/q/health/ready") == 200;
            });
        } catch (Throwable e) {
            throw new AssertionError("instance " + name + " not ready on port " + port + ": " + e.getMessage()
                    + "\n--- last lines of " + log + " ---\n" + logTail(60), e);
        }
    }

    /** The status {@code path} answers with, -1 when there is no answer. */
    public int status(String path) {
        try {
            return http.send(request(path), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** A value from {@code /q/metrics} (Prometheus text), e.g. {@code onepoint_feed_relay_leader}. */
    public double metric(String metric) throws IOException, InterruptedException {
        HttpRequest req = HttpRequest.newBuilder(URI.create(base() + "/q/metrics")).header("Accept", "text/plain")
                .timeout(Duration.ofSeconds(10)).build();
        String body = http.send(req, HttpResponse.BodyHandlers.ofString()).body();
        return body.lines().filter(l -> l.startsWith(metric + " ") || l.startsWith(metric + "{"))
                .map(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .findFirst().orElseThrow(() -> new AssertionError(metric + " not in /q/metrics of " + name));
    }

    private HttpRequest request(String path) {
        return HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(5)).build();
    }

    public String base() {
        return "http://127.0.0.1:" + port;
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** A crash: SIGKILL, no shutdown hook runs, the kernel closes its sockets. */
    public void crash() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    public String logTail(int lines) {
        try {
            List<String> all = new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList();
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    /** Asks it to stop (SIGTERM), then kills it if it has not gone within a few seconds. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
