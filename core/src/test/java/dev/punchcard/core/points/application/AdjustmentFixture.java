package dev.punchcard.core.points.application;

import dev.punchcard.core.customer.domain.Customer;
import dev.punchcard.core.shared.domain.CustomerId;
import dev.punchcard.core.shared.domain.Points;

/** Builds manual adjustments: +10 points under key {@code ticket-1} by {@code admin}. */
public final class AdjustmentFixture {

	private final CustomerId customerId;

	private long points = 10;

	private String reason = "goodwill after a complaint";

	private String key = "ticket-1";

	private String staffUsername = "admin";

	private AdjustmentFixture(CustomerId customerId) {
		this.customerId = customerId;
	}

	public static AdjustmentFixture anAdjustmentOf(Customer customer) {
		return new AdjustmentFixture(customer.id());
	}

	public static AdjustmentFixture anAdjustmentOf(CustomerId customerId) {
		return new AdjustmentFixture(customerId);
	}

	/** Points to add (positive) or remove (negative). */
	public AdjustmentFixture points(long points) {
		this.points = points;
		return this;
	}

	public AdjustmentFixture because(String reason) {
		this.reason = reason;
		return this;
	}

	public AdjustmentFixture key(String key) {
		this.key = key;
		return this;
	}

	public AdjustmentFixture by(String staffUsername) {
		this.staffUsername = staffUsername;
		return this;
	}

	public AdjustPointsCommand build() {
		return new AdjustPointsCommand(this.customerId, Points.of(this.points), this.reason, this.key,
				this.staffUsername);
	}

}
