package io.github.infisicalci.devserver;

import java.io.PrintStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Command line: {@code java -jar infisical-dev-server.jar --seed FILE [--port 8080] [--host 127.0.0.1]
 * [--print-credentials]}. Runs until killed.
 */
public final class Main {
    static final String USAGE = "usage: java -jar infisical-dev-server.jar [--seed FILE] [--port 8080] [--host 127.0.0.1] [--print-credentials] [--quiet]\n"
            + "  --seed FILE          seed file (JSON, see dev-server/README.md); default: the built-in demo seed\n"
            + "  --port N             TCP port, 0 = any free port (default 8080)\n"
            + "  --host ADDRESS       address to bind (default 127.0.0.1, loopback only)\n"
            + "  --print-credentials  also print universal-auth client secrets (never printed by default)\n"
            + "  --quiet              do not log each request (method, path, parameter names, status)";

    private Main() {
    }

    /** Entry point; exit code 2 for bad arguments, 1 for a bad seed or a port in use. */
    public static void main(String[] args) throws InterruptedException {
        DevServer server;
        try {
            server = start(args, System.out);
        } catch (UsageException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        } catch (RuntimeException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(1);
            return;
        }
        if (server == null) {
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            System.out.println("Infisical dev server stopped (" + server.calls().all().size() + " requests served)");
            System.out.flush();
            stopped.countDown();
        }, "infisical-dev-server-shutdown"));
        stopped.await();
    }

    /** Parses arguments, starts the server and prints how to use it; {@code null} after {@code --help}. */
    static DevServer start(String[] args, PrintStream out) {
        Path seedFile = null;
        int port = 8080;
        String host = "127.0.0.1";
        boolean printCredentials = false;
        boolean quiet = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--seed" -> seedFile = Path.of(value(args, ++i, "--seed"));
                case "--port" -> port = port(value(args, ++i, "--port"));
                case "--host" -> host = value(args, ++i, "--host");
                case "--print-credentials" -> printCredentials = true;
                case "--quiet", "-q" -> quiet = true;
                case "--help", "-h" -> {
                    out.println(USAGE);
                    return null;
                }
                default -> throw new UsageException("unknown argument '" + args[i] + "'");
            }
        }
        if (seedFile != null && !Files.isRegularFile(seedFile)) {
            throw new UsageException("--seed: no such file " + seedFile);
        }
        Seed seed = seedFile == null ? Seed.demo() : Seed.fromJson(seedFile);
        DevServer server = DevServer.start(seed, host, port);
        out.println("Infisical dev server listening on " + server.url() + "  (API base " + server.url() + "/api)");
        if (!isLoopback(host)) {
            out.println("WARNING: bound to " + host + ", which is not a loopback address; anyone who can reach it can read the seeded secrets.");
        }
        out.println("seed: " + (seedFile == null ? "built-in demo seed" : seedFile.toString()));
        seed.projectIds().forEach((slug, id) -> out.println("project " + slug + "  id " + id));
        for (Model.Identity identity : seed.identities()) {
            StringBuilder line = new StringBuilder("identity " + identity.name + "  id " + identity.id);
            if (identity.clientId != null) {
                line.append("  universal-auth clientId ").append(identity.clientId);
                if (printCredentials) {
                    line.append("  clientSecret ").append(identity.clientSecret);
                }
            }
            if (!identity.oidcTokens.isEmpty()) {
                line.append("  oidc-auth");
            }
            if (!identity.jwtTokens.isEmpty()) {
                line.append("  jwt-auth");
            }
            if (!identity.kubernetesTokens.isEmpty()) {
                line.append("  kubernetes-auth");
            }
            if (identity.awsKey != null) {
                line.append("  aws-auth accessKeyId ").append(identity.awsKey.accessKeyId());
            }
            out.println(line);
        }
        if (!printCredentials) {
            out.println("(client secrets are not printed; use --print-credentials, or read them from the seed file)");
        }
        if (!quiet) {
            server.calls().onCall(call -> {
                synchronized (out) {
                    out.println(call.logLine());
                    out.flush();
                }
            });
        }
        out.println("press Ctrl+C to stop" + (quiet ? "" : "; each request is logged (--quiet to stop that)"));
        out.flush();
        return server;
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new UsageException(option + " needs a value");
        }
        return args[i];
    }

    private static int port(String text) {
        try {
            int port = Integer.parseInt(text);
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new UsageException("--port must be a number between 0 and 65535, got '" + text + "'");
        }
    }

    private static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    static final class UsageException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }
}
