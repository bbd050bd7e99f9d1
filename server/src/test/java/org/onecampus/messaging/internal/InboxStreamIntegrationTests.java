package org.onecampus.messaging.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.onecampus.support.ApiClient;
import org.onecampus.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onecampus.messaging.MessagingFixtures.announcement;
import static org.onecampus.messaging.MessagingFixtures.signInsSettled;
import static org.onecampus.support.IntegrationTest.DEMO_PASSWORD;

/** The inbox stream pushes the unread count to the open browser when a message arrives. */
@IntegrationTest
class InboxStreamIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theStreamSendsTheUnreadCountAtOnceAndAgainWhenAMessageArrives() throws Exception {
		ApiClient person = new ApiClient(port).signIn("head001", DEMO_PASSWORD);
		signInsSettled(jdbc, "head001");
		long before = person.get("/api/v1/messaging/inbox/unread-count").json().get("unread").asLong();
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/messaging/inbox/stream"))
			.header("Accept", "text/event-stream")
			.header("Cookie", "ONECAMPUS_SESSION=" + person.cookie("ONECAMPUS_SESSION").getValue())
			.build();
		HttpResponse<Stream<String>> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofLines());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("content-type").orElse("")).startsWith("text/event-stream");
		BlockingQueue<String> data = new LinkedBlockingQueue<>();
		Thread reader = new Thread(() -> {
			Iterator<String> lines = response.body().iterator();
			while (lines.hasNext()) {
				String line = lines.next();
				if (line.startsWith("data:")) {
					data.add(line.substring(5).trim());
				}
			}
		});
		reader.setDaemon(true);
		reader.start();
		assertThat(data.poll(10, TimeUnit.SECONDS)).isEqualTo("{\"unread\":" + before + "}");

		var sent = new ApiClient(port).signIn("admin", DEMO_PASSWORD)
			.postJson("/api/v1/messaging/messages", announcement("实时推送", "b", "[\"inapp\"]", "head001"));
		assertThat(sent.status()).isEqualTo(201);
		String pushed = data.poll(Duration.ofSeconds(15).toSeconds(), TimeUnit.SECONDS);
		assertThat(pushed).isEqualTo("{\"unread\":" + (before + 1) + "}");
		response.body().close();
	}
}
