package dev.punchcard.core.staff.infrastructure;

import dev.punchcard.core.staff.application.PasswordHashing;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * BCrypt on a bounded worker pool: each hash costs tens of milliseconds of CPU, never on
 * an event loop.
 */
class BCryptPasswordHashing implements PasswordHashing {

	private final BCryptPasswordEncoder encoder;

	private final Scheduler workers;

	private final String decoyHash;

	BCryptPasswordHashing(int strength, Scheduler workers) {
		this.encoder = new BCryptPasswordEncoder(strength);
		this.workers = workers;
		this.decoyHash = this.encoder.encode("decoy-password-for-unknown-users");
	}

	@Override
	public Mono<String> hash(String password) {
		return Mono.fromCallable(() -> this.encoder.encode(password)).subscribeOn(this.workers);
	}

	@Override
	public Mono<Boolean> matches(String password, String hash) {
		return Mono.fromCallable(() -> this.encoder.matches(password, hash)).subscribeOn(this.workers);
	}

	@Override
	public Mono<Boolean> matchNothing(String password) {
		return matches(password, this.decoyHash).map((ignored) -> false);
	}

}
