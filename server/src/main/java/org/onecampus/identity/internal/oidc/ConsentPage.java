package org.onecampus.identity.internal.oidc;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.onecampus.identity.internal.apps.SsoApp;
import org.onecampus.identity.internal.apps.SsoApps;
import org.onecampus.kernel.error.PlatformException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsent;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * {@code GET /oauth2/consent}: the page where a person agrees (or not) that an app receives their data,
 * in Chinese first with English. It is a plain server-rendered form posting to the authorization
 * endpoint, which then redirects to the app: the page's own Content-Security-Policy allows exactly that
 * form target and the app's redirect origins, which the single-page app's policy could not.
 */
@RestController
class ConsentPage {

	private static final Map<String, String[]> SCOPES = Map.of(
			"profile", new String[] { "姓名、用户名、身份类型、学号/工号", "Name, username, affiliations, student/staff number" },
			"email", new String[] { "电子邮箱", "E-mail address" },
			"phone", new String[] { "手机号码", "Phone number" });

	private final RegisteredClientRepository clients;

	private final OAuth2AuthorizationConsentService consents;

	private final SsoApps apps;

	ConsentPage(RegisteredClientRepository clients, OAuth2AuthorizationConsentService consents, SsoApps apps) {
		this.clients = clients;
		this.consents = consents;
		this.apps = apps;
	}

	@GetMapping(path = "/oauth2/consent", produces = MediaType.TEXT_HTML_VALUE)
	@PreAuthorize("isAuthenticated()")
	ResponseEntity<String> consent(@RequestParam("client_id") String clientId, @RequestParam String scope,
			@RequestParam String state, Authentication person) {
		RegisteredClient client = clients.findByClientId(clientId);
		if (client == null) {
			throw PlatformException.notFound("app", clientId);
		}
		SsoApp app = apps.byId(UUID.fromString(client.getId())).orElseThrow(() -> PlatformException.notFound("app", clientId));
		OAuth2AuthorizationConsent previous = consents.findById(client.getId(), person.getName());
		Set<String> granted = previous == null ? Set.of() : previous.getScopes();
		Set<String> asked = new LinkedHashSet<>();
		for (String one : scope.split(" ")) {
			if (!one.isBlank() && !"openid".equals(one) && client.getScopes().contains(one)) {
				asked.add(one);
			}
		}
		StringBuilder items = new StringBuilder();
		for (String one : asked) {
			String[] text = SCOPES.getOrDefault(one, new String[] { one, one });
			items.append("<li><label><input type=\"checkbox\" name=\"scope\" value=\"").append(esc(one))
				.append("\" checked").append(granted.contains(one) ? " disabled" : "").append("> ")
				.append(esc(text[0])).append(" <span class=\"en\">").append(esc(text[1])).append("</span></label></li>");
			if (granted.contains(one)) {
				items.append("<input type=\"hidden\" name=\"scope\" value=\"").append(esc(one)).append("\">");
			}
		}
		String hidden = "<input type=\"hidden\" name=\"client_id\" value=\"" + esc(clientId)
				+ "\"><input type=\"hidden\" name=\"state\" value=\"" + esc(state) + "\">";
		String html = """
				<!doctype html>
				<html lang="zh-CN"><head><meta charset="utf-8">
				<meta name="viewport" content="width=device-width, initial-scale=1">
				<title>授权确认 · Consent</title>
				<style>
				body{font-family:system-ui,-apple-system,"PingFang SC","Microsoft YaHei",sans-serif;background:#f5f7fa;margin:0;color:#303133}
				main{max-width:480px;margin:40px auto;background:#fff;border-radius:8px;padding:24px;box-shadow:0 2px 12px rgba(0,0,0,.08)}
				h1{font-size:20px;margin:0 0 8px}.en{color:#909399;font-size:13px}ul{list-style:none;padding:0}li{margin:10px 0}
				.buttons{display:flex;gap:12px;margin-top:20px}button{flex:1;padding:10px;border-radius:4px;border:1px solid #dcdfe6;font-size:15px;cursor:pointer;background:#fff}
				button.primary{background:#409eff;border-color:#409eff;color:#fff}@media(max-width:520px){main{margin:0;border-radius:0;min-height:100vh}}
				</style></head><body><main>
				<h1>%s 请求访问您的信息</h1><p class="en">%s would like to access your information</p>
				<p>登录账号 / Signed in as <strong>%s</strong></p>
				<form method="post" action="/oauth2/authorize" id="consent">%s<ul>%s</ul>
				<div class="buttons"><button class="primary" type="submit" data-testid="consent-allow">同意 · Allow</button>
				<button type="submit" form="deny" data-testid="consent-deny">拒绝 · Deny</button></div></form>
				<form method="post" action="/oauth2/authorize" id="deny">%s</form>
				<p class="en">同意后该应用以后不再询问。 Once you allow, the app will not ask again.</p>
				</main></body></html>
				""".formatted(esc(app.name()), esc(app.nameEn() == null ? app.name() : app.nameEn()), esc(person.getName()),
				hidden, items, hidden);
		return ResponseEntity.ok()
			.header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; "
					+ "frame-ancestors 'none'; form-action 'self'" + redirectOrigins(client))
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.contentType(new MediaType("text", "html", java.nio.charset.StandardCharsets.UTF_8))
			.body(html);
	}

	private static String redirectOrigins(RegisteredClient client) {
		StringBuilder origins = new StringBuilder();
		for (String uri : client.getRedirectUris()) {
			URI parsed = URI.create(uri);
			origins.append(' ').append(parsed.getScheme()).append("://").append(parsed.getRawAuthority());
		}
		return origins.toString();
	}

	private static String esc(String value) {
		return HtmlUtils.htmlEscape(value, "UTF-8");
	}
}
