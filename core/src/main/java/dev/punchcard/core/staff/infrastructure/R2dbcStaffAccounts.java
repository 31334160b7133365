package dev.punchcard.core.staff.infrastructure;

import java.util.UUID;

import dev.punchcard.core.shared.domain.StaffId;
import dev.punchcard.core.shared.domain.StoreId;
import dev.punchcard.core.staff.application.StaffAccounts;
import dev.punchcard.core.staff.domain.Role;
import dev.punchcard.core.staff.domain.StaffMember;
import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

class R2dbcStaffAccounts implements StaffAccounts {

	private static final String COLUMNS = "id, username, password_hash, role, store_id, active";

	private final DatabaseClient db;

	R2dbcStaffAccounts(DatabaseClient db) {
		this.db = db;
	}

	@Override
	public Mono<StaffMember> insertIfAbsent(StaffMember member) {
		return this.db.sql("""
				INSERT INTO staff (id, username, password_hash, role, store_id, active)
				VALUES (:id, :username, :hash, :role, :storeId, :active)
				ON CONFLICT ON CONSTRAINT staff_username_key DO NOTHING
				""")
			.bind("id", member.id().value())
			.bind("username", member.username())
			.bind("hash", member.passwordHash())
			.bind("role", member.role().name())
			.bind("storeId",
					Parameter.fromOrEmpty(member.storeId() == null ? null : member.storeId().value(), UUID.class))
			.bind("active", member.active())
			.fetch()
			.rowsUpdated()
			.filter((inserted) -> inserted == 1L)
			.map((inserted) -> member);
	}

	@Override
	public Mono<StaffMember> findByUsername(String username) {
		return this.db.sql("SELECT " + COLUMNS + " FROM staff WHERE username = :username")
			.bind("username", username)
			.map(R2dbcStaffAccounts::member)
			.one();
	}

	@Override
	public Mono<StaffMember> findById(StaffId id) {
		return this.db.sql("SELECT " + COLUMNS + " FROM staff WHERE id = :id")
			.bind("id", id.value())
			.map(R2dbcStaffAccounts::member)
			.one();
	}

	@Override
	public Flux<StaffMember> all() {
		return this.db.sql("SELECT " + COLUMNS + " FROM staff ORDER BY username").map(R2dbcStaffAccounts::member).all();
	}

	@Override
	public Mono<Boolean> any() {
		return this.db.sql("SELECT EXISTS (SELECT 1 FROM staff)").map((row) -> row.get(0, Boolean.class)).one();
	}

	@Override
	public Mono<StaffMember> deactivate(StaffId id) {
		return this.db.sql("UPDATE staff SET active = false WHERE id = :id RETURNING " + COLUMNS)
			.bind("id", id.value())
			.map(R2dbcStaffAccounts::member)
			.one();
	}

	private static StaffMember member(Readable row) {
		UUID store = row.get("store_id", UUID.class);
		return new StaffMember(new StaffId(row.get("id", UUID.class)), row.get("username", String.class),
				row.get("password_hash", String.class), Role.valueOf(row.get("role", String.class)),
				store == null ? null : new StoreId(store), Boolean.TRUE.equals(row.get("active", Boolean.class)));
	}

}
