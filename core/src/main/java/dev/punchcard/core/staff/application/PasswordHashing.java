package dev.punchcard.core.staff.application;

import reactor.core.publisher.Mono;

/**
 * Slow, salted password hashing; implementations keep the work off event-loop threads.
 */
public interface PasswordHashing {

	/** Emits the hash of the password. */
	Mono<String> hash(String password);

	/** Emits whether the password matches the hash. */
	Mono<Boolean> matches(String password, String hash);

	/**
	 * Emits false after the same work as a real check, so unknown usernames take as long
	 * as wrong passwords.
	 */
	Mono<Boolean> matchNothing(String password);

}
