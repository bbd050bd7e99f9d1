package org.onecampus.identity.internal.registration;

/** Who may register themselves; each maps to the affiliation type of the same name. */
public enum GuestKind {
	VISITOR, PARENT
}
