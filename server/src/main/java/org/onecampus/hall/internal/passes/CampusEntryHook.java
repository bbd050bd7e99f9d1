package org.onecampus.hall.internal.passes;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.onecampus.hall.internal.catalogue.ServiceItem;
import org.onecampus.hall.internal.spi.ServiceHook;
import org.onecampus.kernel.error.PlatformException;
import org.onecampus.kernel.error.PlatformException.FieldProblem;

import org.springframework.stereotype.Component;

/**
 * 入校备案申请: checks the visit's time at submit (it ends after it starts, lasts at most seven days and has not
 * already begun more than an hour ago), issues the visitor pass on approval (valid from an hour before the visit
 * to its end) and offers it as {@code pass.png}, a QR code of the signed token the guards scan.
 */
@Component
class CampusEntryHook implements ServiceHook {

	static final String SERVICE = "campus-entry";

	static final Duration EARLY = Duration.ofHours(1);

	static final Duration LONGEST = Duration.ofDays(7);

	private final Credentials credentials;

	CampusEntryHook(Credentials credentials) {
		this.credentials = credentials;
	}

	@Override
	public boolean supports(ServiceItem item) {
		return SERVICE.equals(item.code());
	}

	@Override
	public void beforeSubmit(ServiceItem item, UUID applicationId, UUID applicantId, Map<String, Object> formData) {
		List<FieldProblem> problems = new ArrayList<>();
		Instant from = time(formData, "visitFrom", problems);
		Instant to = time(formData, "visitTo", problems);
		if (from != null && to != null) {
			if (!to.isAfter(from)) {
				problems.add(new FieldProblem("visitTo", "hall.pass.range"));
			}
			else if (Duration.between(from, to).compareTo(LONGEST) > 0) {
				problems.add(new FieldProblem("visitTo", "hall.pass.too-long", LONGEST.toDays()));
			}
			if (from.isBefore(Instant.now().minus(EARLY))) {
				problems.add(new FieldProblem("visitFrom", "hall.pass.past"));
			}
		}
		if (!problems.isEmpty()) {
			throw PlatformException.invalid(problems);
		}
	}

	@Override
	public void ended(ServiceItem item, UUID applicationId, UUID applicantId, String status, Map<String, Object> formData) {
		if ("APPROVED".equals(status)) {
			issue(applicationId, applicantId, formData);
		}
	}

	@Override
	public List<Result> results(ServiceItem item, UUID applicationId, UUID applicantId, Map<String, Object> formData) {
		Credentials.Credential pass = issue(applicationId, applicantId, formData);
		return List.of(new Result("pass.png", Map.of("zh-CN", "入校通行证二维码", "en-US", "Campus entry pass (QR code)"),
				"image/png", QrImages.png(credentials.token(pass), 8)));
	}

	private Credentials.Credential issue(UUID applicationId, UUID applicantId, Map<String, Object> formData) {
		return credentials.find(applicationId).orElseGet(() -> {
			Instant from = OffsetDateTime.parse(String.valueOf(formData.get("visitFrom"))).toInstant();
			Instant to = OffsetDateTime.parse(String.valueOf(formData.get("visitTo"))).toInstant();
			Object plate = formData.get("plateNumber");
			return credentials.issue(Credentials.VISITOR_PASS, applicationId, applicantId,
					String.valueOf(formData.getOrDefault("visitorName", "")),
					plate == null || plate.toString().isBlank() ? null : plate.toString(), from.minus(EARLY), to);
		});
	}

	private static Instant time(Map<String, Object> formData, String field, List<FieldProblem> problems) {
		try {
			return OffsetDateTime.parse(String.valueOf(formData.get(field))).toInstant();
		}
		catch (DateTimeParseException ex) {
			problems.add(new FieldProblem(field, "hall.pass.time"));
			return null;
		}
	}
}
