package dev.punchcard.core.staff.application;

import java.util.Optional;

import dev.punchcard.core.shared.domain.StaffId;
import dev.punchcard.core.shared.domain.StoreId;
import dev.punchcard.core.staff.application.StaffOutcome.Registered;
import dev.punchcard.core.staff.application.StaffOutcome.StoreRequired;
import dev.punchcard.core.staff.application.StaffOutcome.UnknownStore;
import dev.punchcard.core.staff.application.StaffOutcome.UsernameTaken;
import dev.punchcard.core.staff.application.StaffOutcome.WeakPassword;
import dev.punchcard.core.staff.domain.Role;
import dev.punchcard.core.staff.domain.StaffMember;
import dev.punchcard.core.store.application.Stores;
import dev.punchcard.core.store.domain.Store;
import reactor.core.publisher.Mono;

/** An administrator creates a staff account. */
public class RegisterStaff {

	private final StaffAccounts accounts;

	private final Stores stores;

	private final PasswordHashing hashing;

	public RegisterStaff(StaffAccounts accounts, Stores stores, PasswordHashing hashing) {
		this.accounts = accounts;
		this.stores = stores;
		this.hashing = hashing;
	}

	/** Emits what happened; never errors for business reasons. */
	public Mono<StaffOutcome> register(RegisterStaffCommand command) {
		Optional<String> weakness = PasswordPolicy.weakness(command.password());
		if (weakness.isPresent()) {
			return Mono.just(new WeakPassword(weakness.get()));
		}
		if (command.role() == Role.CASHIER && command.storeCode() == null) {
			return Mono.just(new StoreRequired());
		}
		return homeStore(command).flatMap((store) -> insert(command, store.map(Store::id).orElse(null)))
			.switchIfEmpty(Mono.fromSupplier(() -> new UnknownStore(String.valueOf(command.storeCode()))));
	}

	private Mono<Optional<Store>> homeStore(RegisterStaffCommand command) {
		if (command.storeCode() == null) {
			return Mono.just(Optional.empty());
		}
		return this.stores.findByCode(command.storeCode()).map(Optional::of);
	}

	private Mono<StaffOutcome> insert(RegisterStaffCommand command, StoreId storeId) {
		return this.hashing.hash(command.password())
			.map((hash) -> new StaffMember(StaffId.random(), command.username(), hash, command.role(), storeId, true))
			.flatMap(this.accounts::insertIfAbsent)
			.<StaffOutcome>map(Registered::new)
			.defaultIfEmpty(new UsernameTaken(command.username()));
	}

}
