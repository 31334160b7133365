package dev.punchcard.core.staff.infrastructure;

import java.time.Clock;
import java.time.Duration;

import dev.punchcard.core.staff.application.AuthenticateStaff;
import dev.punchcard.core.staff.application.IssueLinkCode;
import dev.punchcard.core.staff.application.LinkStaffChat;
import dev.punchcard.core.staff.application.StaffChats;
import dev.punchcard.core.staff.application.EnsureFirstAdmin;
import dev.punchcard.core.staff.application.PasswordHashing;
import dev.punchcard.core.staff.application.RegisterStaff;
import dev.punchcard.core.staff.application.StaffAccounts;
import dev.punchcard.core.store.application.Stores;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.scheduler.Schedulers;

@Configuration(proxyBeanMethods = false)
class StaffConfiguration {

	@Bean
	StaffAccounts staffAccounts(DatabaseClient db) {
		return new R2dbcStaffAccounts(db);
	}

	@Bean
	PasswordHashing passwordHashing() {
		return new BCryptPasswordHashing(10, Schedulers.boundedElastic());
	}

	@Bean
	RegisterStaff registerStaff(StaffAccounts accounts, Stores stores, PasswordHashing hashing) {
		return new RegisterStaff(accounts, stores, hashing);
	}

	@Bean
	AuthenticateStaff authenticateStaff(StaffAccounts accounts, PasswordHashing hashing) {
		return new AuthenticateStaff(accounts, hashing);
	}

	@Bean
	StaffChats staffChats(DatabaseClient db, StaffAccounts accounts) {
		return new R2dbcStaffChats(db, accounts);
	}

	@Bean
	IssueLinkCode issueLinkCode(StaffAccounts accounts, StaffChats chats, Clock clock) {
		return new IssueLinkCode(accounts, chats, clock, Duration.ofHours(24));
	}

	@Bean
	LinkStaffChat linkStaffChat(StaffChats chats, StaffAccounts accounts, Clock clock) {
		return new LinkStaffChat(chats, accounts, clock);
	}

	@Bean
	EnsureFirstAdmin ensureFirstAdmin(StaffAccounts accounts, PasswordHashing hashing) {
		return new EnsureFirstAdmin(accounts, hashing);
	}

}
