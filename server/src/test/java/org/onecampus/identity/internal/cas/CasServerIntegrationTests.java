package org.onecampus.identity.internal.cas;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import org.apereo.cas.client.validation.Assertion;
import org.apereo.cas.client.validation.Cas20ServiceTicketValidator;
import org.apereo.cas.client.validation.Cas30ServiceTicketValidator;
import org.apereo.cas.client.validation.TicketValidationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onecampus.support.ApiClient;
import org.onecampus.support.ApiClient.Response;
import org.onecampus.support.IntegrationTest;
import org.onecampus.support.ProblemAssertions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The CAS server against Apereo's Java CAS client: the browser part through the campus login page,
 * validation by the real client, CAS 1/2/3, single use, refused services and single logout to a
 * service listening on a local port.
 */
@IntegrationTest
class CasServerIntegrationTests {

	static final String DEMO_SERVICE = "http://localhost:9999/app";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	HttpServer service;

	final List<String> received = new CopyOnWriteArrayList<>();

	@BeforeEach
	void startService() throws IOException {
		service = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
		service.createContext("/", exchange -> {
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			received.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " " + body);
			exchange.sendResponseHeaders(200, -1);
			exchange.close();
		});
		service.start();
	}

	@AfterEach
	void stopService() {
		service.stop(0);
	}

	@Test
	void aStudentSignsInThroughCasAndTheApereoClientValidatesACas3TicketWithAttributes() throws Exception {
		ApiClient browser = new ApiClient(port);
		String ticket = ticketAfterSignIn(browser, "stu001", DEMO_SERVICE);

		Assertion assertion = new Cas30ServiceTicketValidator(casUrl()).validate(ticket, DEMO_SERVICE);

		assertThat(assertion.getPrincipal().getName()).isEqualTo("stu001");
		Map<String, Object> attributes = assertion.getPrincipal().getAttributes();
		assertThat(attributes).containsKeys("name", "affiliations", "identifiers");
		assertThat(String.valueOf(attributes.get("affiliations"))).contains("UNDERGRADUATE");
	}

	@Test
	void aSignedInBrowserGetsATicketAtOnceAndTheCas2ClientValidatesIt() throws Exception {
		ApiClient browser = new ApiClient(port).signIn("fac001", IntegrationTest.DEMO_PASSWORD);
		String ticket = ticketFrom(browser.get("/cas/login?service=" + enc(DEMO_SERVICE), "text/html"), DEMO_SERVICE);

		Assertion assertion = new Cas20ServiceTicketValidator(casUrl()).validate(ticket, DEMO_SERVICE);

		assertThat(assertion.getPrincipal().getName()).isEqualTo("fac001");
	}

	@Test
	void aServiceTicketIsGoodForOneValidationOnly() throws Exception {
		ApiClient browser = new ApiClient(port).signIn("grad001", IntegrationTest.DEMO_PASSWORD);
		String ticket = ticketFrom(browser.get("/cas/login?service=" + enc(DEMO_SERVICE), "text/html"), DEMO_SERVICE);
		new Cas30ServiceTicketValidator(casUrl()).validate(ticket, DEMO_SERVICE);

		assertThatThrownBy(() -> new Cas30ServiceTicketValidator(casUrl()).validate(ticket, DEMO_SERVICE))
			.isInstanceOf(TicketValidationException.class).hasMessageContaining("not recognized");
	}

	@Test
	void aTicketIsRefusedToAnotherServiceThanItWasIssuedTo() {
		ApiClient browser = new ApiClient(port).signIn("cou001", IntegrationTest.DEMO_PASSWORD);
		String ticket = ticketFrom(browser.get("/cas/login?service=" + enc(DEMO_SERVICE), "text/html"), DEMO_SERVICE);

		assertThatThrownBy(() -> new Cas20ServiceTicketValidator(casUrl()).validate(ticket, "http://localhost:9999/other"))
			.isInstanceOf(TicketValidationException.class);
	}

	@Test
	void cas1AndJsonValidationAnswerInTheirFormats() {
		ApiClient browser = new ApiClient(port).signIn("head001", IntegrationTest.DEMO_PASSWORD);
		String first = ticketFrom(browser.get("/cas/login?service=" + enc(DEMO_SERVICE), "text/html"), DEMO_SERVICE);
		String second = ticketFrom(browser.get("/cas/login?service=" + enc(DEMO_SERVICE), "text/html"), DEMO_SERVICE);
		ApiClient server = new ApiClient(port);

		assertThat(server.get("/cas/validate?ticket=" + first + "&service=" + enc(DEMO_SERVICE), "text/plain").body())
			.isEqualTo("yes\nhead001\n");
		Response json = server.get("/cas/p3/serviceValidate?format=JSON&ticket=" + second + "&service=" + enc(DEMO_SERVICE));
		assertThat(json.json().at("/serviceResponse/authenticationSuccess/user").asString()).isEqualTo("head001");
		assertThat(json.json().at("/serviceResponse/authenticationSuccess/attributes/name").asString()).isNotBlank();
		assertThat(server.get("/cas/validate?ticket=" + first + "&service=" + enc(DEMO_SERVICE), "text/plain").body())
			.isEqualTo("no\n\n");
	}

	@Test
	void anUnregisteredServiceGetsNoTicket() {
		ApiClient browser = new ApiClient(port).signIn("stu001", IntegrationTest.DEMO_PASSWORD);
		Response response = browser.get("/cas/login?service=" + enc("http://evil.example/steal"));
		ProblemAssertions.assertProblem(response, 403, "sso.cas.service-not-registered");
	}

	@Test
	void gatewayReturnsToTheServiceWithoutATicketWhenNobodyIsSignedIn() {
		Response response = new ApiClient(port).get("/cas/login?gateway=true&service=" + enc(DEMO_SERVICE), "text/html");
		assertThat(response.status()).isEqualTo(302);
		assertThat(response.header("location")).isEqualTo(DEMO_SERVICE);
	}

	@Test
	void afterSigningOutCasSendsTheBrowserToTheLoginPageAgainAndTheServiceGetsASingleLogoutRequest() throws Exception {
		String local = "http://localhost:" + service.getAddress().getPort() + "/portal";
		ApiClient admin = new ApiClient(port).signIn("admin", IntegrationTest.DEMO_PASSWORD);
		Response registered = admin.postJson("/api/v1/identity/apps", """
				{"code":"cas-slo-%d","name":"单点注销测试","ownerOrgCode":"ITC","protocol":"CAS",
				 "servicePatterns":["http://localhost:%d/.*"],"releasedAttributes":["name"]}"""
			.formatted(service.getAddress().getPort(), service.getAddress().getPort()));
		assertThat(registered.status()).as(registered.body()).isEqualTo(201);
		ApiClient browser = new ApiClient(port).signIn("intl001", IntegrationTest.DEMO_PASSWORD);
		String ticket = ticketFrom(browser.get("/cas/login?service=" + enc(local), "text/html"), local);
		new Cas30ServiceTicketValidator(casUrl()).validate(ticket, local);

		assertThat(browser.postForm("/logout", Map.of()).status()).isEqualTo(204);

		Response again = browser.get("/cas/login?service=" + enc(local), "text/html");
		assertThat(again.status()).isEqualTo(302);
		assertThat(again.header("location")).endsWith("/login");
		awaitDelivered(ticket);
		assertThat(received).anyMatch(r -> r.startsWith("POST /portal") && URLDecoder.decode(r, StandardCharsets.UTF_8)
			.contains("<samlp:SessionIndex>" + ticket + "</samlp:SessionIndex>"));
	}

	@Test
	void aProxyGrantingTicketGoesToThePgtUrlAndYieldsProxyTickets() throws Exception {
		int local = service.getAddress().getPort();
		ApiClient admin = new ApiClient(port).signIn("admin", IntegrationTest.DEMO_PASSWORD);
		admin.postJson("/api/v1/identity/apps", """
				{"code":"cas-proxy-%d","name":"代理测试","ownerOrgCode":"ITC","protocol":"CAS",
				 "servicePatterns":["http://localhost:%d/.*"]}""".formatted(local, local));
		String portal = "http://localhost:" + local + "/portal";
		ApiClient browser = new ApiClient(port).signIn("it001", IntegrationTest.DEMO_PASSWORD);
		String ticket = ticketFrom(browser.get("/cas/login?service=" + enc(portal), "text/html"), portal);
		ApiClient server = new ApiClient(port);

		Response validated = server.get("/cas/serviceValidate?format=JSON&ticket=" + ticket + "&service=" + enc(portal)
				+ "&pgtUrl=" + enc("http://localhost:" + local + "/pgt"));
		assertThat(validated.json().at("/serviceResponse/authenticationSuccess/proxyGrantingTicket").asString()).startsWith("PGTIOU-");
		String callback = received.stream().filter(r -> r.startsWith("GET /pgt?")).findFirst().orElseThrow();
		String pgt = callback.replaceAll(".*pgtId=([^& ]+).*", "$1");
		String target = "http://localhost:" + local + "/backend";
		Response proxy = server.get("/cas/proxy?format=JSON&pgt=" + pgt + "&targetService=" + enc(target));
		String proxyTicket = proxy.json().at("/serviceResponse/proxySuccess/proxyTicket").asString();
		assertThat(proxyTicket).startsWith("PT-");
		Response proxied = server.get("/cas/proxyValidate?format=JSON&ticket=" + proxyTicket + "&service=" + enc(target));
		assertThat(proxied.json().at("/serviceResponse/authenticationSuccess/user").asString()).isEqualTo("it001");
		// CAS lists the proxies by their callback (pgtUrl), most recent first.
		assertThat(proxied.json().at("/serviceResponse/authenticationSuccess/proxies/0").asString())
			.isEqualTo("http://localhost:" + local + "/pgt");
	}

	@Test
	void aTicketGrantingTicketPastItsIdleTimeoutSendsTheBrowserToSignInAgain() {
		ApiClient browser = new ApiClient(port).signIn("head001", IntegrationTest.DEMO_PASSWORD);
		ticketFrom(browser.get("/cas/login?service=" + enc(DEMO_SERVICE), "text/html"), DEMO_SERVICE);
		jdbc.sql("update identity_cas_tgt set last_used_at = now() - interval '3 hours' where username = 'head001' and ended_at is null")
			.update();

		Response again = browser.get("/cas/login?service=" + enc(DEMO_SERVICE), "text/html");

		assertThat(again.status()).isEqualTo(302);
		assertThat(again.header("location")).endsWith("/login");
		assertThat(browser.get("/api/v1/me").status()).isEqualTo(401);
	}

	@Test
	void renewAsksForAFreshSignInAndOnlyThoseTicketsPassARenewValidation() {
		ApiClient browser = new ApiClient(port).signIn("cou001", IntegrationTest.DEMO_PASSWORD);
		String fromSession = ticketFrom(browser.get("/cas/login?service=" + enc(DEMO_SERVICE), "text/html"), DEMO_SERVICE);
		ApiClient server = new ApiClient(port);
		assertThat(server.get("/cas/serviceValidate?renew=true&ticket=" + fromSession + "&service=" + enc(DEMO_SERVICE))
			.body()).contains("INVALID_TICKET_SPEC");

		Response toLogin = browser.get("/cas/login?renew=true&service=" + enc(DEMO_SERVICE), "text/html");
		assertThat(toLogin.header("location")).endsWith("/login");
		String redirect = browser.postForm("/login", Map.of("username", "cou001", "password", IntegrationTest.DEMO_PASSWORD))
			.json().get("redirect").asString();
		String renewed = ticketFrom(browser.get(redirect, "text/html"), DEMO_SERVICE);
		assertThat(server.get("/cas/serviceValidate?renew=true&ticket=" + renewed + "&service=" + enc(DEMO_SERVICE)).body())
			.contains("<cas:user>cou001</cas:user>");
	}

	@Test
	void ticketsIssuedAndValidatedAreAudited() throws Exception {
		long before = jdbc.sql("select count(*) from kernel_audit_event where actor = 'visitor001' and action in ('sso.cas.ticket-issued', 'sso.cas.ticket-validated')")
			.query(Long.class).single();
		ApiClient browser = new ApiClient(port).signIn("visitor001", IntegrationTest.DEMO_PASSWORD);
		String ticket = ticketFrom(browser.get("/cas/login?service=" + enc(DEMO_SERVICE), "text/html"), DEMO_SERVICE);
		new Cas20ServiceTicketValidator(casUrl()).validate(ticket, DEMO_SERVICE);
		long after = jdbc.sql("select count(*) from kernel_audit_event where actor = 'visitor001' and action in ('sso.cas.ticket-issued', 'sso.cas.ticket-validated')")
			.query(Long.class).single();
		assertThat(after).isEqualTo(before + 2);
	}

	private void awaitDelivered(String ticket) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (System.nanoTime() < deadline) {
			String status = jdbc.sql("select status from identity_sso_logout_delivery where payload like :p")
				.param("p", "%" + ticket + "%").query(String.class).optional().orElse(null);
			if ("DELIVERED".equals(status)) {
				return;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("the single logout request was not delivered");
	}

	private String ticketAfterSignIn(ApiClient browser, String username, String service) {
		Response toLogin = browser.get("/cas/login?service=" + enc(service), "text/html");
		assertThat(toLogin.status()).isEqualTo(302);
		assertThat(toLogin.header("location")).endsWith("/login");
		Response signIn = browser.postForm("/login", Map.of("username", username, "password", IntegrationTest.DEMO_PASSWORD));
		String redirect = signIn.json().get("redirect").asString();
		assertThat(redirect).startsWith("/cas/login?service=");
		return ticketFrom(browser.get(redirect, "text/html"), service);
	}

	private static String ticketFrom(Response response, String service) {
		assertThat(response.status()).as(response.body()).isEqualTo(302);
		String location = response.header("location");
		assertThat(location).startsWith(service + "?ticket=ST-");
		return location.substring((service + "?ticket=").length());
	}

	private String casUrl() {
		return "http://localhost:" + port + "/cas";
	}

	private static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}
}
