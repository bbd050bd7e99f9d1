package org.onecampus.workflow.internal.tasks;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.onecampus.identity.CampusUser;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The routing simulator for designers and process administrators: who would approve at each node, for
 * sample applicants or the given ones, before the process is published.
 */
@RestController
class SimulationController {

	private final RoutingSimulator simulator;

	SimulationController(RoutingSimulator simulator) {
		this.simulator = simulator;
	}

	/**
	 * @param applicants person ids to simulate for; empty or absent: one sample applicant per admitted type
	 * @param formData form data for the branch conditions and form-field approvers; absent: every branch
	 */
	record SimulationRequest(@Size(max = 50) List<UUID> applicants, Map<String, Object> formData) {
	}

	/**
	 * Simulates the draft ({@code version} absent) or a published version. Designers
	 * ({@code workflow:process:write}) and the process's administrators may call it; others get 404.
	 */
	@PostMapping("/api/v1/workflow/processes/{key}/simulations")
	@Operation(summary = "Who would approve at each node for sample or given applicants and form data, with flags: EMPTY, "
			+ "SELF, DUPLICATE, LOOP, UNREACHABLE, CHOSEN_AT_RUNTIME, FIELD_MISSING (a FORM_FIELD or ORG_FIELD rule whose "
			+ "field the data lacks)")
	@PreAuthorize("hasAuthority('workflow:process:write') or hasAuthority('workflow:instance:start')")
	RoutingSimulator.Simulation simulate(@AuthenticationPrincipal CampusUser user, @PathVariable String key,
			@RequestParam(required = false) @Positive Integer version,
			@Valid @RequestBody(required = false) SimulationRequest body) {
		SimulationRequest request = body == null ? new SimulationRequest(null, null) : body;
		return simulator.simulate(key, version, request.applicants(), request.formData(), user);
	}
}
