package dev.hitter.auth.token;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface SigningKeyRepository extends JpaRepository<SigningKey, String> {

	List<SigningKey> findAllByOrderByCreatedAtDescKidAsc();

	/**
	 * Takes the rotation lock until the transaction ends ({@code SELECT … FOR UPDATE} of the one row of
	 * {@code signing_key_lock}): two replicas rotating at once take turns. Called first in its transaction, so that
	 * the keys read after it are read after the other replica's commit.
	 */
	@Query(value = "SELECT id FROM signing_key_lock WHERE id = 1 FOR UPDATE", nativeQuery = true)
	Integer lockRotation();
}
