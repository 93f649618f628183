package io.github.infisicalci.client;

import java.io.IOException;
import java.util.List;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the client tests that script a {@link MockWebServer} with {@link Routes}: a fresh server for
 * each test, the log the client writes to and a clock that moves only when told.
 */
abstract class ScriptedServerTest {
  final MockWebServer server = new MockWebServer();
  final Routes routes = new Routes();
  final FakeTime time = new FakeTime();
  final List<String> log = TestConfigs.newLog();

  @BeforeEach
  void startServer() throws IOException {
    server.setDispatcher(routes);
    server.start();
  }

  @AfterEach
  void stopServer() throws IOException {
    server.shutdown();
  }

  /** Configuration aimed at this test's server, logging into {@link #log}. */
  ClientConfig.Builder config() {
    return TestConfigs.base(server, log);
  }

  /** A client with universal auth on the fake clock. */
  InfisicalClient client() {
    return InfisicalClient.create(config().build(), TestConfigs.universal(), time.timing());
  }
}
