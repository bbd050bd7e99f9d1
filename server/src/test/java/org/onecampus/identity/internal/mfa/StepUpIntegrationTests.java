package org.onecampus.identity.internal.mfa;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
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
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.AuthenticationResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationResponseParser;
import com.nimbusds.openid.connect.sdk.Prompt;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import org.apereo.cas.client.validation.Assertion;
import org.apereo.cas.client.validation.Cas30ServiceTicketValidator;
import org.junit.jupiter.api.Test;
import org.onecampus.support.ApiClient;
import org.onecampus.support.ApiClient.Response;
import org.onecampus.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onecampus.support.IntegrationTest.DEMO_PASSWORD;
import static org.onecampus.support.ProblemAssertions.assertProblem;

/**
 * Apps that require a second factor: a session signed in with a password only is sent to the step-up
 * page, and the CAS ticket or OIDC code comes only after a TOTP code, carrying {@code amr} and
 * {@code acr}. Checked with Apereo's CAS client and Nimbus's OIDC SDK.
 */
@IntegrationTest
class StepUpIntegrationTests {

	static final String MFA = "/api/v1/identity/account/mfa";

	static final String STEP_UP = "/api/v1/identity/step-up";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	/** A demo person none of the fixed accounts, without a second factor yet. */
	String someone() {
		return jdbc.sql("""
				select a.username from identity_account a where a.enabled and a.username not like '%001'
				  and a.username <> 'admin' and not exists (select 1 from identity_mfa_totp t where t.account_id = a.id)
				  and not a.must_change_password and not exists (select 1 from kernel_audit_event e
				    where e.target = 'account:' || a.id and e.action in ('identity.password-changed', 'identity.password-reset'))
				  and exists (select 1 from identity_affiliation f where f.person_id = a.person_id and f.status = 'ACTIVE'
				              and f.type in ('UNDERGRADUATE', 'FACULTY', 'STAFF'))
				order by a.username offset :n limit 1""")
			.param("n", ThreadLocalRandom.current().nextInt(300)).query(String.class).single();
	}

	/** Enrols TOTP for the person in another browser, which leaves {@code browser}'s session at password level. */
	String enrolElsewhere(String username) {
		return enrolFor(port, username);
	}

	/** Enrols TOTP for the person through the API in a session of its own. */
	String enrolFor(int serverPort, String username) {
		return enrol(new ApiClient(serverPort).signIn(username, DEMO_PASSWORD));
	}

	static String enrol(ApiClient browser) {
		String secret = browser.postJson(MFA + "/totp", "").json().get("secret").asString();
		Response confirmed = browser.postJson(MFA + "/totp/confirmation", "{\"code\":\"" + code(secret, 0) + "\"}");
		assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
		return secret;
	}

	static String code(String secret, int stepsAhead) {
		return Totp.code(Base32.decode(secret), Totp.step(Instant.now()) + stepsAhead, 6);
	}

	ApiClient admin() {
		return new ApiClient(port).signIn("admin", DEMO_PASSWORD);
	}

	/** A CAS app that requires a second factor; returns its service URL. */
	String casAppRequiringSecondFactor(boolean required) {
		String code = "mfa-cas-" + UUID.randomUUID().toString().substring(0, 8);
		Response registered = admin().postJson("/api/v1/identity/apps", """
				{"code":"%s","name":"二次验证应用 %s","ownerOrgCode":"ITC","protocol":"CAS","requiresSecondFactor":%s,
				 "servicePatterns":["https://%s\\\\.demo\\\\.edu\\\\.cn/.*"],"releasedAttributes":["name"]}"""
			.formatted(code, code, required, code));
		assertThat(registered.status()).as(registered.body()).isEqualTo(201);
		return "https://" + code + ".demo.edu.cn/app";
	}

	@Test
	void aCasAppRequiringASecondFactorGetsATicketOnlyAfterTheStepUpAndSeesAmrAndAcr() throws Exception {
		String service = casAppRequiringSecondFactor(true);
		String username = someone();
		ApiClient browser = new ApiClient(port).signIn(username, DEMO_PASSWORD);
		String secret = enrolElsewhere(username);

		Response first = browser.get("/cas/login?service=" + enc(service), "text/html");
		assertThat(first.status()).isEqualTo(302);
		assertThat(first.header("location")).endsWith("/step-up").doesNotContain("ticket=");
		var status = browser.get(STEP_UP).json();
		assertThat(status.get("satisfied").asBoolean()).isFalse();
		assertThat(status.get("enrolled").asBoolean()).isTrue();
		assertThat(status.get("app").asString()).startsWith("二次验证应用");
		assertProblem(browser.postJson(STEP_UP, "{\"code\":\"000000\"}".replace("000000",
				code(secret, 1).equals("000000") ? "111111" : "000000")), 401, "auth.mfa-code-wrong");
		assertThat(browser.get("/cas/login?service=" + enc(service), "text/html").header("location"))
			.as("still no ticket after a wrong code").endsWith("/step-up");

		Response stepUp = browser.postJson(STEP_UP, "{\"code\":\"" + code(secret, 1) + "\"}");
		assertThat(stepUp.status()).as(stepUp.body()).isEqualTo(200);
		String redirect = stepUp.json().get("redirect").asString();
		assertThat(redirect).startsWith("/cas/login?service=");
		String ticket = ticketFrom(browser.get(redirect, "text/html"), service);

		Assertion assertion = new Cas30ServiceTicketValidator(casUrl()).validate(ticket, service);
		assertThat(assertion.getPrincipal().getName()).isEqualTo(username);
		assertThat(String.valueOf(assertion.getPrincipal().getAttributes().get("amr"))).contains("pwd", "otp");
		assertThat(assertion.getPrincipal().getAttributes().get("acr")).isEqualTo(AuthenticationLevels.ACR_SECOND_FACTOR);
		assertThat(audited("sso.step-up-required", username)).isPositive();
		assertThat(audited("auth.step-up-passed", username)).isEqualTo(1);
		assertThat(audited("auth.step-up-failed", username)).isEqualTo(1);
	}

	@Test
	void aPersonWithoutTotpIsSentToEnrolFirstAndThenContinuesToTheApp() throws Exception {
		String service = casAppRequiringSecondFactor(true);
		String username = someone();
		ApiClient browser = new ApiClient(port).signIn(username, DEMO_PASSWORD);

		assertThat(browser.get("/cas/login?service=" + enc(service), "text/html").header("location")).endsWith("/step-up");
		assertThat(browser.get(STEP_UP).json().get("enrolled").asBoolean()).isFalse();
		assertProblem(browser.postJson(STEP_UP, "{\"code\":\"123456\"}"), 409, "auth.step-up-not-enrolled");
		enrol(browser);
		var status = browser.get(STEP_UP).json();
		assertThat(status.get("satisfied").asBoolean()).isTrue();

		String ticket = ticketFrom(browser.get(status.get("redirect").asString(), "text/html"), service);
		Assertion assertion = new Cas30ServiceTicketValidator(casUrl()).validate(ticket, service);
		assertThat(String.valueOf(assertion.getPrincipal().getAttributes().get("amr"))).contains("otp");
	}

	@Test
	void aSignInWithTheSecondFactorGoesStraightThroughAndRenewStillAsksForAFullSignIn() {
		String service = casAppRequiringSecondFactor(true);
		String username = someone();
		String secret = enrolElsewhere(username);
		ApiClient browser = new ApiClient(port);
		Response password = browser.postForm("/login", Map.of("username", username, "password", DEMO_PASSWORD));
		assertThat(password.json().get("mfaRequired").asBoolean()).isTrue();
		assertThat(browser.postForm("/login/mfa", Map.of("code", code(secret, 1))).status()).isEqualTo(200);

		ticketFrom(browser.get("/cas/login?service=" + enc(service), "text/html"), service);
		Response renew = browser.get("/cas/login?renew=true&service=" + enc(service), "text/html");
		assertThat(renew.status()).isEqualTo(302);
		assertThat(renew.header("location")).endsWith("/login");
	}

	@Test
	void anAppWithoutTheRequirementGetsAPasswordOnlyTicketWithAmrPwd() throws Exception {
		String service = casAppRequiringSecondFactor(false);
		ApiClient browser = new ApiClient(port).signIn(someone(), DEMO_PASSWORD);
		String ticket = ticketFrom(browser.get("/cas/login?service=" + enc(service), "text/html"), service);
		Assertion assertion = new Cas30ServiceTicketValidator(casUrl()).validate(ticket, service);
		assertThat(String.valueOf(assertion.getPrincipal().getAttributes().get("amr"))).contains("pwd").doesNotContain("otp");
		assertThat(assertion.getPrincipal().getAttributes().get("acr")).isEqualTo(AuthenticationLevels.ACR_PASSWORD);
	}

	@Test
	void anOidcClientRequiringASecondFactorGetsACodeOnlyAfterTheStepUpAndTheIdTokenCarriesAmr() throws Exception {
		String clientId = "mfa-oidc-" + UUID.randomUUID().toString().substring(0, 8);
		URI callback = URI.create("http://localhost:9999/" + clientId);
		String clientSecret = oidcAppRequiringSecondFactor(clientId, callback);
		String username = someone();
		ApiClient browser = new ApiClient(port).signIn(username, DEMO_PASSWORD);
		String secret = enrolElsewhere(username);
		CodeVerifier verifier = new CodeVerifier();
		Nonce nonce = new Nonce();
		State state = new State();
		AuthenticationRequest request = new AuthenticationRequest.Builder(new ResponseType("code"),
				new Scope("openid", "profile"), new ClientID(clientId), callback)
			.state(state).nonce(nonce).codeChallenge(verifier, CodeChallengeMethod.S256).build();

		Response first = browser.get("/oauth2/authorize?" + request.toQueryString(), "text/html");
		assertThat(first.status()).isEqualTo(302);
		assertThat(first.header("location")).endsWith("/step-up").doesNotContain("code=");
		Response stepUp = browser.postJson(STEP_UP, "{\"code\":\"" + code(secret, 1) + "\"}");
		assertThat(stepUp.status()).as(stepUp.body()).isEqualTo(200);
		String redirect = stepUp.json().get("redirect").asString();
		assertThat(redirect).startsWith("/oauth2/authorize?");
		Response back = browser.get(redirect, "text/html");
		assertThat(back.status()).as(back.body()).isEqualTo(302);
		assertThat(back.header("location")).startsWith(callback.toString());
		Matcher code = Pattern.compile("code=([^&]+)").matcher(URI.create(back.header("location")).getRawQuery());
		assertThat(code.find()).isTrue();

		OIDCProviderMetadata metadata = OIDCProviderMetadata.resolve(new Issuer(base()));
		TokenResponse tokens = OIDCTokenResponseParser.parse(new TokenRequest(metadata.getTokenEndpointURI(),
				new ClientSecretBasic(new ClientID(clientId), new Secret(clientSecret)),
				new AuthorizationCodeGrant(new AuthorizationCode(java.net.URLDecoder.decode(code.group(1),
						StandardCharsets.UTF_8)), callback, verifier)).toHTTPRequest().send());
		assertThat(tokens.indicatesSuccess()).as(String.valueOf(tokens.toHTTPResponse().getBody())).isTrue();
		IDTokenClaimsSet claims = new IDTokenValidator(new Issuer(base()), new ClientID(clientId), JWSAlgorithm.RS256,
				metadata.getJWKSetURI().toURL())
			.validate(((OIDCTokenResponse) tokens.toSuccessResponse()).getOIDCTokens().getIDToken(), nonce);
		assertThat(claims.getStringListClaim("amr")).containsExactly("pwd", "otp");
		assertThat(claims.getStringClaim("acr")).isEqualTo(AuthenticationLevels.ACR_SECOND_FACTOR);
	}

	@Test
	void promptNoneWithoutTheSecondFactorAnswersInteractionRequiredAtTheRedirectUri() throws Exception {
		String clientId = "mfa-none-" + UUID.randomUUID().toString().substring(0, 8);
		URI callback = URI.create("http://localhost:9999/" + clientId);
		oidcAppRequiringSecondFactor(clientId, callback);
		String username = someone();
		ApiClient browser = new ApiClient(port).signIn(username, DEMO_PASSWORD);
		State state = new State();
		AuthenticationRequest request = new AuthenticationRequest.Builder(new ResponseType("code"),
				new Scope("openid", "profile"), new ClientID(clientId), callback)
			.state(state).nonce(new Nonce()).prompt(new Prompt(Prompt.Type.NONE))
			.codeChallenge(new CodeVerifier(), CodeChallengeMethod.S256).build();

		long refusedBefore = audited("sso.oidc.refused", username);
		long stepUpsBefore = audited("sso.step-up-required", username);
		Response answer = browser.get("/oauth2/authorize?" + request.toQueryString(), "text/html");
		assertThat(answer.status()).isEqualTo(302);
		URI location = URI.create(answer.header("location"));
		assertThat(location.toString()).startsWith(callback.toString()).doesNotContain("code=");
		AuthenticationResponse parsed = AuthenticationResponseParser.parse(location);
		assertThat(parsed.indicatesSuccess()).isFalse();
		assertThat(parsed.toErrorResponse().getErrorObject().getCode()).isEqualTo("interaction_required");
		assertThat(parsed.getState()).isEqualTo(state);
		assertThat(audited("sso.oidc.refused", username)).isEqualTo(refusedBefore + 1);
		assertThat(audited("sso.step-up-required", username)).as("no step-up page for prompt=none").isEqualTo(stepUpsBefore);

		// A redirect URI the app did not register is never used for the answer.
		URI elsewhere = URI.create("http://localhost:9999/elsewhere");
		AuthenticationRequest foreign = new AuthenticationRequest.Builder(new ResponseType("code"),
				new Scope("openid", "profile"), new ClientID(clientId), elsewhere)
			.state(state).nonce(new Nonce()).prompt(new Prompt(Prompt.Type.NONE))
			.codeChallenge(new CodeVerifier(), CodeChallengeMethod.S256).build();
		Response refused = browser.get("/oauth2/authorize?" + foreign.toQueryString(), "text/html");
		assertThat(String.valueOf(refused.header("location"))).doesNotStartWith(elsewhere.toString());
	}

	/** Registers an OIDC app (code flow) that requires a second factor; returns its client secret. */
	String oidcAppRequiringSecondFactor(String clientId, URI callback) {
		Response registered = admin().postJson("/api/v1/identity/apps", """
				{"code":"%s","name":"二次验证 OIDC","ownerOrgCode":"ITC","protocol":"OIDC","requireConsent":false,
				 "requiresSecondFactor":true,"grantTypes":["authorization_code"],"redirectUris":["%s"],
				 "scopes":["openid","profile"],"releasedAttributes":["name"]}""".formatted(clientId, callback));
		assertThat(registered.status()).as(registered.body()).isEqualTo(201);
		return registered.json().get("clientSecret").asString();
	}

	long audited(String action, String username) {
		return jdbc.sql("select count(*) from kernel_audit_event where action = ? and actor = ?").params(action, username)
			.query(Long.class).single();
	}

	static String ticketFrom(Response response, String service) {
		assertThat(response.status()).as(response.body()).isEqualTo(302);
		String location = response.header("location");
		assertThat(location).startsWith(service + "?ticket=ST-");
		return location.substring((service + "?ticket=").length());
	}

	String casUrl() {
		return base() + "/cas";
	}

	String base() {
		return "http://localhost:" + port;
	}

	static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}
}
