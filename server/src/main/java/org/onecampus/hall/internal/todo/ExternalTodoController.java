package org.onecampus.hall.internal.todo;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import org.onecampus.kernel.error.PlatformException;
import org.onecampus.kernel.paging.Page;
import org.onecampus.kernel.paging.PageQuery;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The API campus systems use to put their to-dos into the to-do centre: a client-credentials bearer
 * token with the scope {@code hall.todo}; {@code sourceSystem} is the caller's own client id.
 */
@RestController
class ExternalTodoController {

	private static final String PATH = "/api/v1/hall/external-todos/{sourceSystem}/{externalId}";

	private final ExternalTodoPushing pushing;

	private final ExternalTodos todos;

	ExternalTodoController(ExternalTodoPushing pushing, ExternalTodos todos) {
		this.pushing = pushing;
		this.todos = todos;
	}

	/** 201 with {@code Location} for a new to-do, 200 for a change or a repeated push. */
	@PutMapping(PATH)
	@PreAuthorize("hasAuthority('SCOPE_hall.todo')")
	ResponseEntity<ExternalTodoView> push(Authentication caller, @PathVariable String sourceSystem,
			@PathVariable String externalId, @RequestBody PushTodo body) {
		ExternalTodoPushing.Pushed pushed = pushing.push(client(caller), sourceSystem, externalId, body);
		ExternalTodoView view = ExternalTodoView.of(pushed.todo());
		return pushed.created()
				? ResponseEntity.created(URI.create("/api/v1/hall/external-todos/" + sourceSystem + "/" + externalId))
					.body(view)
				: ResponseEntity.ok(view);
	}

	@GetMapping(PATH)
	@PreAuthorize("hasAuthority('SCOPE_hall.todo')")
	ExternalTodoView get(Authentication caller, @PathVariable String sourceSystem, @PathVariable String externalId) {
		return ExternalTodoView.of(pushing.find(client(caller), sourceSystem, externalId));
	}

	/** Withdraws the to-do: it disappears from the to-do centre. */
	@DeleteMapping(PATH)
	@PreAuthorize("hasAuthority('SCOPE_hall.todo')")
	ResponseEntity<Void> withdraw(Authentication caller, @PathVariable String sourceSystem,
			@PathVariable String externalId) {
		pushing.withdraw(client(caller), sourceSystem, externalId);
		return ResponseEntity.noContent().build();
	}

	@PostMapping(PATH + "/completion")
	@PreAuthorize("hasAuthority('SCOPE_hall.todo')")
	ExternalTodoView complete(Authentication caller, @PathVariable String sourceSystem,
			@PathVariable String externalId) {
		return ExternalTodoView.of(pushing.complete(client(caller), sourceSystem, externalId));
	}

	/** What the caller pushed, newest push first; {@code status} OPEN or DONE, or absent for both. */
	@GetMapping("/api/v1/hall/external-todos")
	@PreAuthorize("hasAuthority('SCOPE_hall.todo')")
	Page<ExternalTodoView> list(Authentication caller, @RequestParam(required = false) String status,
			@Valid PageQuery page) {
		if (status != null && !List.of(ExternalTodo.OPEN, ExternalTodo.DONE).contains(status)) {
			throw new PlatformException(HttpStatus.BAD_REQUEST, "request.parameter", "status");
		}
		String client = client(caller);
		List<ExternalTodoView> items = todos.pushedBy(client, status, page.sizeOrDefault(), page.offset()).stream()
			.map(ExternalTodoView::of).toList();
		return new Page<>(items, page.pageOrDefault(), page.sizeOrDefault(), todos.countPushedBy(client, status));
	}

	/** The calling system's client id; a token issued for a person may not push (403). */
	private static String client(Authentication caller) {
		if (caller instanceof JwtAuthenticationToken token) {
			return token.getName();
		}
		throw new PlatformException(HttpStatus.FORBIDDEN, "hall.todo.system-token-required");
	}
}
