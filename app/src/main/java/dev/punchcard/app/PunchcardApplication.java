package dev.punchcard.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The Punchcard service: chat channels, the staff HTTP API and the loyalty core in one
 * process. With no connection settings it runs on embedded PostgreSQL and Redis (see
 * {@code dev.punchcard.app.embedded}).
 */
@SpringBootApplication(scanBasePackages = "dev.punchcard")
@ConfigurationPropertiesScan("dev.punchcard")
public class PunchcardApplication {

	public static void main(String[] args) {
		SpringApplication.run(PunchcardApplication.class, args);
	}

}
