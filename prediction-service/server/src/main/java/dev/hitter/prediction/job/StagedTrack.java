package dev.hitter.prediction.job;

import dev.hitter.models.Genre;

/**
 * One track of a submission as it is staged: its labels, genre and lyrics, and where its audio comes from.
 *
 * @param fileName the audio file's name as the client sent it
 * @param audio the audio part, read once while the job is stored
 */
record StagedTrack(String fileName, String title, String artist, Genre genre, String lyrics,
		org.springframework.web.multipart.MultipartFile audio) {
}
