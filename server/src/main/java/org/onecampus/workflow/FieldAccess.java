package org.onecampus.workflow;

/** What a process node may do with a form field. */
public enum FieldAccess {

	/** Shown and may be changed. */
	EDITABLE,

	/** Shown; submitted values are ignored and the previous value kept. */
	READONLY,

	/** Not shown (removed from the data the node sees); the previous value kept. */
	HIDDEN
}
