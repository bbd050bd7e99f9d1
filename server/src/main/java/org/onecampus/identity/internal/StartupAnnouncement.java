package org.onecampus.identity.internal;

import org.onecampus.kernel.OneCampusProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Tells whoever started OneCampus where it is and, in the demo, how to sign in. */
@Component
class StartupAnnouncement {

	private static final Logger log = LoggerFactory.getLogger(StartupAnnouncement.class);

	private final OneCampusProperties properties;

	StartupAnnouncement(OneCampusProperties properties) {
		this.properties = properties;
	}

	@EventListener
	void ready(ApplicationReadyEvent event) {
		int port = event.getApplicationContext() instanceof WebServerApplicationContext web
				? web.getWebServer().getPort() : 8080;
		StringBuilder message = new StringBuilder()
			.append("\n\n  OneCampus · 一网通办 is running at http://localhost:").append(port).append('\n');
		if (properties.demo().enabled()) {
			message.append("""

					  Demo university (示例大学). Every demo account's password: %s
					    admin       platform administrator        stu001   undergraduate, 计算机学院
					    grad001     postgraduate                  fac001   faculty, 计算机学院
					    cou001      counsellor of stu001's class  head001  head of 计算机学院
					    intl001     staff, 国际合作部              it001    staff, 信息中心 (security officer)
					    visitor001  visitor
					""".formatted(IdentityBootstrap.DEMO_PASSWORD));
		}
		log.info(message.toString());
	}
}
