package org.onecampus.identity.internal.ldap;

import java.net.URI;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;

import javax.net.SocketFactory;

import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.controls.SimplePagedResultsControl;
import com.unboundid.util.ssl.SSLUtil;
import com.unboundid.util.ssl.TrustStoreTrustManager;

import org.onecampus.kernel.error.PlatformException;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Reads the people of the directory with a paged subtree search (Active Directory returns at most
 * 1,000 entries per page). {@code ldaps://} verifies the server against the JVM trust store.
 */
@Component
class LdapDirectory {

	private static final int PAGE = 500;

	/** One directory entry, its attributes already mapped; blank values are null. */
	record Entry(String dn, String identifier, String name, String nameEn, String email, String phone, String orgUnitCode) {
	}

	List<Entry> people(LdapProperties properties) {
		URI uri = URI.create(properties.url());
		boolean secure = "ldaps".equalsIgnoreCase(uri.getScheme());
		int port = uri.getPort() > 0 ? uri.getPort() : secure ? 636 : 389;
		try (LDAPConnection connection = new LDAPConnection(socketFactory(secure), uri.getHost(), port)) {
			if (properties.bindDn() != null && !properties.bindDn().isBlank()) {
				connection.bind(properties.bindDn(), properties.bindPassword() == null ? "" : properties.bindPassword());
			}
			LdapProperties.Attributes a = properties.attributes();
			String[] wanted = java.util.stream.Stream.of(a.identifier(), a.name(), a.nameEn(), a.email(), a.phone(), a.orgUnit())
				.filter(s -> s != null && !s.isBlank()).toArray(String[]::new);
			SearchRequest request = new SearchRequest(properties.baseDn(), SearchScope.SUB,
					Filter.create(properties.filter()), wanted);
			List<Entry> entries = new ArrayList<>();
			ASN1OctetString cookie = null;
			do {
				request.setControls(new SimplePagedResultsControl(PAGE, cookie));
				SearchResult result = connection.search(request);
				for (SearchResultEntry e : result.getSearchEntries()) {
					entries.add(new Entry(e.getDN(), value(e, a.identifier()), value(e, a.name()), value(e, a.nameEn()),
							value(e, a.email()), value(e, a.phone()), value(e, a.orgUnit())));
				}
				SimplePagedResultsControl paged = SimplePagedResultsControl.get(result);
				cookie = paged == null || !paged.moreResultsToReturn() ? null : paged.getCookie();
			}
			while (cookie != null);
			return entries;
		}
		catch (LDAPException ex) {
			throw new PlatformException(HttpStatus.BAD_GATEWAY, "identity.ldap.unavailable", ex.getResultCode().getName());
		}
	}

	private static SocketFactory socketFactory(boolean secure) {
		if (!secure) {
			return SocketFactory.getDefault();
		}
		try {
			String trustStore = System.getProperty("javax.net.ssl.trustStore",
					System.getProperty("java.home") + "/lib/security/cacerts");
			return new SSLUtil(new TrustStoreTrustManager(trustStore)).createSSLSocketFactory();
		}
		catch (GeneralSecurityException ex) {
			throw new PlatformException(HttpStatus.BAD_GATEWAY, "identity.ldap.unavailable", ex.getMessage());
		}
	}

	private static String value(SearchResultEntry entry, String attribute) {
		if (attribute == null || attribute.isBlank()) {
			return null;
		}
		String value = entry.getAttributeValue(attribute);
		return value == null || value.isBlank() ? null : value.trim();
	}
}
