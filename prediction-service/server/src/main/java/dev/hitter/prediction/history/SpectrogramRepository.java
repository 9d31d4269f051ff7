package dev.hitter.prediction.history;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface SpectrogramRepository extends JpaRepository<Spectrogram, UUID> {
}
