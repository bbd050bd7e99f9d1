package org.onecampus.hall.templates;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.onecampus.hall.internal.catalogue.ServiceCatalogue;
import org.onecampus.hall.internal.spi.ServiceHook;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** What the template tests share: a {@link TemplateDriver} on the running server. */
abstract class TemplateTests {

	@LocalServerPort
	int port;

	@Autowired
	ServiceCatalogue catalogue;

	@Autowired
	List<ServiceHook> hooks;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	TemplateDriver driver;

	@BeforeEach
	void driver() {
		driver = new TemplateDriver(port, catalogue, hooks, jdbc, new TransactionTemplate(transactions));
	}
}
