package org.onecampus.identity.internal.passwords;

/** Why a password is refused; each has a message {@code password.problem.<code>} in both languages. */
public enum PasswordProblem {

	TOO_SHORT("too-short"), TOO_LONG("too-long"), FEW_CLASSES("few-classes"), PERSONAL("personal"),
	COMMON("common"), PATTERN("pattern"), WEAK("weak"), REUSED("reused");

	private final String code;

	PasswordProblem(String code) {
		this.code = code;
	}

	/** @return the stable code the API and the page use, such as {@code personal} */
	public String code() {
		return code;
	}
}
