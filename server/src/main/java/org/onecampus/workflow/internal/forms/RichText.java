package org.onecampus.workflow.internal.forms;

import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/**
 * Rich-text values are sanitized with an allow-list (OWASP java-html-sanitizer): formatting, blocks (with lists), tables
 * and links (http, https, mailto; opened with {@code rel="nofollow noopener"}). Scripts, event handlers, styles,
 * iframes and images are removed.
 */
final class RichText {

	private static final PolicyFactory POLICY = Sanitizers.FORMATTING.and(Sanitizers.BLOCKS)
		.and(Sanitizers.TABLES)
		.and(new HtmlPolicyBuilder().allowElements("a")
			.allowUrlProtocols("http", "https", "mailto")
			.allowAttributes("href")
			.onElements("a")
			.requireRelsOnLinks("nofollow", "noopener")
			.toFactory())
		.and(new HtmlPolicyBuilder().allowElements("br", "hr").toFactory());

	private RichText() {
	}

	static String sanitize(String html) {
		return html == null ? null : POLICY.sanitize(html);
	}
}
