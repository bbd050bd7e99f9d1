package org.onecampus.identity.internal.oidc;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import com.nimbusds.jwt.JWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import com.nimbusds.openid.connect.sdk.UserInfoResponse;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.claims.UserInfo;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import org.junit.jupiter.api.Test;
import org.onecampus.support.ApiClient;
import org.onecampus.support.ApiClient.Response;
import org.onecampus.support.IntegrationTest;
import org.onecampus.support.ProblemAssertions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenID Connect provider against Nimbus's OIDC SDK: discovery, authorization code with PKCE
 * through the campus login page and the consent page, ID token signature checked against the JWKS,
 * userinfo, refresh, client credentials, bearer tokens on the platform's API, refused redirect URIs
 * and signing key rotation.
 */
@IntegrationTest
class OidcProviderIntegrationTests {

	static final URI CALLBACK = URI.create("http://localhost:9999/callback");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	final HttpClient http = HttpClient.newHttpClient();

	@Test
	void anAppSignsAStudentInWithCodeAndPkceAndVerifiesTheIdTokenAgainstTheJwks() throws Exception {
		OIDCProviderMetadata metadata = discovery();
		Flow flow = authorize(new ApiClient(port), "stu001", true);

		OIDCTokenResponse tokens = exchange(metadata, flow);

		IDTokenValidator validator = new IDTokenValidator(new Issuer(base()), new ClientID("demo-app"), JWSAlgorithm.RS256,
				metadata.getJWKSetURI().toURL());
		IDTokenClaimsSet claims = validator.validate(tokens.getOIDCTokens().getIDToken(), flow.nonce());
		assertThat(claims.getSubject().getValue()).isEqualTo("stu001");
		assertThat(claims.getStringClaim("name")).isNotBlank();
		assertThat(claims.getStringListClaim("affiliations")).contains("UNDERGRADUATE");

		UserInfoResponse userInfo = UserInfoResponse.parse(new UserInfoRequest(metadata.getUserInfoEndpointURI(),
				tokens.getOIDCTokens().getBearerAccessToken()).toHTTPRequest().send());
		UserInfo info = userInfo.toSuccessResponse().getUserInfo();
		assertThat(info.getSubject().getValue()).isEqualTo("stu001");
		assertThat(info.getName()).isEqualTo(claims.getStringClaim("name"));
		assertThat(info.getEmailAddress()).contains("@");
	}

	@Test
	void thePlatformApiAcceptsTheAccessTokenForThePersonWithoutCsrf() throws Exception {
		OIDCProviderMetadata metadata = discovery();
		OIDCTokenResponse tokens = exchange(metadata, authorize(new ApiClient(port).signIn("fac001", IntegrationTest.DEMO_PASSWORD), null, true));
		String access = tokens.getOIDCTokens().getAccessToken().getValue();

		HttpResponse<String> me = bearer("GET", "/api/v1/me", access);
		assertThat(me.statusCode()).isEqualTo(200);
		assertThat(me.body()).contains("\"username\":\"fac001\"");
		assertThat(bearer("GET", "/api/v1/me", access + "x").statusCode()).isEqualTo(401);

		TokenResponse refreshed = OIDCTokenResponseParser.parse(new TokenRequest(metadata.getTokenEndpointURI(),
				new ClientSecretBasic(new ClientID("demo-app"), new Secret("demo-app-secret")),
				new RefreshTokenGrant(tokens.getOIDCTokens().getRefreshToken())).toHTTPRequest().send());
		assertThat(refreshed.indicatesSuccess()).isTrue();
		assertThat(bearer("GET", "/api/v1/me", refreshed.toSuccessResponse().getTokens().getAccessToken().getValue())
			.statusCode()).isEqualTo(200);
	}

	@Test
	void aSystemClientGetsATokenWithItsScopesWhichActsForNoPerson() throws Exception {
		OIDCProviderMetadata metadata = discovery();
		TokenResponse response = OIDCTokenResponseParser.parse(new TokenRequest(metadata.getTokenEndpointURI(),
				new ClientSecretBasic(new ClientID("demo-system"), new Secret("demo-system-secret")),
				new ClientCredentialsGrant(), new Scope("messaging.send")).toHTTPRequest().send());
		assertThat(response.indicatesSuccess()).as(String.valueOf(response.toHTTPResponse().getBody())).isTrue();
		BearerAccessToken token = response.toSuccessResponse().getTokens().getBearerAccessToken();
		assertThat(token.getScope().toStringList()).containsExactly("messaging.send");

		HttpResponse<String> me = bearer("GET", "/api/v1/me", token.getValue());
		assertThat(me.statusCode()).isEqualTo(403);
		assertThat(me.body()).contains("auth.person-required");
		assertThat(bearer("GET", "/api/v1/identity/apps", token.getValue()).statusCode()).isEqualTo(403);
	}

	@Test
	void signingOutSendsASignedLogoutTokenToTheAppsBackChannelAndRevokesItsRefreshToken() throws Exception {
		HttpServer app = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
		List<String> received = new CopyOnWriteArrayList<>();
		app.createContext("/", exchange -> {
			received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
			exchange.sendResponseHeaders(200, -1);
			exchange.close();
		});
		app.start();
		try {
			int local = app.getAddress().getPort();
			String clientId = "bcl-" + local;
			URI callback = URI.create("http://localhost:" + local + "/callback");
			Response registered = new ApiClient(port).signIn("admin", IntegrationTest.DEMO_PASSWORD)
				.postJson("/api/v1/identity/apps", """
						{"code":"%s","name":"注销测试","ownerOrgCode":"ITC","protocol":"OIDC","requireConsent":false,
						 "grantTypes":["authorization_code","refresh_token"],"redirectUris":["%s"],
						 "scopes":["openid","profile","email"],"releasedAttributes":["name"],
						 "backchannelLogoutUri":"http://localhost:%d/backchannel"}""".formatted(clientId, callback, local));
			assertThat(registered.status()).as(registered.body()).isEqualTo(201);
			String secret = registered.json().get("clientSecret").asString();
			ApiClient browser = new ApiClient(port).signIn("it001", IntegrationTest.DEMO_PASSWORD);
			Flow flow = authorize(browser, null, false, clientId, callback);
			OIDCProviderMetadata metadata = discovery();
			TokenResponse tokens = OIDCTokenResponseParser.parse(new TokenRequest(metadata.getTokenEndpointURI(),
					new ClientSecretBasic(new ClientID(clientId), new Secret(secret)),
					new AuthorizationCodeGrant(flow.code(), callback, flow.verifier())).toHTTPRequest().send());
			assertThat(tokens.indicatesSuccess()).isTrue();

			assertThat(browser.postForm("/logout", Map.of()).status()).isEqualTo(204);

			long deadline = System.currentTimeMillis() + 10_000;
			while (received.isEmpty() && System.currentTimeMillis() < deadline) {
				Thread.sleep(100);
			}
			assertThat(received).hasSize(1);
			SignedJWT logoutToken = SignedJWT.parse(URLDecoder.decode(received.get(0).substring("logout_token=".length()),
					StandardCharsets.UTF_8));
			RSAKey key = JWKSet.load(metadata.getJWKSetURI().toURL()).getKeyByKeyId(logoutToken.getHeader().getKeyID()).toRSAKey();
			assertThat(logoutToken.verify(new RSASSAVerifier(key))).isTrue();
			assertThat(logoutToken.getJWTClaimsSet().getSubject()).isEqualTo("it001");
			assertThat(logoutToken.getJWTClaimsSet().getAudience()).containsExactly(clientId);
			assertThat(logoutToken.getJWTClaimsSet().getJSONObjectClaim("events"))
				.containsKey("http://schemas.openid.net/event/backchannel-logout");
			TokenResponse refreshed = OIDCTokenResponseParser.parse(new TokenRequest(metadata.getTokenEndpointURI(),
					new ClientSecretBasic(new ClientID(clientId), new Secret(secret)),
					new RefreshTokenGrant(((OIDCTokenResponse) tokens).getOIDCTokens().getRefreshToken())).toHTTPRequest().send());
			assertThat(refreshed.indicatesSuccess()).isFalse();
		}
		finally {
			app.stop(0);
		}
	}

	@Test
	void rpInitiatedLogoutEndsThePlatformSessionAndReturnsToTheApp() throws Exception {
		ApiClient browser = new ApiClient(port).signIn("intl001", IntegrationTest.DEMO_PASSWORD);
		JWT idToken = exchange(discovery(), authorize(browser, null, true)).getOIDCTokens().getIDToken();

		Response logout = browser.get("/connect/logout?id_token_hint=" + idToken.serialize()
				+ "&post_logout_redirect_uri=" + URLEncoder.encode("http://localhost:9999/", StandardCharsets.UTF_8),
				"text/html");

		assertThat(logout.status()).as(logout.body()).isEqualTo(302);
		assertThat(logout.header("location")).isEqualTo("http://localhost:9999/");
		assertThat(browser.get("/api/v1/me").status()).isEqualTo(401);
		assertThat(jdbc.sql("select count(*) from kernel_audit_event where actor = 'intl001' and action = 'auth.sign-out' and details like '%\"via\":\"oidc\"%'")
			.query(Long.class).single()).isPositive();
	}

	@Test
	void aWrongClientSecretGetsNoToken() throws Exception {
		TokenResponse response = OIDCTokenResponseParser.parse(new TokenRequest(discovery().getTokenEndpointURI(),
				new ClientSecretBasic(new ClientID("demo-system"), new Secret("guessed")), new ClientCredentialsGrant(),
				new Scope("messaging.send")).toHTTPRequest().send());
		assertThat(response.indicatesSuccess()).isFalse();
		assertThat(response.toErrorResponse().getErrorObject().getCode()).isEqualTo("invalid_client");
	}

	@Test
	void aPersonWhoDeniesConsentSendsTheAppBackWithAccessDeniedAndTheConsentIsAudited() {
		ApiClient browser = new ApiClient(port).signIn("cou001", IntegrationTest.DEMO_PASSWORD);
		AuthenticationRequest request = new AuthenticationRequest.Builder(new ResponseType("code"),
				new Scope("openid", "profile", "email"), new ClientID("demo-app"), CALLBACK).state(new State())
			.nonce(new Nonce()).codeChallenge(new CodeVerifier(), CodeChallengeMethod.S256).build();
		Response toConsent = browser.get("/oauth2/authorize?" + request.toQueryString(), "text/html");
		URI consentPage = URI.create(toConsent.header("location"));
		Response page = browser.get(consentPage.getRawPath() + "?" + consentPage.getRawQuery(), "text/html");
		Matcher consentState = Pattern.compile("name=\"state\" value=\"([^\"]+)\"").matcher(page.body());
		assertThat(consentState.find()).isTrue();
		Response denied = browser.send("POST", "/oauth2/authorize", "application/x-www-form-urlencoded",
				BodyPublishers.ofString("client_id=demo-app&state="
						+ URLEncoder.encode(HtmlUtils.htmlUnescape(consentState.group(1)), StandardCharsets.UTF_8)));
		assertThat(denied.status()).isEqualTo(302);
		assertThat(denied.header("location")).startsWith(CALLBACK + "?error=access_denied");
	}

	@Test
	void aRedirectUriThatIsNotRegisteredIsRefusedWithoutRedirecting() {
		ApiClient browser = new ApiClient(port).signIn("stu001", IntegrationTest.DEMO_PASSWORD);
		AuthenticationRequest request = new AuthenticationRequest.Builder(new ResponseType("code"),
				new Scope("openid", "profile"), new ClientID("demo-app"), URI.create("http://evil.example/callback"))
			.state(new State()).nonce(new Nonce()).codeChallenge(new CodeVerifier(), CodeChallengeMethod.S256).build();
		Response response = browser.get("/oauth2/authorize?" + request.toQueryString(), "text/html");
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.header("location")).isNull();
	}

	@Test
	void anAuthorizationRequestWithoutPkceIsRefused() {
		ApiClient browser = new ApiClient(port).signIn("stu001", IntegrationTest.DEMO_PASSWORD);
		AuthenticationRequest request = new AuthenticationRequest.Builder(new ResponseType("code"),
				new Scope("openid", "profile"), new ClientID("demo-app"), CALLBACK).state(new State()).nonce(new Nonce())
			.build();
		Response response = browser.get("/oauth2/authorize?" + request.toQueryString(), "text/html");
		assertThat(response.status()).isEqualTo(302);
		assertThat(response.header("location")).startsWith(CALLBACK + "?error=invalid_request");
	}

	@Test
	void afterARotationTheJwksPublishesBothKeysAndEarlierIdTokensStillVerify() throws Exception {
		OIDCProviderMetadata metadata = discovery();
		Flow flow = authorize(new ApiClient(port).signIn("grad001", IntegrationTest.DEMO_PASSWORD), null, true);
		JWT before = exchange(metadata, flow).getOIDCTokens().getIDToken();

		ApiClient admin = new ApiClient(port).signIn("admin", IntegrationTest.DEMO_PASSWORD);
		Response rotated = admin.postJson("/api/v1/identity/signing-keys/rotation", "{}");
		assertThat(rotated.status()).isEqualTo(201);

		Response jwks = new ApiClient(port).get("/oauth2/jwks");
		assertThat(jwks.json().get("keys").size()).isEqualTo(2);
		assertThat(jwks.body()).contains(rotated.json().get("kid").asString()).doesNotContain("\"d\"");
		new IDTokenValidator(new Issuer(base()), new ClientID("demo-app"), JWSAlgorithm.RS256,
				metadata.getJWKSetURI().toURL()).validate(before, flow.nonce());
	}

	@Test
	void rotatingKeysNeedsThePermission() {
		ApiClient student = new ApiClient(port).signIn("stu001", IntegrationTest.DEMO_PASSWORD);
		ProblemAssertions.assertProblem(student.postJson("/api/v1/identity/signing-keys/rotation", "{}"), 403,
				"auth.forbidden");
	}

	record Flow(AuthorizationCode code, CodeVerifier verifier, Nonce nonce) {
	}

	/** The browser part: authorize, the login page if asked, the consent page if shown, back to the app. */
	private Flow authorize(ApiClient browser, String signInAs, boolean consent) {
		return authorize(browser, signInAs, consent, "demo-app", CALLBACK);
	}

	private Flow authorize(ApiClient browser, String signInAs, boolean consent, String clientId, URI callback) {
		CodeVerifier verifier = new CodeVerifier();
		Nonce nonce = new Nonce();
		State state = new State();
		AuthenticationRequest request = new AuthenticationRequest.Builder(new ResponseType("code"),
				new Scope("openid", "profile", "email"), new ClientID(clientId), callback)
			.state(state).nonce(nonce).codeChallenge(verifier, CodeChallengeMethod.S256).build();
		Response response = browser.get("/oauth2/authorize?" + request.toQueryString(), "text/html");
		if (signInAs != null) {
			assertThat(response.status()).isEqualTo(302);
			assertThat(response.header("location")).endsWith("/login");
			Response signIn = browser.postForm("/login", Map.of("username", signInAs, "password", IntegrationTest.DEMO_PASSWORD));
			String redirect = signIn.json().get("redirect").asString();
			assertThat(redirect).startsWith("/oauth2/authorize?");
			response = browser.get(redirect, "text/html");
		}
		if (response.status() == 302 && response.header("location").contains("/oauth2/consent?")) {
			Response page = browser.get(URI.create(response.header("location")).getRawPath() + "?"
					+ URI.create(response.header("location")).getRawQuery(), "text/html");
			assertThat(page.status()).isEqualTo(200);
			assertThat(page.header("content-security-policy")).contains("form-action 'self' http://localhost:9999");
			assertThat(page.body()).contains("示例 OIDC 应用", "电子邮箱");
			Matcher consentState = Pattern.compile("name=\"state\" value=\"([^\"]+)\"").matcher(page.body());
			assertThat(consentState.find()).as(page.body()).isTrue();
			String form = "client_id=demo-app&state=" + URLEncoder.encode(HtmlUtils.htmlUnescape(consentState.group(1)),
					StandardCharsets.UTF_8) + (consent ? "&scope=profile&scope=email" : "");
			response = browser.send("POST", "/oauth2/authorize", "application/x-www-form-urlencoded",
					BodyPublishers.ofString(form));
		}
		assertThat(response.status()).as(response.body()).isEqualTo(302);
		URI back = URI.create(response.header("location"));
		assertThat(back.toString()).startsWith(callback.toString());
		Matcher code = Pattern.compile("code=([^&]+)").matcher(back.getRawQuery());
		assertThat(code.find()).as(back.toString()).isTrue();
		assertThat(back.getRawQuery()).contains("state=" + state.getValue());
		return new Flow(new AuthorizationCode(java.net.URLDecoder.decode(code.group(1), StandardCharsets.UTF_8)), verifier,
				nonce);
	}

	private OIDCTokenResponse exchange(OIDCProviderMetadata metadata, Flow flow) throws Exception {
		TokenResponse response = OIDCTokenResponseParser.parse(new TokenRequest(metadata.getTokenEndpointURI(),
				new ClientSecretBasic(new ClientID("demo-app"), new Secret("demo-app-secret")),
				new AuthorizationCodeGrant(flow.code(), CALLBACK, flow.verifier())).toHTTPRequest().send());
		assertThat(response.indicatesSuccess()).as(String.valueOf(response.toHTTPResponse().getBody())).isTrue();
		return (OIDCTokenResponse) response.toSuccessResponse();
	}

	private OIDCProviderMetadata discovery() throws Exception {
		return OIDCProviderMetadata.resolve(new Issuer(base()));
	}

	private HttpResponse<String> bearer(String method, String path, String token) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(base() + path)).header("Authorization", "Bearer " + token)
			.header("Accept", "application/json").method(method, BodyPublishers.noBody()).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private String base() {
		return "http://localhost:" + port;
	}
}
