package dev.punchcard.core.segment.application;

import java.util.List;

import dev.punchcard.core.shared.domain.ChatChannel;
import dev.punchcard.core.shared.domain.CustomerId;

/**
 * A member shown as a sample of a segment.
 *
 * @param id customer id
 * @param name display name
 * @param tier current tier
 * @param channels the messengers on which the member can be reached, in name order
 */
public record SampleMember(CustomerId id, String name, String tier, List<ChatChannel> channels) {

	public SampleMember {
		channels = List.copyOf(channels);
	}

}
