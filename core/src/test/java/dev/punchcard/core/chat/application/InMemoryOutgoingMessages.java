package dev.punchcard.core.chat.application;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.punchcard.core.shared.domain.ChatChannel;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * {@link OutgoingMessages} in memory, with the R2DBC adapter's rules: either write
 * creates the row, the status moves only forward, never away from FAILED.
 */
public class InMemoryOutgoingMessages implements OutgoingMessages {

	private final Map<String, Row> rows = new LinkedHashMap<>();

	@Override
	public Mono<Void> accepted(ChatChannel channel, String platformId, UUID ourId, String recipient,
			@Nullable UUID notificationId) {
		return Mono.fromRunnable(() -> {
			synchronized (this.rows) {
				Row row = this.rows.computeIfAbsent(key(channel, platformId), (key) -> new Row());
				row.ourId = ourId;
				row.recipient = recipient;
				row.notificationId = notificationId;
			}
		});
	}

	@Override
	public Mono<Boolean> reported(ChatChannel channel, String platformId, DeliveryStatus status, int errorCode) {
		return Mono.fromSupplier(() -> {
			synchronized (this.rows) {
				Row row = this.rows.get(key(channel, platformId));
				if (row != null && row.status.rank() >= status.rank()) {
					return false;
				}
				if (row == null) {
					row = new Row();
					this.rows.put(key(channel, platformId), row);
				}
				row.status = status;
				row.errorCode = errorCode;
				return true;
			}
		});
	}

	@Override
	public Mono<UUID> notificationOf(ChatChannel channel, String platformId) {
		return Mono.fromSupplier(() -> {
			synchronized (this.rows) {
				Row row = this.rows.get(key(channel, platformId));
				return (row != null) ? row.notificationId : null;
			}
		});
	}

	@Override
	public Mono<Optional<DeliveryStatus>> status(ChatChannel channel, String platformId) {
		return Mono.fromSupplier(() -> {
			synchronized (this.rows) {
				return Optional.ofNullable(this.rows.get(key(channel, platformId))).map((row) -> row.status);
			}
		});
	}

	/** Our id of the message the platform knows as {@code platformId}, if recorded. */
	public Optional<UUID> ourId(ChatChannel channel, String platformId) {
		synchronized (this.rows) {
			return Optional.ofNullable(this.rows.get(key(channel, platformId))).map((row) -> row.ourId);
		}
	}

	public int size() {
		synchronized (this.rows) {
			return this.rows.size();
		}
	}

	private static String key(ChatChannel channel, String platformId) {
		return channel + ":" + platformId;
	}

	private static final class Row {

		DeliveryStatus status = DeliveryStatus.ACCEPTED;

		int errorCode;

		UUID ourId;

		String recipient;

		UUID notificationId;

	}

}
