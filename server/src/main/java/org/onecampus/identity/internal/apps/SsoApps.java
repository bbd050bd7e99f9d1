package org.onecampus.identity.internal.apps;

import org.onecampus.kernel.cache.RecentReads;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.onecampus.identity.internal.apps.SsoApp.Protocol;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The registered apps in {@code identity_sso_app}. */
@Repository
public class SsoApps {

	private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
	};

	private static final String COLUMNS = """
			a.*, (select c.client_secret is not null from oauth2_registered_client c where c.client_id = a.code) as has_secret
			from identity_sso_app a""";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final RecentReads<UUID, SsoApp> byId = new RecentReads<>();

	SsoApps(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	public List<SsoApp> all() {
		return jdbc.sql("select " + COLUMNS + " order by a.code").query(this::map).list();
	}

	/** @return the enabled CAS apps, for matching service URLs */
	public List<SsoApp> casApps() {
		return jdbc.sql("select " + COLUMNS + " where a.protocol = 'CAS' and a.enabled order by a.code").query(this::map).list();
	}

	/** @return the first enabled CAS app whose patterns accept the service URL, or empty */
	public Optional<SsoApp> forService(String service) {
		return casApps().stream().filter(app -> app.acceptsService(service)).findFirst();
	}

	/** Read through a short cache ({@link RecentReads}): every token request asks for its app. */
	public Optional<SsoApp> byId(UUID id) {
		return Optional.ofNullable(byId.get(id,
				key -> jdbc.sql("select " + COLUMNS + " where a.id = :id").param("id", key).query(this::map).optional().orElse(null)));
	}

	/** Forgets the cached apps (after a change written outside this class). */
	public void clearCache() {
		byId.clear();
	}

	public Optional<SsoApp> byCode(String code) {
		return jdbc.sql("select " + COLUMNS + " where a.code = :code").param("code", code).query(this::map).optional();
	}

	void insert(SsoApp app) {
		jdbc.sql("""
				insert into identity_sso_app (id, code, name, name_en, owner_org_code, protocol, service_patterns,
				  redirect_uris, post_logout_redirect_uris, grant_types, scopes, released_attributes, allowed_affiliations,
				  requires_second_factor, require_consent, backchannel_logout_uri, enabled)
				values (:id, :code, :name, :nameEn, :owner, :protocol, cast(:patterns as jsonb), cast(:redirects as jsonb),
				  cast(:postLogout as jsonb), cast(:grants as jsonb), cast(:scopes as jsonb), cast(:released as jsonb),
				  cast(:affiliations as jsonb), :secondFactor, :consent, :backchannel, :enabled)""")
			.params(params(app)).update();
		byId.clear();
	}

	void update(SsoApp app) {
		jdbc.sql("""
				update identity_sso_app set code = :code, name = :name, name_en = :nameEn, owner_org_code = :owner,
				  protocol = :protocol, service_patterns = cast(:patterns as jsonb), redirect_uris = cast(:redirects as jsonb),
				  post_logout_redirect_uris = cast(:postLogout as jsonb), grant_types = cast(:grants as jsonb),
				  scopes = cast(:scopes as jsonb), released_attributes = cast(:released as jsonb),
				  allowed_affiliations = cast(:affiliations as jsonb), requires_second_factor = :secondFactor,
				  require_consent = :consent, backchannel_logout_uri = :backchannel, enabled = :enabled, updated_at = now()
				where id = :id""")
			.params(params(app)).update();
		byId.clear();
	}

	void delete(UUID id) {
		jdbc.sql("delete from identity_sso_app where id = :id").param("id", id).update();
		byId.clear();
	}

	private java.util.Map<String, Object> params(SsoApp app) {
		java.util.Map<String, Object> params = new java.util.HashMap<>();
		params.put("id", app.id());
		params.put("code", app.code());
		params.put("name", app.name());
		params.put("nameEn", app.nameEn());
		params.put("owner", app.ownerOrgCode());
		params.put("protocol", app.protocol().name());
		params.put("patterns", json.writeValueAsString(app.servicePatterns()));
		params.put("redirects", json.writeValueAsString(app.redirectUris()));
		params.put("postLogout", json.writeValueAsString(app.postLogoutRedirectUris()));
		params.put("grants", json.writeValueAsString(app.grantTypes()));
		params.put("scopes", json.writeValueAsString(app.scopes()));
		params.put("released", json.writeValueAsString(app.releasedAttributes()));
		params.put("affiliations", json.writeValueAsString(app.allowedAffiliations()));
		params.put("secondFactor", app.requiresSecondFactor());
		params.put("consent", app.requireConsent());
		params.put("backchannel", app.backchannelLogoutUri());
		params.put("enabled", app.enabled());
		return params;
	}

	private SsoApp map(ResultSet rs, int row) throws SQLException {
		return new SsoApp(rs.getObject("id", UUID.class), rs.getString("code"), rs.getString("name"),
				rs.getString("name_en"), rs.getString("owner_org_code"), Protocol.valueOf(rs.getString("protocol")),
				list(rs, "service_patterns"), list(rs, "redirect_uris"), list(rs, "post_logout_redirect_uris"),
				list(rs, "grant_types"), list(rs, "scopes"), list(rs, "released_attributes"),
				list(rs, "allowed_affiliations"), rs.getBoolean("requires_second_factor"), rs.getBoolean("require_consent"),
				rs.getString("backchannel_logout_uri"), rs.getBoolean("enabled"), rs.getBoolean("has_secret"),
				instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("updated_at")));
	}

	private List<String> list(ResultSet rs, String column) throws SQLException {
		return json.readValue(rs.getString(column), STRINGS);
	}

	private static java.time.Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}
}
