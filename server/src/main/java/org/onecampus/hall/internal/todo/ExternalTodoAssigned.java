package org.onecampus.hall.internal.todo;

import java.time.Instant;
import java.util.UUID;

/**
 * A pushed to-do is new for its assignee (created, or handed to another person).
 * @param systemName the system's name to show, in Chinese
 * @param at when it was pushed (tells a later re-assignment to the same person from a retry)
 */
record ExternalTodoAssigned(UUID todoId, UUID assigneeId, String systemName, String title, Instant at) {
}
