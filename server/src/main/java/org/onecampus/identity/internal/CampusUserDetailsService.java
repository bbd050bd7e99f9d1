package org.onecampus.identity.internal;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

import java.util.Map;

import org.onecampus.identity.CampusUser;
import org.onecampus.identity.internal.passwords.SignInPasswordScoring.StoredPassword;
import org.onecampus.identity.internal.protection.SignInAttempt;
import org.onecampus.kernel.audit.AuditLog;
import org.onecampus.kernel.audit.AuditLog.AuditEntry;

/** Loads accounts for sign-in and stores re-hashed passwords when the hashing parameters change. */
@Service
class CampusUserDetailsService implements UserDetailsService, UserDetailsPasswordService {

	private final Accounts accounts;

	private final AuditLog audit;

	CampusUserDetailsService(Accounts accounts, AuditLog audit) {
		this.accounts = accounts;
		this.audit = audit;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		var account = accounts.findForSignIn(username).orElseThrow(() -> new UsernameNotFoundException("no such account"));
		SignInAttempt.noteAccount(account.user().accountId(), account.secondFactor(),
				StoredPassword.of(account.user().getPassword(), account.passwordScored()));
		return account.user();
	}

	@Override
	public UserDetails updatePassword(UserDetails user, String newPassword) {
		CampusUser campusUser = (CampusUser) user;
		accounts.rehash(campusUser.accountId(), newPassword);
		// Legacy (MD5, SHA-1, bcrypt) or outdated Argon2 parameters: the stored hash is now Argon2id.
		audit.record(new AuditEntry(user.getUsername(), "identity.password-rehashed", "account:" + campusUser.accountId(),
				Map.of("from", user.getPassword() == null ? "unknown" : scheme(user.getPassword())), null));
		return accounts.findByLogin(user.getUsername()).orElseThrow();
	}

	private static String scheme(String hash) {
		if (hash.startsWith("$argon2")) {
			return "argon2";
		}
		if (hash.contains("$2a$") || hash.contains("$2b$") || hash.contains("$2y$")) {
			return "bcrypt";
		}
		return hash.replaceFirst("^\\{[^}]*}", "").length() == 32 ? "md5" : "sha1";
	}
}
