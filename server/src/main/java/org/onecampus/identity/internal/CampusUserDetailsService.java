package org.onecampus.identity.internal;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

import org.onecampus.identity.CampusUser;

/** Loads accounts for sign-in and stores re-hashed passwords when the hashing parameters change. */
@Service
class CampusUserDetailsService implements UserDetailsService, UserDetailsPasswordService {

	private final Accounts accounts;

	CampusUserDetailsService(Accounts accounts) {
		this.accounts = accounts;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		return accounts.findByLogin(username).orElseThrow(() -> new UsernameNotFoundException("no such account"));
	}

	@Override
	public UserDetails updatePassword(UserDetails user, String newPassword) {
		CampusUser campusUser = (CampusUser) user;
		accounts.rehash(campusUser.accountId(), newPassword);
		return accounts.findByLogin(user.getUsername()).orElseThrow();
	}
}
