package dev.hitter.auth.token;

import java.util.List;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface SigningKeyRepository extends JpaRepository<SigningKey, String> {

	List<SigningKey> findAllByOrderByCreatedAtDescKidAsc();

	/**
	 * Every key, each row locked until the transaction ends ({@code SELECT … FOR UPDATE}): two replicas rotating at
	 * once take turns, and the second sees the first one's new key.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select k from SigningKey k order by k.createdAt desc, k.kid asc")
	List<SigningKey> lockAll();
}
