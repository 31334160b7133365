package dev.punchcard.app.security;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;

import dev.punchcard.core.staff.application.EnsureFirstAdmin;
import dev.punchcard.core.staff.application.StaffAccounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Creates the first ADMIN on an empty database: from {@code PUNCHCARD_ADMIN_USERNAME} and
 * {@code PUNCHCARD_ADMIN_PASSWORD}, or, on the zero-setup run without them, as
 * {@code admin} with a generated password printed once. There is never a default
 * password.
 */
@Component
class FirstAdminBootstrap implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(FirstAdminBootstrap.class);

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final EnsureFirstAdmin ensureFirstAdmin;

	private final StaffAccounts accounts;

	private final Environment environment;

	FirstAdminBootstrap(EnsureFirstAdmin ensureFirstAdmin, StaffAccounts accounts, Environment environment) {
		this.ensureFirstAdmin = ensureFirstAdmin;
		this.accounts = accounts;
		this.environment = environment;
	}

	@Override
	public void run(ApplicationArguments args) {
		// start-up, not a request path: blocking here keeps the service from serving
		// before the admin exists
		String username = this.environment.getProperty("punchcard.admin.username");
		String password = this.environment.getProperty("punchcard.admin.password");
		if (username != null && password != null) {
			this.ensureFirstAdmin.ensure(username, password)
				.doOnNext((admin) -> log.info("Created the first administrator '{}'", admin.username()))
				.block(TIMEOUT);
			return;
		}
		if (this.environment.getProperty("punchcard.zero-setup", Boolean.class, false)) {
			String generated = strongPassword();
			this.ensureFirstAdmin.ensure("admin", generated).doOnNext((admin) -> log.warn("""

					  Created the first administrator for this zero-setup run:
					    username: admin
					    password: {}
					  This password is shown only once. Log in with POST /api/v1/auth/token.
					""", generated)).block(TIMEOUT);
			return;
		}
		Boolean any = this.accounts.any().block(TIMEOUT);
		if (!Boolean.TRUE.equals(any)) {
			log.warn("No staff account exists. Set PUNCHCARD_ADMIN_USERNAME and PUNCHCARD_ADMIN_PASSWORD and restart "
					+ "to create the first administrator.");
		}
	}

	private static String strongPassword() {
		byte[] bytes = new byte[18];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
