package dev.hitter.auth.member;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

/** Members by id and by their normalised email. */
public interface MemberRepository extends JpaRepository<MemberAccount, UUID> {

	Optional<MemberAccount> findByEmail(String email);

	boolean existsByEmail(String email);
}
