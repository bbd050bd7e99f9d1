package org.onecampus.identity.internal.oidc;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.onecampus.identity.internal.apps.CachedRegisteredClients;
import org.onecampus.identity.internal.apps.ClientSecrets;
import org.onecampus.identity.internal.apps.SsoApps;
import org.onecampus.identity.internal.sso.SigningKeys;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.authentication.ClientSecretAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.client.JdbcRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.security.SpringSessionBackedSessionRegistry;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.onecampus.kernel.audit.AuditLog;

/**
 * The first security filter chain: the authorization server's endpoints ({@code /oauth2/**},
 * {@code /.well-known/**}, {@code /userinfo}, {@code /connect/logout}). The CAS chain comes second
 * and the application's chain last. A browser that is not signed in is sent to {@code /login}; the
 * saved authorize request is where the login page continues afterwards.
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationServerConfiguration {

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	SecurityFilterChain authorizationServerChain(HttpSecurity http, OidcClaims claims, AuthorizationPolicy policy,
			RpInitiatedLogout logout, ClientSecrets secrets, RegisteredClientRepository clients, SsoApps apps,
			AuditLog audit) throws Exception {
		http.oauth2AuthorizationServer(server -> server
			// Client secrets are keyed fast hashes (Argon2id ones are still accepted and upgraded on use).
			.clientAuthentication(authentication -> authentication.authenticationProviders(providers -> providers
				.forEach(provider -> {
					if (provider instanceof ClientSecretAuthenticationProvider secretProvider) {
						secretProvider.setPasswordEncoder(secrets.encoder());
					}
				})))
			.authorizationEndpoint(endpoint -> endpoint.authenticationProviders(policy::apply).consentPage("/oauth2/consent"))
			.oidc(oidc -> oidc.userInfoEndpoint(userInfo -> userInfo.userInfoMapper(claims::userInfo))
				.logoutEndpoint(endpoint -> endpoint.logoutResponseHandler(logout.handler()))));
		http.addFilterAfter(new OidcStepUp(clients, apps, audit), SecurityContextHolderFilter.class);
		RequestMatcher endpoints = http.getConfigurer(OAuth2AuthorizationServerConfigurer.class).getEndpointsMatcher();
		http.securityMatcher(endpoints)
			.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
			.csrf(csrf -> csrf.ignoringRequestMatchers(endpoints))
			.oauth2ResourceServer(resourceServer -> resourceServer.jwt(jwt -> {
			}))
			.exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
					new LoginUrlAuthenticationEntryPoint("/login"), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
		return http.build();
	}

	@Bean
	CachedRegisteredClients registeredClientRepository(JdbcOperations jdbc) {
		return new CachedRegisteredClients(new JdbcRegisteredClientRepository(jdbc));
	}

	@Bean
	OAuth2AuthorizationService authorizationService(JdbcOperations jdbc, RegisteredClientRepository clients,
			AuditLog audit) {
		return new StoredAuthorizations(new ClientCredentialsAuthorizations(jdbc, clients, audit));
	}

	@Bean
	OAuth2AuthorizationConsentService authorizationConsentService(JdbcOperations jdbc,
			RegisteredClientRepository clients, AuditLog audit) {
		return new AuditedConsents(new JdbcOAuth2AuthorizationConsentService(jdbc, clients), clients, audit);
	}

	/** Tokens are signed with the current key only; the JWKS ({@link SigningKeys}) also lists the previous one. */
	@Bean
	JwtEncoder jwtEncoder(SigningKeys keys) {
		return new NimbusJwtEncoder((selector, context) -> selector.select(new JWKSet(keys.current())));
	}

	@Bean
	JwtDecoder jwtDecoder(JWKSource<SecurityContext> keys) {
		return OAuth2AuthorizationServerConfiguration.jwtDecoder(keys);
	}

	/**
	 * The platform sessions by person, from Spring Session's JDBC index: ID tokens carry the session's
	 * {@code sid}, which RP-initiated logout checks against the browser's session.
	 */
	@Bean
	<S extends Session> SessionRegistry sessionRegistry(FindByIndexNameSessionRepository<S> sessions) {
		return new SpringSessionBackedSessionRegistry<>(sessions);
	}

	@Bean
	AuthorizationServerSettings authorizationServerSettings() {
		// No fixed issuer: it is the address the request came to, so localhost, a campus host name and
		// a reverse proxy (forwarded headers) all see consistent discovery documents.
		return AuthorizationServerSettings.builder().build();
	}
}
