package org.onecampus.kernel;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code onecampus.*}.
 *
 * @param dataDir where the embedded database and generated keys live; never null
 * @param db external database settings; when {@code db.url} is blank the embedded PostgreSQL is used
 * @param demo whether the demo university is loaded on the first start
 * @param university the university's display names
 */
@ConfigurationProperties("onecampus")
public record OneCampusProperties(@DefaultValue("./data") Path dataDir, @DefaultValue Db db, @DefaultValue Demo demo,
		@DefaultValue University university) {

	/**
	 * @param url JDBC URL of an external PostgreSQL, or blank for the embedded one
	 * @param user database user
	 * @param password database password
	 * @param embeddedPort port of the embedded database, 0 for any free port
	 * @param poolSize maximum connections in the pool
	 * @param embeddedSocket connect to the embedded database over its Unix-domain socket (false: TCP on localhost)
	 */
	public record Db(String url, String user, String password, @DefaultValue("0") int embeddedPort,
			@DefaultValue("20") int poolSize, @DefaultValue("true") boolean embeddedSocket) {

		public boolean external() {
			return url != null && !url.isBlank();
		}
	}

	/**
	 * @param enabled load the demo university on the first start
	 * @param seed the generator's seed; the same seed gives the same university
	 */
	public record Demo(@DefaultValue("false") boolean enabled, @DefaultValue("20261123") long seed) {
	}

	public record University(@DefaultValue("示例大学") String name, @DefaultValue("Demo University") String nameEn) {
	}
}
