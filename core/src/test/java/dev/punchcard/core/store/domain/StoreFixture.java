package dev.punchcard.core.store.domain;

import java.util.concurrent.atomic.AtomicInteger;

import dev.punchcard.core.shared.domain.StoreId;

/** Builds stores for tests: an active store with a unique code by default. */
public final class StoreFixture {

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	private String code = "S" + SEQUENCE.incrementAndGet();

	private String name = "Main Street";

	private boolean active = true;

	private StoreFixture() {
	}

	public static StoreFixture aStore() {
		return new StoreFixture();
	}

	public StoreFixture withCode(String code) {
		this.code = code;
		return this;
	}

	public StoreFixture named(String name) {
		this.name = name;
		return this;
	}

	public StoreFixture closed() {
		this.active = false;
		return this;
	}

	public Store build() {
		return new Store(StoreId.random(), this.code, this.name, this.active);
	}

}
