package org.onecampus.identity.internal.apps;

import java.util.List;

import org.onecampus.identity.internal.apps.SsoApp.Protocol;
import org.onecampus.kernel.OneCampusProperties;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo profile only: registers the apps the README's "Try single sign-on locally" uses — a CAS service
 * for {@code http://localhost:9999/.*}, the OIDC client {@code demo-app} and the system client
 * {@code demo-system} for campus systems calling the messaging and to-do APIs (its pages live at
 * {@code http://localhost:9998/}, where the deep links of its to-dos point). Their secrets are
 * published in the README and exist nowhere but in this demo profile. Runs after the demo university
 * is loaded (the owner department must exist) and only once.
 */
@Component
@Order(10)
class DemoApps implements ApplicationRunner {

	static final String DEMO_APP_SECRET = "demo-app-secret";

	static final String DEMO_SYSTEM_SECRET = "demo-system-secret";

	private final OneCampusProperties properties;

	private final SsoApps apps;

	private final AppRegistry registry;

	DemoApps(OneCampusProperties properties, SsoApps apps, AppRegistry registry) {
		this.properties = properties;
		this.apps = apps;
		this.registry = registry;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!properties.demo().enabled()) {
			return;
		}
		List<String> everything = List.of("username", "name", "email", "phone", "affiliations", "identifiers");
		if (apps.byCode("demo-cas").isEmpty()) {
			registry.register(new AppRequest("demo-cas", "示例 CAS 应用", "Demo CAS app", "ITC", Protocol.CAS,
					List.of("http://localhost:9999/.*"), null, null, null, null, everything, List.of(), false, false,
					null, true), null);
		}
		if (apps.byCode("demo-app").isEmpty()) {
			registry.register(new AppRequest("demo-app", "示例 OIDC 应用", "Demo OIDC app", "ITC", Protocol.OIDC, null,
					List.of("http://localhost:9999/callback"), List.of("http://localhost:9999/"),
					List.of("authorization_code", "refresh_token"), List.of("openid", "profile", "email"), everything,
					List.of(), false, true, null, true), DEMO_APP_SECRET);
		}
		if (apps.byCode("demo-system").isEmpty()) {
			// its own pages sign people in through the platform (OIDC): to-dos it pushes may link to them
			registry.register(new AppRequest("demo-system", "示例校园系统", "Demo campus system", "ITC", Protocol.OIDC,
					null, List.of("http://localhost:9998/callback"), List.of("http://localhost:9998/"), List.of("client_credentials"), List.of("messaging.send", "hall.todo"), List.of(),
					List.of(), false, false, null, true), DEMO_SYSTEM_SECRET);
		}
	}
}
