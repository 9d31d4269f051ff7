package dev.hitter.models;

/** The genres HITTER has a model set for; a track is scored by its genre's models only. */
public enum Genre {
	POP, BALLAD, DANCE
}
