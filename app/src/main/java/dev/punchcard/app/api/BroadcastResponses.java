package dev.punchcard.app.api;

import java.time.Instant;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.punchcard.core.broadcast.application.BroadcastView;
import dev.punchcard.core.broadcast.application.RecipientRow;
import dev.punchcard.core.broadcast.domain.Broadcast;
import dev.punchcard.core.broadcast.domain.RecipientState;
import dev.punchcard.core.broadcast.domain.TemplateChoice;
import dev.punchcard.core.campaign.domain.Binding;
import org.jspecify.annotations.Nullable;

/** The JSON shapes of broadcasts and their recipients. */
final class BroadcastResponses {

	private BroadcastResponses() {
	}

	record BroadcastResponse(String id, String name, @Nullable String segmentId, String channelPolicy,
			@Nullable ChoiceResponse whatsApp, @Nullable ChoiceResponse telegram, @Nullable Instant scheduledAt,
			String timeZone, @Nullable QuietResponse quietHours, String state, @Nullable String pauseReason,
			String createdBy, Instant createdAt, @Nullable String updatedBy, Instant updatedAt,
			@Nullable Instant startedAt, @Nullable Instant completedAt, ProgressResponse progress) {

		static BroadcastResponse of(BroadcastView view) {
			Broadcast b = view.broadcast();
			return new BroadcastResponse(b.id().toString(), b.name(),
					(b.segment() == null) ? null : b.segment().toString(), b.policy().name(),
					ChoiceResponse.of(b.whatsApp()), ChoiceResponse.of(b.telegram()), b.scheduledAt(),
					b.timeZone().getId(),
					(b.quietHours() == null) ? null : new QuietResponse(b.quietHours().from(), b.quietHours().until()),
					b.state().name(), b.pauseReason(), b.createdBy().toString(), b.createdAt(),
					(b.updatedBy() == null) ? null : b.updatedBy().toString(), b.updatedAt(), b.startedAt(),
					b.completedAt(), ProgressResponse.of(view));
		}

	}

	record ChoiceResponse(String templateId, Map<String, Map<String, String>> bindings,
			@Nullable String voucherRewardId) {

		static @Nullable ChoiceResponse of(@Nullable TemplateChoice choice) {
			if (choice == null) {
				return null;
			}
			Map<String, Map<String, String>> bindings = new LinkedHashMap<>();
			choice.use().bindings().forEach((key, binding) -> bindings.put(key, switch (binding) {
				case Binding.ToField field -> Map.of("field", field.field().key());
				case Binding.ToConstant constant -> Map.of("constant", constant.value());
			}));
			return new ChoiceResponse(choice.templateId().toString(), bindings,
					(choice.use().voucherReward() == null) ? null : choice.use().voucherReward().value().toString());
		}

	}

	record QuietResponse(LocalTime from, LocalTime until) {
	}

	record ProgressResponse(long total, Map<String, Long> byState, Map<String, Map<String, Long>> byChannel,
			long remaining, double percent, double ratePerSecond, @Nullable Long secondsLeft,
			Map<String, Long> buttons) {

		static ProgressResponse of(BroadcastView view) {
			Map<String, Map<String, Long>> byChannel = new LinkedHashMap<>();
			view.byChannel().forEach((channel, counts) -> byChannel.put(channel, names(counts)));
			return new ProgressResponse(view.total(), names(view.byState()), byChannel, view.remaining(),
					view.progressPercent(), view.ratePerSecond(), view.secondsLeft(), view.buttons());
		}

		private static Map<String, Long> names(Map<RecipientState, Long> counts) {
			Map<String, Long> named = new LinkedHashMap<>();
			counts.forEach((state, count) -> named.put(state.name(), count));
			return named;
		}

	}

	record RecipientResponse(long id, String customerId, @Nullable String channel, String state,
			@Nullable String skipReason, @Nullable String messageId, @Nullable String errorCode,
			@Nullable String errorReason, int attempts, @Nullable Instant sentAt, @Nullable Instant deliveredAt,
			@Nullable Instant readAt, @Nullable Instant failedAt) {

		static RecipientResponse of(RecipientRow row) {
			return new RecipientResponse(row.id(), row.customerId().toString(),
					(row.channel() == null) ? null : row.channel().name(), row.state().name(),
					(row.skipReason() == null) ? null : row.skipReason().name(), row.messageId(), row.errorCode(),
					row.errorReason(), row.attempts(), row.sentAt(), row.deliveredAt(), row.readAt(), row.failedAt());
		}

	}

	/** A page of recipients and the {@code after} of the next page (null on the last). */
	record RecipientPageResponse(java.util.List<RecipientResponse> recipients, @Nullable Long next) {
	}

}
