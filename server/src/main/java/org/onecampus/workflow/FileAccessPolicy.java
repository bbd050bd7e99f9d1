package org.onecampus.workflow;

import java.util.UUID;

import org.onecampus.identity.CampusUser;

/**
 * SPI: who besides the uploader may download an uploaded file (for example everyone who may see a process
 * instance whose form data references it). Any bean answering true grants read access; with no bean, only the
 * uploader may read a file.
 */
public interface FileAccessPolicy {

	/**
	 * @param fileId the uploaded file; not null
	 * @param reader the signed-in person asking, with their permissions (a process administrator may read the
	 * files of the instances they may see); not null
	 * @return whether the person may read the file
	 */
	boolean mayRead(UUID fileId, CampusUser reader);
}
