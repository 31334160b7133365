package dev.punchcard.bot.conversation;

import java.util.HashMap;
import java.util.Map;

/**
 * Where a user is in a multi-step flow.
 *
 * @param flow the flow's name
 * @param step the step awaited next
 * @param data what the flow collected so far
 */
public record FlowState(String flow, String step, Map<String, String> data) {

	public FlowState {
		data = Map.copyOf(data);
	}

	public static FlowState start(String flow, String step) {
		return new FlowState(flow, step, Map.of());
	}

	/** The same flow at another step with one more value. */
	public FlowState next(String nextStep, String key, String value) {
		Map<String, String> more = new HashMap<>(this.data);
		more.put(key, value);
		return new FlowState(this.flow, nextStep, more);
	}

	public String get(String key) {
		String value = this.data.get(key);
		if (value == null) {
			throw new IllegalStateException("flow " + this.flow + " has no " + key);
		}
		return value;
	}

}
