package dev.punchcard.core.imports.domain;

import org.jspecify.annotations.Nullable;

/**
 * A member as a members file describes them.
 *
 * @param lineNo the line
 * @param externalId their id in the till or ERP
 * @param name display name
 * @param phone phone in E.164, when given
 * @param language language tag
 * @param homeStore code of their home store, when given
 * @param optedOut true when the file says they take no marketing messages, false when it
 * says they do, null when it does not say
 */
public record MemberRow(long lineNo, String externalId, String name, @Nullable String phone, String language,
		@Nullable String homeStore, @Nullable Boolean optedOut) {

}
