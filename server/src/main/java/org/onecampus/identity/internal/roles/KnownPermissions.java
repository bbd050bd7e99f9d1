package org.onecampus.identity.internal.roles;

import java.util.List;
import java.util.TreeSet;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The permissions known to the platform: those some role holds plus the ones the modules check. */
@Component
class KnownPermissions {

	/** Permissions the modules check, whether or not a role holds them today. */
	static final List<String> DECLARED = List.of("kernel:audit:read", "kernel:audit:verify", "kernel:ops:read",
			"identity:me:read", "identity:person:read", "identity:person:manage", "identity:person:reveal-id",
			"identity:org:read", "identity:org:manage", "identity:app:manage", "identity:role:manage",
			"messaging:message:send", "messaging:delivery:read", "messaging:channel:manage",
			"messaging:template:manage", "messaging:category:manage", "workflow:task:read", "workflow:instance:start",
			"workflow:process:read", "workflow:process:write", "workflow:process:publish", "workflow:process:admin", "hall:application:create", "hall:application:read",
			"hall:service:manage", "hall:statistics:read", "hall:template:install",
			"hall:todo:read", "hall:pass:verify", "hall:room:read", "hall:room:manage");

	private final JdbcClient jdbc;

	KnownPermissions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<String> all() {
		TreeSet<String> all = new TreeSet<>(DECLARED);
		all.addAll(jdbc.sql("select distinct permission from identity_role_permission").query(String.class).list());
		return List.copyOf(all);
	}
}
