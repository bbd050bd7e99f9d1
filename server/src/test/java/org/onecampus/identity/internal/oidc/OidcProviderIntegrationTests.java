package org.onecampus.identity.internal.oidc;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.nimbusds.jose.JWSAlgorithm;
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

import org.springframework.boot.test.web.server.LocalServerPort;

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
	void aWrongClientSecretGetsNoToken() throws Exception {
		TokenResponse response = OIDCTokenResponseParser.parse(new TokenRequest(discovery().getTokenEndpointURI(),
				new ClientSecretBasic(new ClientID("demo-system"), new Secret("guessed")), new ClientCredentialsGrant(),
				new Scope("messaging.send")).toHTTPRequest().send());
		assertThat(response.indicatesSuccess()).isFalse();
		assertThat(response.toErrorResponse().getErrorObject().getCode()).isEqualTo("invalid_client");
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
		CodeVerifier verifier = new CodeVerifier();
		Nonce nonce = new Nonce();
		State state = new State();
		AuthenticationRequest request = new AuthenticationRequest.Builder(new ResponseType("code"),
				new Scope("openid", "profile", "email"), new ClientID("demo-app"), CALLBACK)
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
		if (consent && response.status() == 200) {
			Matcher consentState = Pattern.compile("name=\"state\" value=\"([^\"]+)\"").matcher(response.body());
			assertThat(consentState.find()).as(response.body()).isTrue();
			String form = "client_id=demo-app&state=" + URLEncoder.encode(consentState.group(1), StandardCharsets.UTF_8)
					+ "&scope=profile&scope=email";
			response = browser.send("POST", "/oauth2/authorize", "application/x-www-form-urlencoded",
					BodyPublishers.ofString(form));
		}
		assertThat(response.status()).as(response.body()).isEqualTo(302);
		URI back = URI.create(response.header("location"));
		assertThat(back.toString()).startsWith(CALLBACK.toString());
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
