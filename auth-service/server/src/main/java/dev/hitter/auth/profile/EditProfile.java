package dev.hitter.auth.profile;

import java.time.Clock;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.hitter.auth.member.MemberAccount;
import dev.hitter.auth.member.MemberKind;
import dev.hitter.auth.member.MemberRenamed;
import dev.hitter.auth.member.MemberRepository;
import dev.hitter.kit.problem.ApiException;
import dev.hitter.kit.problem.ProblemType;

/** Reads and changes a member's own profile; a rename is announced as {@link MemberRenamed}. */
@Service
public class EditProfile {

	private final MemberRepository members;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	EditProfile(MemberRepository members, ApplicationEventPublisher events, Clock clock) {
		this.members = members;
		this.events = events;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public AccountProfile read(UUID memberId) {
		return AccountProfile.of(account(memberId));
	}

	@Transactional
	public AccountProfile edit(UUID memberId, ProfileUpdate update) {
		MemberAccount account = account(memberId);
		String displayName = update.displayName() == null ? null : update.displayName().strip();
		MemberKind kind = update.kind() == null ? null : MemberKind.fromApiName(update.kind()).orElseThrow();
		String affiliation = update.affiliation() == null ? null : update.affiliation().strip();
		String bio = update.bio() == null ? null : update.bio().strip();
		if (account.editProfile(displayName, kind, affiliation, bio, clock.instant())) {
			// Inside the transaction: a listener may enqueue it for other services in the same commit.
			events.publishEvent(new MemberRenamed(account.id(), account.displayName()));
		}
		return AccountProfile.of(account);
	}

	private MemberAccount account(UUID memberId) {
		// A valid token can outlive its account (deleted since); the caller must sign in again.
		return members.findById(memberId)
			.orElseThrow(() -> new ApiException(ProblemType.UNAUTHORIZED, "This account no longer exists."));
	}
}
