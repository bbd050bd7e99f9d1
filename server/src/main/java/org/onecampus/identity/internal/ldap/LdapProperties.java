package org.onecampus.identity.internal.ldap;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Directory sync from LDAP / Active Directory ({@code onecampus.identity.ldap.*}). Off while {@code url} is blank.
 * @param url e.g. {@code ldaps://ad.example.edu.cn:636} or {@code ldap://host:389}
 * @param baseDn where to search, e.g. {@code ou=people,dc=example,dc=edu,dc=cn}
 * @param bindDn who to bind as; blank binds anonymously
 * @param bindPassword the bind password (from the environment, never in the repository)
 * @param filter which entries are people
 * @param attributes which attribute holds which person field
 * @param affiliationType the affiliation type synced people get
 * @param orgUnitCode the org unit of synced people when the entry names none
 * @param cron when the scheduled sync runs; {@code -} turns it off
 */
@ConfigurationProperties("onecampus.identity.ldap")
record LdapProperties(String url, String baseDn, String bindDn, String bindPassword,
		@DefaultValue("(objectClass=person)") String filter, @DefaultValue Attributes attributes,
		@DefaultValue("STAFF") String affiliationType, String orgUnitCode, @DefaultValue("-") String cron) {

	boolean enabled() {
		return url != null && !url.isBlank() && baseDn != null && !baseDn.isBlank();
	}

	/**
	 * Attribute names; blank leaves a field empty. {@code orgUnit} holds an org unit code.
	 */
	record Attributes(@DefaultValue("employeeNumber") String identifier, @DefaultValue("cn") String name,
			@DefaultValue("displayName") String nameEn, @DefaultValue("mail") String email,
			@DefaultValue("mobile") String phone, @DefaultValue("departmentNumber") String orgUnit) {
	}
}
