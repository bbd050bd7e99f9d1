package org.onecampus.kernel.audit;

import java.util.Map;

/**
 * The one way any module writes to the audit log. Entries are appended to a hash chain: each
 * entry's hash covers its content and the previous entry's hash, so an edited or deleted entry is
 * found by {@link AuditVerification}. An entry written inside a transaction is kept only if that
 * transaction commits, so a change that did not happen is never recorded as done.
 */
public interface AuditLog {

	/**
	 * Records an action of the current person (from the security context) from the current request's
	 * address. Outside a request the actor is {@code system}.
	 * @param action dotted action code such as {@code auth.sign-in}; not null
	 * @param target what was acted on, such as {@code person:8f3…}; may be null
	 * @param details small JSON-serializable facts; may be null or empty
	 */
	void record(String action, String target, Map<String, ?> details);

	/**
	 * Records an entry with an explicit actor and address (for events raised outside a request).
	 */
	void record(AuditEntry entry);

	/**
	 * Records an entry together with a database write of the caller's, in one transaction: the entry is kept
	 * exactly when the write is, and both are committed before this returns. Outside a transaction the two
	 * go with the other entries being recorded at that moment (one commit for all of them); inside one they
	 * join it. The write may run on another thread: it must use only the database (through the application's
	 * data source) and values computed before the call, not the caller's thread-bound state.
	 * @param entry the entry; not null
	 * @param write the caller's statements; an exception from it fails this call and keeps neither
	 */
	void record(AuditEntry entry, Runnable write);

	/**
	 * An entry to append.
	 * @param actor username of whoever acted, or {@code system}; may be null when unknown
	 * @param action action code; not null
	 * @param target target; may be null
	 * @param details details; may be null
	 * @param ip client address; may be null
	 */
	record AuditEntry(String actor, String action, String target, Map<String, ?> details, String ip) {
	}
}
