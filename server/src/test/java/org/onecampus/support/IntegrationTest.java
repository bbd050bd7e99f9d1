package org.onecampus.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on a real port over the embedded PostgreSQL, with the demo university
 * loaded. All integration tests share one context, so the database and the demo data are set up
 * once per test run.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "test", "demo" })
public @interface IntegrationTest {

	/** The demo password shared by the demo accounts (demo profile only). */
	String DEMO_PASSWORD = "Xq7!campus-Demo";
}
