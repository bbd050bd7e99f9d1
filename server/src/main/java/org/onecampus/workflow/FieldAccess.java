package org.onecampus.workflow;

/** How a process node may treat a form field. */
public enum FieldAccess {
	EDITABLE, READONLY, HIDDEN
}
