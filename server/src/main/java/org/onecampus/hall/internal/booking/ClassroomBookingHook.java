package org.onecampus.hall.internal.booking;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.onecampus.hall.internal.catalogue.ServiceItem;
import org.onecampus.hall.internal.spi.ServiceHook;
import org.onecampus.identity.CampusUser;
import org.onecampus.kernel.error.PlatformException;
import org.onecampus.kernel.error.PlatformException.FieldProblem;

import org.springframework.stereotype.Component;

/**
 * 教室借用: holds the room for the time at submit (422 on {@code room} naming the conflicting booking when it is
 * taken, or when the room is not bookable or out of service then), confirms it on approval and releases it when the
 * application is rejected, withdrawn or terminated. The room must be on the campus chosen in the form (the form offers
 * every bookable room of the {@value RoomCodeSet#KEY} code set).
 */
@Component
class ClassroomBookingHook implements ServiceHook {

	static final String SERVICE = "classroom-booking";

	private final Rooms rooms;

	ClassroomBookingHook(Rooms rooms) {
		this.rooms = rooms;
	}

	@Override
	public boolean supports(ServiceItem item) {
		return SERVICE.equals(item.code());
	}

	@Override
	public void beforeValidation(ServiceItem item, Map<String, Object> submitted) {
		if (submitted.get("room") instanceof String room) {
			rooms.checkOffered(room);
		}
	}

	@Override
	public void beforeSubmit(ServiceItem item, UUID applicationId, UUID applicantId, Map<String, Object> formData) {
		String room = String.valueOf(formData.get("room"));
		Object campus = formData.get("campus");
		rooms.room(room).filter(r -> campus != null && !r.campus().equals(campus.toString())).ifPresent(r -> {
			throw PlatformException.invalid(List.of(new FieldProblem("room", "hall.room.campus-mismatch", r.campus())));
		});
		Object purpose = formData.get("purpose");
		rooms.reserve(applicationId, applicantId, room, time(formData, "from"), time(formData, "to"),
				purpose == null ? null : purpose.toString());
	}

	@Override
	public void ended(ServiceItem item, UUID applicationId, UUID applicantId, String status, Map<String, Object> formData) {
		if ("APPROVED".equals(status)) {
			rooms.confirm(applicationId);
		}
		else {
			rooms.release(applicationId);
		}
	}

	/** Room administrators see the applications that booked a room (linked from a room's bookings). */
	@Override
	public boolean administers(ServiceItem item, UUID applicationId, CampusUser user) {
		return user.hasPermission(RoomAdministration.PERMISSION) && rooms.status(applicationId).isPresent();
	}

	private static OffsetDateTime time(Map<String, Object> formData, String field) {
		try {
			return OffsetDateTime.parse(String.valueOf(formData.get(field)));
		}
		catch (DateTimeParseException ex) {
			throw PlatformException.invalid(List.of(new FieldProblem(field, "hall.room.time")));
		}
	}
}
